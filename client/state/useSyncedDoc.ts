/**
 * A workshop document as the app uses it: the sync layer's resources (`client/sync/hooks.ts`)
 * put together, with the connection's state mirrored into the store's connection slice.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { Writer } from '../../shared/permissions.ts'
import { BOARD_DOC } from '../../shared/protocol.ts'
import { browserStorage } from '../sync/browserStorage.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { generationStore } from '../sync/renewal.ts'
import { useRenewal, type RenewalPhase } from './useRenewal.ts'
import { deleteOfflineCopy, useDocConnection, useOfflineStore, useYDoc } from '../sync/hooks.ts'
import { INITIAL_SYNC_STATE } from '../sync/syncState.ts'
import type { MirroredDocName, SyncedDocName } from './slices/connection.ts'
import { useStore } from './store.ts'

/** Mirrors a connection's state into the store's connection slice. */
export function useSyncIntoStore(connection: DocConnection | null, name: MirroredDocName): void {
  useEffect(() => {
    if (!connection) return
    const publish = () => useStore.getState().setDocSync(name, connection.getState())
    // Start from the current state: the socket may have opened before this effect ran.
    publish()
    const unsubscribe = connection.subscribe(publish)
    return () => {
      unsubscribe()
      useStore.getState().setDocSync(name, INITIAL_SYNC_STATE)
    }
  }, [connection, name])
}

export interface SyncedDoc {
  doc: Y.Doc | null
  connection: DocConnection | null
  /**
   * Throws away this device's copy (memory and IndexedDB) and loads the document afresh from
   * the server: for a local change the server refused and will never take.
   */
  discardLocalCopy(): void
  /** The board's history started afresh and its new generation is loading: show the last snapshot meanwhile. */
  renewing: boolean
}

/** A workshop document, offline-backed, connected and mirrored into the store. */
export function useSyncedDoc(
  workshopId: string,
  docName: SyncedDocName,
  key: string,
  identityToken: string | null | undefined = null,
  writer: Writer | null = null,
): SyncedDoc {
  /** Counts the Y.Doc instances this hook made (a new one after a discarded copy or a renewal). */
  const [instance, setInstance] = useState(0)
  const [discarding, setDiscarding] = useState(false)
  const doc = useYDoc(workshopId, docName, discarding ? null : instance)
  const generations = useMemo(() => (docName === BOARD_DOC ? generationStore(browserStorage(), workshopId) : null), [docName, workshopId])
  const [renewal, setRenewal] = useState<RenewalPhase>('none')
  // While a renewed board's new generation loads, the old copy stays in IndexedDB on its own.
  const loaded = useOfflineStore(doc, workshopId, docName, renewal === 'none')
  const connection = useDocConnection(loaded ? doc : null, workshopId, docName, key, identityToken, generations)
  useSyncIntoStore(connection, docName)
  const discardLocalCopy = useCallback(() => setDiscarding(true), [])
  const replaceDoc = useCallback(() => setInstance((n) => n + 1), [])
  useRenewal({ connection, doc, generations, workshopId, docName, key, phase: setRenewal, replaceDoc, writer })

  useEffect(() => {
    // Wait for the render in which the old document is gone: by then the effects above have
    // destroyed its persistence and connection, and IndexedDB deletes the database as soon as
    // that last connection has closed.
    if (!discarding || doc !== null) return
    let active = true
    void deleteOfflineCopy(workshopId, docName).then(() => {
      if (!active) return
      setInstance((n) => n + 1)
      setDiscarding(false)
    })
    return () => {
      active = false
    }
  }, [discarding, doc, workshopId, docName])

  return { doc, connection, discardLocalCopy, renewing: renewal === 'loading' }
}
