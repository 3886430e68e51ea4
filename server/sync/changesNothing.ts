import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { readDeletions } from '../../shared/doc/structCount.ts'

/** Structs of the document looked at, at most, before an update is taken to change something. */
const MAX_STEPS = 20_000

/**
 * Whether `update` carries no structs and deletes only what `doc` has deleted already. Every
 * client answers the server's sync step 1 with the document's whole delete set (Yjs always
 * sends it), so a reconnect on a board that has seen a thousand deletions sends them all again:
 * such an answer is nothing to store, check or charge, and must not be refused as a write (a
 * document over its size limit). Reads the update's first byte for any other update; walks at
 * most `MAX_STEPS` of the document's structs, past which (or on a range it does not hold) the
 * update goes the usual way.
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const decoder = decoding.createDecoder(update)
  if (decoding.readVarUint(decoder) !== 0) return false
  let deletions: ReturnType<typeof readDeletions>
  try {
    deletions = readDeletions(decoder)
  } catch {
    return false // not an update: the usual way says so
  }
  let steps = 0
  for (const [client, ranges] of deletions) {
    const structs = doc.store.clients.get(client)
    const held = Y.getState(doc.store, client)
    for (const [clock, length] of ranges) {
      if (!structs || length <= 0 || clock + length > held) return false
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + length; i++) {
        if (!structs[i]!.deleted || ++steps > MAX_STEPS) return false
      }
    }
  }
  return decoder.pos === update.byteLength
}
