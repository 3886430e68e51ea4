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
 * Whether the field's current value was written by someone who had not seen `write`: their save
 * and `write` replaced the same value at once, and theirs was kept. False when `write` is the
 * current value or in its past, when the record itself was replaced (a restore, an undone
 * deletion: what it holds was chosen as a whole), and when the history is too long to follow.
 */
export function overwroteUnseen(doc: Y.Doc, name: BoardCollection, key: string, field: string, write: FieldWrite): boolean {
  let item = entryMap(doc, name, key)?._map.get(field)
  for (let step = 0; item !== undefined && step < MAX_STEPS; step++) {
    if (holds(item, write.wrote)) return false
    const seen = item.origin
    // The value this one's writer saw as current: the one `write` replaced means they did not see it.
    if (seen === null) return write.replaced === null
    if (write.replaced !== null && Y.compareIDs(seen, write.replaced)) return true
    const before = structAt(doc, seen)
    if (before === undefined) return false
    item = before
  }
  return false
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
