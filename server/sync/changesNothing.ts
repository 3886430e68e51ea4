import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { structsInRange } from '../../shared/doc/structCount.ts'

/**
 * What one check may look at, at most: the update's clients and ranges, and the document's
 * structs they cover. Past it the update goes the usual way (guard, charges).
 */
const MAX_STEPS = 20_000

/**
 * Whether `update` carries no structs and deletes only what `doc` has deleted already. Every
 * client answers the server's sync step 1 with the document's whole delete set (Yjs always
 * sends it), so a reconnect on a board that has seen a thousand deletions sends them all again:
 * such an answer is nothing to store, check or charge, and must not be refused as a write (a
 * document over its size limit). Reads the update's first byte for any other update; counts a
 * step for each client, range and struct it reads, and answers false past `MAX_STEPS`, on a
 * range the document does not hold, or on bytes that are not an update.
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(update)
    if (decoding.readVarUint(decoder) !== 0) return false
    const clients = decoding.readVarUint(decoder)
    let steps = clients
    if (steps > MAX_STEPS) return false
    for (let c = 0; c < clients; c++) {
      const client = decoding.readVarUint(decoder)
      const ranges = decoding.readVarUint(decoder)
      if ((steps += ranges) > MAX_STEPS) return false
      const held = Y.getState(doc.store, client)
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(decoder)
        const length = decoding.readVarUint(decoder)
        if (length <= 0 || clock + length > held) return false
        for (const struct of structsInRange(doc, client, clock, length)) if (!struct.deleted || ++steps > MAX_STEPS) return false
      }
    }
    return decoder.pos === update.byteLength
  } catch {
    return false // not an update: the usual way says so
  }
}
