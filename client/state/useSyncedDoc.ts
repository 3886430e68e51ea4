/**
 * A workshop document as the app uses it: the sync layer's resources (`client/sync/hooks.ts`)
 * put together, with the connection's state mirrored into the store's connection slice.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { clearDocument } from 'y-indexeddb'
import { BOARD_DOC, CloseCode } from '../../shared/protocol.ts'
import { browserStorage } from '../sync/browserStorage.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { fetchPreviousBoard, generationStore, prepareCarryOver, type CarryOver, type GenerationStore } from '../sync/renewal.ts'
import { offlineStoreName, useDocConnection, useOfflineStore, useYDoc } from '../sync/hooks.ts'
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
  /**
   * The board's history started afresh and its new generation is loading (or taking this
   * device's carried-over changes): the last snapshot is what to show meanwhile.
   */
  renewing: boolean
}

/** A workshop document, offline-backed, connected and mirrored into the store. */
export function useSyncedDoc(workshopId: string, docName: SyncedDocName, key: string, identityToken: string | null | undefined = null): SyncedDoc {
  const [generation, setGeneration] = useState(0)
  const [discarding, setDiscarding] = useState(false)
  const doc = useYDoc(workshopId, docName, discarding ? null : generation)
  const loaded = useOfflineStore(doc, workshopId, docName)
  const generations = useMemo(() => (docName === BOARD_DOC ? generationStore(browserStorage(), workshopId) : null), [docName, workshopId])
  const connection = useDocConnection(loaded ? doc : null, workshopId, docName, key, identityToken, generations)
  useSyncIntoStore(connection, docName)
  const discardLocalCopy = useCallback(() => setDiscarding(true), [])
  const renewing = useRenewal(connection, doc, generations, workshopId, key, discardLocalCopy)

  useEffect(() => {
    // Wait for the render in which the old document is gone: by then the effects above have
    // destroyed its persistence and connection, and IndexedDB deletes the database as soon as
    // that last connection has closed.
    if (!discarding || doc !== null) return
    let active = true
    const cleared = typeof indexedDB === 'undefined' ? Promise.resolve() : clearDocument(offlineStoreName(workshopId, docName)).catch(() => {})
    void cleared.then(() => {
      if (!active) return
      setGeneration((g) => g + 1)
      setDiscarding(false)
    })
    return () => {
      active = false
    }
  }, [discarding, doc, workshopId, docName])

  return { doc, connection, discardLocalCopy, renewing }
}

/**
 * When the board's history started afresh (close `renewed`): sets aside what this copy has that
 * the old generation's last state lacks, loads the new generation in its place, and writes the
 * set-aside changes into it once it has synced (client/sync/renewal.ts).
 */
function useRenewal(
  connection: DocConnection | null,
  doc: Y.Doc | null,
  generations: GenerationStore | null,
  workshopId: string,
  key: string,
  discardLocalCopy: () => void,
): boolean {
  const [renewing, setRenewing] = useState(false)
  /** Set aside from the old generation (null: nothing to carry) until the new one has synced. */
  const carried = useRef<CarryOver | null | undefined>(undefined)
  useEffect(() => {
    if (!connection || !doc || !generations) return
    let active = true
    let started = false
    const check = () => {
      const state = connection.getState()
      if (state.closeCode === CloseCode.renewed && !started) {
        started = true
        setRenewing(true)
        void (async () => {
          const hasContent = doc.store.clients.size > 0
          const previous = hasContent ? await fetchPreviousBoard(workshopId, key, generations.get() ?? 0) : null
          if (!active) return
          carried.current = hasContent ? prepareCarryOver(doc, previous) : null
          generations.clear()
          discardLocalCopy()
        })()
      }
      if (carried.current !== undefined && state.status === 'connected' && state.synced) {
        const carry = carried.current
        carried.current = undefined
        carry?.(doc)
        setRenewing(false)
      }
    }
    check()
    const unsubscribe = connection.subscribe(check)
    return () => {
      active = false
      unsubscribe()
    }
  }, [connection, doc, generations, workshopId, key, discardLocalCopy])
  return renewing
}
