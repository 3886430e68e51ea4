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
import type * as Y from 'yjs'
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb'
import { migrate } from '../../shared/doc/migrate.ts'
import { docKindOf } from '../../shared/protocol.ts'
import { connectDoc, type DocConnection } from './docConnection.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'
import { offeredGeneration, type GenerationStore } from './renewal.ts'

/** IndexedDB database name for a workshop document. */
export const offlineStoreName = (workshopId: string, docName: string) => `s2s:${workshopId}:${docName}`

/**
 * Deletes this device's copy of a document from IndexedDB (once its connections there are
 * closed); false when IndexedDB refused. Without IndexedDB there is nothing to delete.
 */
export function deleteOfflineCopy(workshopId: string, docName: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(true)
  return clearDocument(offlineStoreName(workshopId, docName)).then(
    () => true,
    () => false,
  )
}

/**
 * A fresh Y.Doc per workshop document; null during the first render. A new `instance` makes a
 * new document (after a discarded offline copy, or for a renewed board); `null` holds none.
 */
export function useYDoc(workshopId: string, docName: string, instance: number | null = 0): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null)
  useEffect(() => {
    if (instance === null) return
    const created = newDoc()
    setDoc(created)
    return () => {
      setDoc(null)
      created.destroy()
    }
  }, [workshopId, docName, instance])
  return doc
}

/** How long an IndexedDB that does not answer may hold the connection back. */
const OFFLINE_LOAD_WAIT_MS = 3_000

/**
 * Keeps the document in IndexedDB, so edits survive a closed tab and sync on reconnect. Returns
 * true once this device's copy is loaded and brought to the current schema (`migrate`): open the
 * connection only then, so records an older app wrote here while offline are upgraded before they
 * reach the server (after a reload the version handshake asked for). Without IndexedDB (some
 * private modes), or if it stays silent, the document opens online only. With `attach` false the
 * document opens without it for now (a renewed board's new generation, while the old copy stays
 * stored); attached later, the document's content is stored then.
 */
export function useOfflineStore(doc: Y.Doc | null, workshopId: string, docName: string, attach = true): boolean {
  const [loaded, setLoaded] = useState<Y.Doc | null>(null)
  useEffect(() => {
    if (!doc) return
    if (!attach) {
      setLoaded(doc)
      return
    }
    let persistence: IndexeddbPersistence | null = null
    let done = false
    const finish = () => {
      if (done) return
      done = true
      const kind = docKindOf(docName)
      if (kind) migrate(doc, kind) // a copy newer than this code is left as it is; the server judges it
      setLoaded(doc)
    }
    try {
      if (typeof indexedDB !== 'undefined') persistence = new IndexeddbPersistence(offlineStoreName(workshopId, docName), doc)
    } catch {
      persistence = null // IndexedDB refused: the workshop still works online
    }
    if (!persistence) {
      finish()
      return
    }
    const timer = setTimeout(finish, OFFLINE_LOAD_WAIT_MS)
    void persistence.whenSynced.then(finish)
    return () => {
      done = true
      clearTimeout(timer)
      void persistence.destroy()
    }
  }, [doc, workshopId, docName, attach])
  return doc !== null && loaded === doc
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
  /** The board's: where this copy's generation is noted (renewal.ts). */
  generations: GenerationStore | null = null,
): DocConnection | null {
  const [connection, setConnection] = useState<DocConnection | null>(null)
  useEffect(() => {
    if (!doc || identityToken === undefined) return
    const created = connectDoc({
      doc,
      workshopId,
      docName,
      key,
      identityToken,
      origin: window.location.origin,
      ...(generations ? { generation: offeredGeneration(doc, generations.get()), onGeneration: (generation: number) => generations.set(generation) } : {}),
    })
    setConnection(created)
    return () => {
      setConnection(null)
      created.destroy()
    }
  }, [doc, workshopId, docName, key, identityToken, generations])
  return connection
}
