/**
 * React ownership of the sync resources. Each effect owns exactly one resource and destroys it in
 * its cleanup, so StrictMode's mount–unmount–mount and route changes never leak a socket, an
 * IndexedDB handle or a document:
 *
 *   useYDoc          Y.Doc                  doc.destroy()
 *   useOfflineStore  IndexeddbPersistence   persistence.destroy()
 *   useDocConnection WebsocketProvider      provider.destroy()   (via DocConnection.destroy)
 *
 * `client/state/useSyncedDoc.ts` puts them together and mirrors the connection into the store.
 */
import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { connectDoc, type DocConnection } from './docConnection.ts'

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
export function useDocConnection(
  doc: Y.Doc | null,
  workshopId: string,
  docName: string,
  key: string,
  identityToken: string | null | undefined = null,
): DocConnection | null {
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
