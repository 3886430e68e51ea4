/**
 * React ownership of the sync resources. Each effect owns exactly one resource and destroys it in
 * its cleanup, so StrictMode's mount–unmount–mount and route changes never leak a socket, an
 * IndexedDB handle or a document:
 *
 *   useYDoc          Y.Doc                  doc.destroy()
 *   useOfflineStore  IndexeddbPersistence   persistence.destroy()
 *   useDocConnection WebsocketProvider      provider.destroy()   (via DocConnection.destroy)
 *   useSyncIntoStore store subscription     unsubscribe
 */
import { useCallback, useEffect, useState } from 'react'
import * as Y from 'yjs'
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import { connectDoc, type DocConnection } from './docConnection.ts'
import { INITIAL_SYNC_STATE } from './syncState.ts'
import { useStore } from '../state/store.ts'
import type { SyncedDocName } from '../state/slices/connection.ts'

/** IndexedDB database name for a workshop document. */
export const offlineStoreName = (workshopId: string, docName: string) => `s2s:${workshopId}:${docName}`

/**
 * A fresh Y.Doc per workshop document; null during the first render. A new `generation` makes a
 * new document (after a discarded offline copy); `null` holds none.
 */
export function useYDoc(workshopId: string, docName: string, generation: number | null = 0): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null)
  useEffect(() => {
    if (generation === null) return
    const created = new Y.Doc()
    setDoc(created)
    return () => {
      setDoc(null)
      created.destroy()
    }
  }, [workshopId, docName, generation])
  return doc
}

/** Keeps the document in IndexedDB, so edits survive a closed tab and sync on reconnect. */
export function useOfflineStore(doc: Y.Doc | null, workshopId: string, docName: string): void {
  useEffect(() => {
    if (!doc || typeof indexedDB === 'undefined') return
    let persistence: IndexeddbPersistence
    try {
      persistence = new IndexeddbPersistence(offlineStoreName(workshopId, docName), doc)
    } catch {
      return // IndexedDB refused (some private modes): the workshop still works online
    }
    return () => {
      void persistence.destroy()
    }
  }, [doc, workshopId, docName])
}

/**
 * The connection of one document to the server; null until the document exists. `identityToken`
 * is the person's server-signed identity offered with it; `undefined` holds the connection back
 * until it is known (the document still loads from this device), `null` connects without one.
 */
export function useDocConnection(doc: Y.Doc | null, workshopId: string, docName: string, key: string, identityToken: string | null | undefined = null): DocConnection | null {
  const [connection, setConnection] = useState<DocConnection | null>(null)
  useEffect(() => {
    if (!doc || identityToken === undefined) return
    const created = connectDoc({ doc, workshopId, docName, key, identityToken, origin: window.location.origin })
    setConnection(created)
    return () => {
      setConnection(null)
      created.destroy()
    }
  }, [doc, workshopId, docName, key, identityToken])
  return connection
}

/** Mirrors a connection's state into the store's connection slice. */
export function useSyncIntoStore(connection: DocConnection | null, name: SyncedDocName): void {
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
}

/** A workshop document, offline-backed, connected and mirrored into the store. */
export function useSyncedDoc(workshopId: string, docName: SyncedDocName, key: string, identityToken: string | null | undefined = null): SyncedDoc {
  const [generation, setGeneration] = useState(0)
  const [discarding, setDiscarding] = useState(false)
  const doc = useYDoc(workshopId, docName, discarding ? null : generation)
  useOfflineStore(doc, workshopId, docName)
  const connection = useDocConnection(doc, workshopId, docName, key, identityToken)
  useSyncIntoStore(connection, docName)

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

  const discardLocalCopy = useCallback(() => setDiscarding(true), [])
  return { doc, connection, discardLocalCopy }
}
