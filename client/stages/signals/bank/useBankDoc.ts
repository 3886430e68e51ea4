import { useEffect } from 'react'
import type * as Y from 'yjs'
import { initBank } from '../../../../shared/doc/index.ts'
import { BANK_DOC } from '../../../../shared/protocol.ts'
import type { Signal } from '../../../../shared/schema/signal.ts'
import { useStore } from '../../../state/store.ts'
import { useDocConnection, useOfflineStore, useYDoc } from '../../../sync/hooks.ts'
import { useNoPresence } from '../../../sync/presence.ts'
import { useDocSignals } from '../useDocSignals.ts'

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

  const held = useDocSignals(doc)
  useEffect(() => {
    if (doc) initBank(doc)
  }, [doc])
  return { doc, held }
}
