/**
 * Carrying a device's unsent changes into a board started afresh (step 1 and 3 of
 * client/sync/renewal.ts), or into a fresh copy past a change the server refused
 * (`carryPastRefusal`): loaded on its own (`loadCarryOver`), since only those need it.
 */
import * as Y from 'yjs'
import { carryOver } from '../../shared/doc/restore.ts'
import { LOCAL_ORIGIN } from '../../shared/doc/origin.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'
import { mayChangeRecord, type Writer } from '../../shared/permissions.ts'

/** What a renewed board still has to take from this device, until the new generation has synced. */
export type CarryOver = (live: Y.Doc) => number

/**
 * Sets aside this copy's changes beyond `previous` (the old generation's last state). Without
 * `previous` (no longer kept: the board was started afresh again since), only the records the new
 * board lacks are carried, so a card written offline is never lost (one deleted by others while
 * this device was away may come back).
 */
export function prepareCarryOver(copy: Y.Doc, previous: Uint8Array | null): CarryOver {
  const edited = newDoc()
  Y.applyUpdate(edited, Y.encodeStateAsUpdate(copy))
  if (previous) {
    const base = newDoc()
    Y.applyUpdate(base, previous)
    Y.applyUpdate(edited, previous)
    return (live) => finish(carryOver(live, base, edited, LOCAL_ORIGIN), base, edited)
  }
  return (live) => {
    // The base is this copy less what the new board lacks: exactly those records are carried.
    const base = newDoc()
    Y.applyUpdate(base, Y.encodeStateAsUpdate(edited))
    base.transact(() => {
      for (const name of base.share.keys()) {
        const root = base.getMap(name)
        const present = live.getMap(name)
        for (const key of [...root.keys()]) if (!present.has(key)) root.delete(key)
      }
    })
    return finish(carryOver(live, base, edited, LOCAL_ORIGIN), base, edited)
  }
}

function finish(changes: number, ...docs: Y.Doc[]): number {
  for (const doc of docs) doc.destroy()
  return changes
}

/**
 * Writes into `live`, a fresh copy of the board just synced from the server, what this device had
 * that the server lacks (`kept`: the old copy's whole state), record by record, leaving out every
 * record `writer` may not change: the server refused a change to one of them (another person's),
 * and everything after it waited behind it. What the server holds is the base; the old copy with
 * the server's state added is the edited version, so their differences are this device's own
 * changes. Returns how many entries it wrote or deleted.
 */
export function carryPastRefusal(live: Y.Doc, kept: Uint8Array, writer: Writer): number {
  const server = Y.encodeStateAsUpdate(live)
  const base = newDoc()
  Y.applyUpdate(base, server)
  const edited = newDoc()
  Y.applyUpdate(edited, kept)
  Y.applyUpdate(edited, server)
  const record = (doc: Y.Doc, root: string, key: string): object | null => {
    const value = doc.getMap(root).get(key)
    return value instanceof Y.Map ? (value.toJSON() as object) : null
  }
  const mine = (root: string, key: string) => mayChangeRecord(writer, root, key, record(base, root, key), record(edited, root, key))
  return finish(carryOver(live, base, edited, LOCAL_ORIGIN, mine), base, edited)
}
