import { useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { createBoardWatcher, initBank, type BoardSnapshot, type Watcher } from '../../../../shared/doc/index.ts'
import { BANK_DOC } from '../../../../shared/protocol.ts'
import type { Signal } from '../../../../shared/schema/signal.ts'
import { useStore } from '../../../state/store.ts'
import { useDocConnection, useOfflineStore, useYDoc } from '../../../sync/hooks.ts'
import { useNoPresence } from '../../../sync/presence.ts'

const NO_SIGNALS: ReadonlyMap<string, Signal> = new Map()
const noSubscribe = () => () => {}
const noSnapshot = () => null

/**
 * The workshop's bank document (signals held back until released), for a facilitator: synced,
 * kept offline like the others, without presence. The server refuses it to anyone else.
 */
export function useBankDoc(): { doc: Y.Doc | null; held: ReadonlyMap<string, Signal> } {
  const workshopId = useStore((s) => s.session?.workshopId ?? '')
  const key = useStore((s) => s.session?.key ?? '')
  const doc = useYDoc(workshopId, BANK_DOC, workshopId && key ? 0 : null)
  useOfflineStore(doc, workshopId, BANK_DOC)
  const connection = useDocConnection(doc, workshopId, BANK_DOC, key)
  useNoPresence(connection)

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
  useEffect(() => {
    if (doc) initBank(doc)
  }, [doc])
  return { doc, held: snapshot?.signals ?? NO_SIGNALS }
}
