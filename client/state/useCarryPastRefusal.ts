/**
 * A change of this device's board that the server refused as another person's (`notYours`: the
 * app offers none, so a race or a stale identity made it). Yjs numbers a page's changes in one run,
 * so everything written after the refused change waits behind it on the server for good, and the
 * device's own copy sends the refused change again on every connect, with whatever else it has
 * unsent, and has all of it refused again. So, once per page:
 *
 *   1. the old copy's whole state is set aside, in memory, and the copy thrown away (memory and
 *      IndexedDB: `discardLocalCopy`); a fresh copy loads from the server;
 *   2. once it has synced, this device's own changes are carried into it as new changes, record
 *      by record, leaving out the records this person may not change (`carryPastRefusal`).
 *
 * A tab closed between the two loses what was set aside: a second or two, once, for a change the
 * app never makes itself. Refused again after that, the page says so and stops trying.
 */
import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
import type { Writer } from '../../shared/permissions.ts'
import type { DocConnection } from '../sync/docConnection.ts'
import { loadCarryOverPatiently } from '../sync/renewal.ts'

interface RefusedBoard {
  doc: Y.Doc | null
  connection: DocConnection | null
  discardLocalCopy(): void
}

export function useCarryPastRefusal(board: RefusedBoard, writer: Writer | null): void {
  /** The old copy's state, from the refusal until the fresh copy has synced. */
  const kept = useRef<Uint8Array | null>(null)
  const tried = useRef(false)
  const { doc, connection, discardLocalCopy } = board
  useEffect(() => {
    // A render can pair the new document with the old connection, for one effect run: skip it.
    if (!doc || !connection || !writer || connection.provider.doc !== doc) return
    const check = () => {
      const state = connection.getState()
      if (!tried.current && state.denied === 'notYours') {
        tried.current = true
        kept.current = Y.encodeStateAsUpdate(doc)
        discardLocalCopy()
        return
      }
      if (kept.current && state.status === 'connected' && state.synced) {
        const copy = kept.current
        kept.current = null
        loadCarryOverPatiently().then(
          ({ carryPastRefusal }) => {
            // Gone meanwhile (discarded again): the next copy takes it once it has synced.
            if (doc.isDestroyed) kept.current ??= copy
            else carryPastRefusal(doc, copy, writer)
          },
          // Not loaded after a minute of tries: tried again at the connection's next change.
          () => (kept.current ??= copy),
        )
      }
    }
    check()
    return connection.subscribe(check)
  }, [doc, connection, writer, discardLocalCopy])
}
