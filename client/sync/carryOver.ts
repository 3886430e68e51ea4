/**
 * Carrying a device's unsent changes into a board started afresh (step 1 and 3 of
 * client/sync/renewal.ts), or into a fresh copy past a change the server refused
 * (`carryPastRefusal`): loaded on its own (`loadCarryOver`), since only those need it.
 */
import * as Y from 'yjs'
import { carryOver } from '../../shared/doc/restore.ts'
import { CARRY_ORIGIN } from '../../shared/doc/origin.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'
import { readBoard } from '../../shared/doc/read.ts'
import type { BoardSnapshot } from '../../shared/doc/snapshot.ts'
import { mayChangeRecord, parentsOf, type Writer } from '../../shared/permissions.ts'

/**
 * What a renewed board (or a fresh copy past a refused change) still has to take from this device,
 * until the new copy has synced: written into `live`, the board of `generation`.
 */
export type CarryOver = (live: Y.Doc, generation?: number | null) => number

/**
 * Sets aside this copy's changes beyond `previous` (the old generation's last state). Without
 * `previous` (no longer kept: the board was started afresh again since), only the records the new
 * board lacks are carried, so a card written offline is never lost (one deleted by others while
 * this device was away may come back). `carries(root, key)`: which records to carry (all when not given).
 */
export function prepareCarryOver(copy: Y.Doc, previous: Uint8Array | null, carries?: (root: string, key: string) => boolean): CarryOver {
  const edited = newDoc()
  Y.applyUpdate(edited, Y.encodeStateAsUpdate(copy))
  if (previous) {
    const base = newDoc()
    Y.applyUpdate(base, previous)
    Y.applyUpdate(edited, previous)
    return (live) => finish(carryOver(live, base, edited, CARRY_ORIGIN, carries), base, edited)
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
    return finish(carryOver(live, base, edited, CARRY_ORIGIN, carries), base, edited)
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
 * changes. Records are read as the app reads them (a set of co-authors as a list), and a record
 * that goes with one the edit deleted (a placement with its trend, a consequence with the one it
 * follows from) goes with it when that deletion is carried too, as the server allows. When the
 * board was started afresh meanwhile
 * (`sameBoard` false), the old copy is no base for the new one: only the records the new board
 * lacks are carried, as a renewal without the old state does. Returns how many entries it wrote or
 * deleted.
 */
export function carryPastRefusal(live: Y.Doc, kept: Uint8Array, writer: Writer, sameBoard: boolean): number {
  const copy = newDoc()
  Y.applyUpdate(copy, kept)
  if (!sameBoard) {
    const written = readBoard(copy)
    const mine = (root: string, key: string) => mayChangeRecord(writer, root, key, null, recordOf(written, root, key))
    return finish(prepareCarryOver(copy, null, mine)(live), copy)
  }
  const server = Y.encodeStateAsUpdate(live)
  const base = newDoc()
  Y.applyUpdate(base, server)
  const edited = copy
  Y.applyUpdate(edited, server)
  const [held, written] = [readBoard(base), readBoard(edited)]
  const decided = new Map<string, boolean>()
  const mine = (root: string, key: string): boolean => {
    const known = decided.get(`${root}|${key}`)
    if (known !== undefined) return known
    // A record's parents are looked at below; one reached again on that way is not carried.
    decided.set(`${root}|${key}`, false)
    const [before, after] = [recordOf(held, root, key), recordOf(written, root, key)]
    // Deleted with a record it goes with (its trend, the consequence it follows from), whose own
    // deletion is carried too: the server lets anyone's go with it.
    const withParent = before !== null && after === null && parentsOf(root, key, before).some((parent) => goneWith(parent.root, parent.key))
    const carried = withParent || mayChangeRecord(writer, root, key, before, after)
    decided.set(`${root}|${key}`, carried)
    return carried
  }
  const goneWith = (root: string, key: string) => recordOf(written, root, key) === null && (recordOf(held, root, key) === null || mine(root, key))
  return finish(carryOver(live, base, edited, CARRY_ORIGIN, mine), base, edited)
}

/** A record of a board snapshot by root and key, as the app reads it; null where there is none. */
function recordOf(board: BoardSnapshot, root: string, key: string): object | null {
  const records = (board as unknown as Record<string, unknown>)[root]
  return records instanceof Map ? ((records as ReadonlyMap<string, object>).get(key) ?? null) : null
}
