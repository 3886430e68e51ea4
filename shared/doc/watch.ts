/**
 * Live snapshots for the UI bridge, with structural sharing.
 *
 * Each root is observed deeply; an event names the entry it touched (the root key at the head of
 * its path), and after the transaction only those entries are re-read and re-validated. An
 * untouched record keeps its object, an untouched collection keeps its Map, an unchanged
 * snapshot keeps its identity. Typing in one card of 1,000 re-reads one card.
 */
import type * as Y from 'yjs'
import type { Meta, Session, Stage } from '../schema/index'
import { byOrderThenId } from '../util/order'
import { ignoreInvalid, type OnInvalid } from './codec'
import { BOARD_COLLECTIONS, BOARD_SPECS, parseRecord, type RecordSpec } from './collections'
import { STAGE_SPEC, readCollection, readMeta, readSession, readVersion, type ReadOptions } from './read'
import { boardCollection, boardInfo, controlMeta, controlSession, controlStages } from './roots'
import type { BoardSnapshot, ControlSnapshot, Watcher } from './snapshot'

/**
 * Watches the board document.
 *
 * @example
 * const watcher = createBoardWatcher(doc)
 * const board = useSyncExternalStore(watcher.subscribe, watcher.getSnapshot)
 */
export function createBoardWatcher(doc: Y.Doc, { onInvalid = ignoreInvalid }: ReadOptions = {}): Watcher<BoardSnapshot> {
  const caches = new Map(
    BOARD_COLLECTIONS.map((name) => [name, new CollectionCache(boardCollection(doc, name), BOARD_SPECS[name] as RecordSpec<unknown>, onInvalid)]),
  )
  let snapshot = buildBoard(readVersion(boardInfo(doc)))
  let versionDirty = false

  function buildBoard(schemaVersion: number | null): BoardSnapshot {
    const collections = Object.fromEntries([...caches].map(([name, cache]) => [name, cache.current]))
    return Object.freeze({ schemaVersion, ...collections }) as BoardSnapshot
  }

  const observers: (() => void)[] = [...caches.values()].map((cache) => cache.observe())
  const infoObserver = () => (versionDirty = true)
  boardInfo(doc).observe(infoObserver)
  observers.push(() => boardInfo(doc).unobserve(infoObserver))

  return createWatcher(
    doc,
    () => snapshot,
    observers,
    () => {
      let changed = versionDirty
      for (const cache of caches.values()) changed = cache.flush() || changed
      if (!changed) return false
      versionDirty = false
      const next = buildBoard(readVersion(boardInfo(doc)))
      const same = next.schemaVersion === snapshot.schemaVersion && BOARD_COLLECTIONS.every((name) => next[name] === snapshot[name])
      if (!same) snapshot = next
      return !same
    },
  )
}

/** Watches the control document: meta, stages and session, each replaced only when touched. */
export function createControlWatcher(doc: Y.Doc, { onInvalid = ignoreInvalid }: ReadOptions = {}): Watcher<ControlSnapshot> {
  const stages = new CollectionCache(controlStages(doc), STAGE_SPEC, onInvalid)
  let sortedStages = sortStages(stages.current)
  let meta: Meta = readMeta(doc, onInvalid)
  let session: Session = readSession(doc, onInvalid)
  let snapshot = build()
  let metaDirty = false
  let sessionDirty = false

  function build(): ControlSnapshot {
    return Object.freeze({ schemaVersion: readVersion(controlMeta(doc)), meta, stages: sortedStages, ...session })
  }

  const markMeta = () => (metaDirty = true)
  const markSession = () => (sessionDirty = true)
  controlMeta(doc).observeDeep(markMeta)
  controlSession(doc).observeDeep(markSession)
  const observers = [stages.observe(), () => controlMeta(doc).unobserveDeep(markMeta), () => controlSession(doc).unobserveDeep(markSession)]

  return createWatcher(
    doc,
    () => snapshot,
    observers,
    () => {
      const stagesChanged = stages.flush()
      if (!stagesChanged && !metaDirty && !sessionDirty) return false
      if (stagesChanged) sortedStages = sortStages(stages.current)
      if (metaDirty) meta = reuseIfEqual(meta, readMeta(doc, onInvalid))
      if (sessionDirty) session = reuseFields(session, readSession(doc, onInvalid))
      metaDirty = sessionDirty = false
      const next = build()
      const same = (Object.keys(next) as (keyof ControlSnapshot)[]).every((key) => next[key] === snapshot[key])
      if (!same) snapshot = next
      return !same
    },
  )
}

/** Publishes after whole transactions, so a command touching five roots notifies once. */
function createWatcher<S>(doc: Y.Doc, current: () => S, observers: (() => void)[], flush: () => boolean): Watcher<S> {
  const listeners = new Set<() => void>()
  const afterTransaction = () => {
    if (flush()) for (const listener of [...listeners]) listener()
  }
  doc.on('afterTransaction', afterTransaction)
  return {
    getSnapshot: current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      doc.off('afterTransaction', afterTransaction)
      for (const stop of observers) stop()
      listeners.clear()
    },
  }
}

/** The records of one root, kept current by re-reading only the keys a transaction touched. */
class CollectionCache<T> {
  current: ReadonlyMap<string, T>
  private readonly dirty = new Set<string>()

  constructor(
    private readonly root: Y.Map<unknown>,
    private readonly spec: RecordSpec<T>,
    private readonly onInvalid: OnInvalid,
  ) {
    this.current = readCollection(root, spec, onInvalid)
  }

  /** Starts collecting touched keys; returns the function that stops. */
  observe(): () => void {
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === this.root) for (const key of event.changes.keys.keys()) this.dirty.add(key)
        else if (typeof event.path[0] === 'string') this.dirty.add(event.path[0])
      }
    }
    this.root.observeDeep(handler)
    return () => this.root.unobserveDeep(handler)
  }

  /** Re-reads the touched keys; `true` when the map changed. */
  flush(): boolean {
    if (this.dirty.size === 0) return false
    let next: Map<string, T> | null = null
    for (const key of this.dirty) {
      const previous = this.current.get(key)
      const record = parseRecord(this.root, this.spec, key, this.onInvalid)
      if (record === null) {
        if (previous === undefined) continue
        next ??= new Map(this.current)
        next.delete(key)
      } else if (previous === undefined || reuseIfEqual<T>(previous, record) !== previous) {
        next ??= new Map(this.current)
        next.set(key, record)
      }
    }
    this.dirty.clear()
    if (next === null) return false
    this.current = next
    return true
  }
}

function sortStages(stages: ReadonlyMap<string, Stage>): readonly Stage[] {
  return Object.freeze([...stages.values()].sort(byOrderThenId))
}

/** The previous object when the new one holds the same data (a write that restored a value). */
function reuseIfEqual<T>(previous: T, next: T): T {
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next
}

/** Per-field sharing for the session: a timer tick must not look like a change of groups. */
function reuseFields(previous: Session, next: Session): Session {
  const merged = { ...next } as Record<keyof Session, unknown>
  for (const key of Object.keys(next) as (keyof Session)[]) merged[key] = reuseIfEqual(previous[key], next[key])
  const same = (Object.keys(merged) as (keyof Session)[]).every((key) => merged[key] === previous[key])
  return same ? previous : (Object.freeze(merged) as Session)
}
