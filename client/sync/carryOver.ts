/**
 * Carrying a device's unsent changes into a board started afresh (step 1 and 3 of
 * client/sync/renewal.ts): loaded on its own (`loadCarryOver`), since only a renewal needs it.
 */
import * as Y from 'yjs'
import { carryOver } from '../../shared/doc/restore.ts'
import { LOCAL_ORIGIN } from '../../shared/doc/origin.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'

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
