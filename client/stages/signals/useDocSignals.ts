import { useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { createBoardWatcher, type BoardSnapshot, type Watcher } from '../../../shared/doc/index.ts'
import type { Signal } from '../../../shared/schema/signal.ts'

const NO_SIGNALS: ReadonlyMap<string, Signal> = new Map()
const noSubscribe = () => () => {}
const noSnapshot = () => null

/**
 * The cards of a document shaped like the board (a private draft, the bank), through the same
 * structurally shared watcher the board uses; empty until the document exists. The watcher lives
 * as long as the document does.
 */
export function useDocSignals(doc: Y.Doc | null): ReadonlyMap<string, Signal> {
  const [watcher, setWatcher] = useState<Watcher<BoardSnapshot> | null>(null)
  useEffect(() => {
    if (!doc) return
    const created = createBoardWatcher(doc)
    setWatcher(created)
    return () => {
      setWatcher(null)
      created.destroy()
    }
  }, [doc])
  const snapshot = useSyncExternalStore(watcher?.subscribe ?? noSubscribe, watcher?.getSnapshot ?? noSnapshot)
  return snapshot?.signals ?? NO_SIGNALS
}
