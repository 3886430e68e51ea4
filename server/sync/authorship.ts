import * as Y from 'yjs'
import { AUTHORED_RECORDS, mayWriteRecordOf, recordAuthors, type AuthoredRecord, type Writer } from '../../shared/permissions.ts'

/**
 * Authored records (cards, consequences, takeaways; `AUTHORED_RECORDS` in shared/permissions.ts):
 * the part of the ownership check (ownership.ts) that decides on one record. Authors are read
 * from the server's copy, never from the update; each decision is a few map look-ups.
 */

/** What an update writes into one authored record, by level (see `Place` in ownership.ts). */
export interface RecordWrites {
  /** Fields written whole (level 1). */
  readonly fields: Set<string>
  /** Members added to a field's map (level 2), by field. */
  readonly members: Map<string, Set<string | null>>
  /** The record itself (level 0) or deeper than a member (level 3). */
  other: boolean
}

export function noteWrite(writes: Map<string, RecordWrites>, record: string, place: { level: number; field: string | null; member: string | null }): void {
  let entry = writes.get(record)
  if (!entry) writes.set(record, (entry = { fields: new Set(), members: new Map(), other: false }))
  if (place.level === 1) entry.fields.add(place.field!)
  else if (place.level === 2) {
    const members = entry.members.get(place.field!)
    if (members) members.add(place.member)
    else entry.members.set(place.field!, new Set([place.member]))
  } else entry.other = true
}

/**
 * An update's writes into an authored record: `adds` a record the server does not hold (new,
 * or back by undo) or an entry that names no author, `owns` one the writer is an author of,
 * `joins` a card as its co-author with additions only, or is `refused`.
 */
export function checkAuthored(doc: Y.Doc, root: string, key: string, writes: RecordWrites, writer: Writer): 'adds' | 'owns' | 'joins' | 'refused' {
  const live = doc.getMap(root).get(key)
  const rule = AUTHORED_RECORDS[root]!
  if (!namesAuthor(rule, live)) return 'adds'
  if (mayWriteRecordOf(writer, liveAuthors(rule, root, live, writer))) return 'owns'
  return joins(rule, live, writes, writer) ? 'joins' : 'refused'
}

/** Whether the writes only add the writer to the co-authors and add to the fields a join may. */
function joins(rule: AuthoredRecord, live: Y.Map<unknown>, writes: RecordWrites, writer: Writer): boolean {
  const join = rule.joinable
  const me = writer.participantId
  if (!join || rule.coAuthors === undefined || me === null || writes.other) return false
  if (!writes.members.get(rule.coAuthors)?.has(me)) return false
  // A set field written whole would replace the set (and drop its members): only where there is none yet.
  for (const field of writes.fields) if (!join.values.has(field) && !(join.sets.has(field) && live.get(field) === undefined)) return false
  for (const [field, members] of writes.members) {
    if (!join.sets.has(field)) return false
    if (field === rule.coAuthors && (members.size !== 1 || !members.has(me))) return false
  }
  return true
}

/**
 * The authors of a stored record, for `authorsOf`. Of the co-authors only the one that matters
 * here is looked up, the writer: one look-up, however many co-authors a card has.
 */
function liveAuthors(rule: AuthoredRecord, root: string, live: Y.Map<unknown>, writer: Writer): unknown[] {
  const stored: Record<string, unknown> = { [rule.author]: live.get(rule.author) }
  if (rule.coAuthors !== undefined) {
    const set = live.get(rule.coAuthors)
    const among = writer.participantId !== null && set instanceof Y.Map && set.get(writer.participantId) === true
    stored[rule.coAuthors] = among ? [writer.participantId] : []
  }
  return recordAuthors(root, stored)
}

/**
 * Whether a stored entry names its author, and so is someone's. One that does not (not a map, no
 * author id) is no record the app shows (it fails validation, see codec.ts) and no one's: it
 * stays open, like a new record (probes and tests write plain values there).
 */
function namesAuthor(rule: AuthoredRecord, live: unknown): live is Y.Map<unknown> {
  return live instanceof Y.Map && typeof live.get(rule.author) === 'string'
}

/** Deleting an authored record: its authors may, and anyone with the record it goes with. */
export function mayDeleteAuthored(doc: Y.Doc, root: string, key: string, writer: Writer, gone: (root: string, key: string) => boolean): boolean {
  const rule = AUTHORED_RECORDS[root]!
  const live = doc.getMap(root).get(key)
  if (!namesAuthor(rule, live) || mayWriteRecordOf(writer, liveAuthors(rule, root, live, writer))) return true
  return (rule.goesWith ?? []).some((parent) => {
    const record = doc.getMap(root).get(key)
    const parentKey = record instanceof Y.Map ? record.get(parent.field) : undefined
    return typeof parentKey === 'string' && gone(parent.root, parentKey)
  })
}
