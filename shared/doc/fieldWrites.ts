/**
 * Whose save of a record's field a later value builds on.
 *
 * A field of a record (a trend's narrative) is one value in its entry's map: two saves that
 * cross on the network both replace the same earlier value, and Yjs keeps one of them. A client
 * merging the other person's text into its own (`mergeText`) can only merge what reached it, so
 * without this the losing save's words were gone, and its writer's next save took them for a
 * deletion by the other. Yjs knows which it was: each value of a map key names, as its origin,
 * the value its writer saw as current. Following those origins from the current value back tells
 * whether a save was seen (its words are in what came after, or were deliberately removed) or
 * overtaken by a value written without it.
 */
import * as Y from 'yjs'
import { entryMap } from './collections'
import type { BoardCollection } from './roots'

/** A save of one field: the value it wrote, and the value it replaced (null for a field new to the record). */
export interface FieldWrite {
  readonly wrote: Y.ID
  readonly replaced: Y.ID | null
}

/**
 * Saves between a value and the one it replaced that are followed at most: each is a save of the
 * same field, and an overtaking save is one step from the value both replaced.
 */
const MAX_STEPS = 64

/** The save that wrote the field's current value, or null when the record or the field is missing. */
export function currentFieldWrite(doc: Y.Doc, name: BoardCollection, key: string, field: string): FieldWrite | null {
  const item = entryMap(doc, name, key)?._map.get(field)
  return item ? { wrote: item.lastId, replaced: item.origin } : null
}

/**
 * Where the field's current value stands to this device's own saves of it (`writes`, oldest
 * first, each made on top of the one before, the first on top of someone else's value):
 * - `current`: it is the latest of them;
 * - `seen`: its writer had seen the latest of them (it is in the value's past);
 * - an index: the latest of them its writer had seen, or -1 when it had seen none but was made on
 *   top of the value the first replaced. Saves that crossed on the network are the cause: this
 *   device's saves made before someone else's arrived, theirs made from a value before them, and
 *   Yjs kept theirs;
 * - `unknown`: the record itself was replaced (a restore, an undone deletion: what it holds was
 *   chosen as a whole), or the history is too long to follow.
 */
export type OwnWritesMeeting = number | 'current' | 'seen' | 'unknown'

export function meetsOwnWrites(doc: Y.Doc, name: BoardCollection, key: string, field: string, writes: readonly FieldWrite[]): OwnWritesMeeting {
  const first = writes[0]
  const current = entryMap(doc, name, key)?._map.get(field)
  if (!first || !current) return 'unknown'
  if (holds(current, writes.at(-1)!.wrote)) return 'current'
  // Followed by ids, not items: Yjs merges a writer's consecutive values once both are deleted
  // (two saves of this device in a row become one item), and an id still names the one value.
  let seen: Y.ID | null = current.origin
  for (let step = 0; step < MAX_STEPS; step++) {
    if (seen === null) return first.replaced === null ? -1 : 'unknown'
    for (let index = writes.length - 1; index >= 0; index--) if (Y.compareIDs(seen, writes[index]!.wrote)) return index === writes.length - 1 ? 'seen' : index
    // The value the first own save replaced: its writer saw none of them.
    if (first.replaced !== null && Y.compareIDs(seen, first.replaced)) return -1
    const item = structAt(doc, seen)
    if (item === undefined) return 'unknown'
    // Inside a merged item, each value was written on top of the one before it.
    seen = seen.clock > item.id.clock ? Y.createID(seen.client, seen.clock - 1) : item.origin
  }
  return 'unknown'
}

function holds(item: Y.Item, id: Y.ID): boolean {
  return item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length
}

/** The item holding `id`, if it is still one (not collected into a placeholder). */
function structAt(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  try {
    const struct = Y.getItem(doc.store, id)
    return struct instanceof Y.Item ? struct : undefined
  } catch {
    return undefined
  }
}
