/**
 * Plain values ⇄ nested `Y.Map`s. One funnel for every write and every read, so the rules below
 * hold everywhere:
 *
 * - A record is a `Y.Map` of fields; a plain-object field is a nested `Y.Map` (so concurrent
 *   edits of different sub-fields merge too), any other value is stored as is.
 * - A "set field" (authors, linked ids) is a `Y.Map<value, true>`: two people adding different
 *   members at once both win, which a stored array (last writer wins) would not give.
 * - A write touches only the fields whose value changes, so an untouched field never competes in
 *   a concurrent edit.
 * - A read validates; a failing entry is reported through `onInvalid` and skipped, never thrown.
 */
import * as Y from 'yjs'
import type * as z from 'zod/mini'

/** A stored entry that failed validation: what was skipped, and why. */
export interface InvalidEntry {
  readonly root: string
  readonly key: string
  readonly reason: string
}
export type OnInvalid = (entry: InvalidEntry) => void
export const ignoreInvalid: OnInvalid = () => {}

export type SetFields = ReadonlySet<string>
const NO_SET_FIELDS: SetFields = new Set()

/** Writes the defined fields of `values` into `target`, skipping values that are already equal. */
export function writeFields(target: Y.Map<unknown>, values: object, setFields: SetFields = NO_SET_FIELDS): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue
    if (setFields.has(key) && Array.isArray(value)) writeSet(nestedMap(target, key), value as string[])
    else if (isPlainObject(value)) writeObject(nestedMap(target, key), value)
    else if (!sameJson(target.get(key), value)) target.set(key, value)
  }
}

/** Adds members to a set field without removing any (a merge must never drop an author). */
export function addToSet(target: Y.Map<unknown>, field: string, members: Iterable<string>): void {
  const set = nestedMap(target, field)
  for (const member of members) if (set.get(member) !== true) set.set(member, true)
}

/** Creates (or replaces) the record at `key` in `root` with `values`. */
export function insertEntry(root: Y.Map<unknown>, key: string, values: object, setFields: SetFields = NO_SET_FIELDS): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  // Integrate first: nested maps can only be read back (and so patched) once they are in the doc.
  root.set(key, entry)
  writeFields(entry, values, setFields)
  return entry
}

/** The entry's fields as plain JSON, with set fields turned into sorted arrays. */
export function entryToPlain(entry: Y.Map<unknown>, setFields: SetFields = NO_SET_FIELDS): Record<string, unknown> {
  const plain = entry.toJSON() as Record<string, unknown>
  for (const field of setFields) {
    const value = plain[field]
    if (isPlainObject(value)) plain[field] = Object.keys(value).sort()
  }
  return plain
}

/** Validates a stored entry; `null` (and a report) when it is not a map or does not pass. */
export function parseEntry<T>(
  raw: unknown,
  schema: z.ZodMiniType<T>,
  setFields: SetFields,
  where: { root: string; key: string },
  onInvalid: OnInvalid,
): T | null {
  if (!(raw instanceof Y.Map)) {
    onInvalid({ ...where, reason: 'not a map' })
    return null
  }
  const result = schema.safeParse(entryToPlain(raw, setFields))
  if (!result.success) {
    onInvalid({ ...where, reason: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })
    return null
  }
  return deepFreeze(result.data)
}

/**
 * Reads a singleton map (meta, session) field by field: a field that fails validation falls back
 * to its default, so one bad value cannot blank the facilitator's whole console.
 */
export function parseFields<T extends object>(
  map: Y.Map<unknown>,
  fields: { [K in keyof T]: z.ZodMiniType<T[K]> },
  defaults: T,
  setFields: SetFields,
  root: string,
  onInvalid: OnInvalid,
): T {
  const plain = entryToPlain(map, setFields)
  const out = { ...defaults }
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    if (!(key in plain)) continue
    const result = fields[key].safeParse(plain[key])
    if (result.success) out[key] = result.data
    else onInvalid({ root, key, reason: result.error.issues.map((i) => i.message).join('; ') })
  }
  return deepFreeze(out)
}

function writeObject(target: Y.Map<unknown>, value: Record<string, unknown>): void {
  // The new value replaces the old one, but only keys this replica knows are removed: a key a
  // peer added concurrently survives.
  for (const key of [...target.keys()]) if (!(key in value)) target.delete(key)
  writeFields(target, value)
}

function writeSet(target: Y.Map<unknown>, members: readonly string[]): void {
  const wanted = new Set(members)
  for (const key of [...target.keys()]) if (!wanted.has(key)) target.delete(key)
  for (const member of wanted) if (target.get(member) !== true) target.set(member, true)
}

/**
 * The nested map at `key`, created when missing or when a peer stored something else there.
 * Creating one races with a peer creating the same key (one map wins, the other's content is
 * lost), so documents create their nested maps up front, with the record or the document.
 */
export function nestedMap(target: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const existing = target.get(key)
  if (existing instanceof Y.Map) return existing
  const created = new Y.Map<unknown>()
  target.set(key, created)
  return created
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType)
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) return false
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Snapshots are shared between renders: freezing makes an accidental mutation fail loudly. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
