/**
 * The one place where Yjs document changes become store snapshots.
 *
 * The watchers come from shared/doc (the only code that knows Yjs root names). Their snapshots
 * are immutable and structurally shared, and they notify once per transaction that changed
 * something, so publishing a snapshot re-renders only the components whose selected slice
 * actually changed.
 *
 * Contract relied on (shared/doc/snapshot.ts `Watcher`): `getSnapshot()` returns the same object
 * until something changes; `subscribe(listener)` calls the listener after each such transaction
 * and returns the unsubscribe; `destroy()` stops observing.
 */
import type * as Y from 'yjs'
import type { BoardSnapshot, ControlSnapshot, Watcher } from '../../shared/doc/snapshot.ts'
import { createBoardWatcher, createControlWatcher } from '../../shared/doc/watch.ts'
import { useStore, type AppStore } from './store.ts'

export type { BoardSnapshot, ControlSnapshot }

/**
 * Stops mirroring. The store is emptied unless `keepShown`: while a renewed board's new
 * generation loads, the last snapshot stays on screen instead of an empty wall.
 */
export type BridgeTeardown = (keepShown?: boolean) => void

function bridge<S>(watcher: Watcher<S>, publish: (snapshot: S | null) => void): BridgeTeardown {
  // Publish the current state first, then follow changes: the document may already hold data
  // (IndexedDB, or a provider that synced before we subscribed).
  publish(watcher.getSnapshot())
  const unsubscribe = watcher.subscribe(() => publish(watcher.getSnapshot()))
  return (keepShown = false) => {
    unsubscribe()
    watcher.destroy()
    if (!keepShown) publish(null)
  }
}

/** Mirrors the board document into `store.board`; returns the teardown. */
export function bridgeBoard(doc: Y.Doc, store: AppStore = useStore): BridgeTeardown {
  return bridge(createBoardWatcher(doc), (snapshot) => store.getState().setBoard(snapshot))
}

/** Mirrors the control document into `store.control`; returns the teardown. */
export function bridgeControl(doc: Y.Doc, store: AppStore = useStore): BridgeTeardown {
  return bridge(createControlWatcher(doc), (snapshot) => store.getState().setControl(snapshot))
}
