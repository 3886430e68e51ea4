/**
 * Who may do what: the one rule set the app reads to offer a control and the server reads to
 * refuse a write or a download, so the two cannot drift apart.
 *
 * - Documents: `mayWrite` in protocol.ts (which role writes which document; nobody writes the
 *   board while the workshop is locked, the facilitator included).
 * - Records: `mayWriteRecordOf` — a record is written by one of its owners, and by the
 *   facilitator on any. The app uses it to offer Edit and Delete on cards, consequences and
 *   takeaways (`canChange` with `authorsOf`); the server enforces it on those
 *   (`AUTHORED_RECORDS`) and on per-person records (`PERSONAL_RECORDS`: votes, placements, +1s,
 *   readiness, names); see server/sync/ownership.ts.
 * - Downloads: `mayExportFormat` and `mayExportNow` (the report, once the facilitator shares it).
 */
import { BOARD_ROOTS } from './doc/roots'
import type { ExportFormat } from './export/formats'
import { mayWrite, type Role } from './protocol'

/** The person looking: their role, the participant id the server issued them, and the lock. */
export interface Viewer {
  readonly role: Role
  /** Null until the server-issued identity is loaded (and always for the projector). */
  readonly participantId: string | null
  /** The facilitator's "read-only for everyone" switch (control document). */
  readonly locked: boolean
}

/** Who writes a record: what the server knows of a connection (its role and proven identity). */
export type Writer = Pick<Viewer, 'role' | 'participantId'>

/** Roles that change anyone's records: the facilitator tidies and moderates. The server skips the per-record check for them. */
export const CHANGES_ANY_RECORD: ReadonlySet<Role> = new Set(['facilitator'])

export function changesAnyRecord(writer: Pick<Writer, 'role'>): boolean {
  return CHANGES_ANY_RECORD.has(writer.role)
}

/** Writing a record whose owners are `owners`: one of them, or the facilitator. A null id owns nothing. */
export function mayWriteRecordOf(writer: Writer, owners: readonly unknown[]): boolean {
  return changesAnyRecord(writer) || (writer.participantId !== null && owners.includes(writer.participantId))
}

/**
 * Adding to the board (signal cards, consequences, takeaways, +1s): whoever the server lets write
 * the board — not the projector, nobody while it is locked — and who has an identity, since every
 * record names its author.
 */
export function canContribute(viewer: Viewer): boolean {
  return viewer.participantId !== null && mayWrite(viewer.role, 'board', viewer.locked)
}

/** Changing or deleting a record: one of its authors, and the facilitator on any record. */
export function canChange(viewer: Viewer, authorIds: readonly unknown[]): boolean {
  return canContribute(viewer) && mayWriteRecordOf(viewer, authorIds)
}

/** Work that changes other people's records at once (merging duplicate cards): the facilitator's. */
export function canTidy(viewer: Viewer): boolean {
  return changesAnyRecord(viewer) && canContribute(viewer)
}

/**
 * Per-person records on the board, by root: where each names its owner, and the record it goes
 * with. `owner`: the whole key is the participant id (`key`), the key is
 * `<stage|trend|takeaway>|<participantId>` (`keySuffix`, and the owner field repeats it), or only
 * the owner field names it (`field`). `goesWith`: deleting that parent record (a trend, a
 * takeaway) deletes everyone's records on it, and undoing the deletion brings them back — the one
 * time a person touches other people's records.
 */
export const PERSONAL_RECORDS: Readonly<Record<string, PersonalRecord>> = {
  [BOARD_ROOTS.participants]: { owner: 'key' },
  [BOARD_ROOTS.ready]: { owner: 'keySuffix' },
  [BOARD_ROOTS.assessments]: { owner: 'keySuffix', goesWith: { root: BOARD_ROOTS.trends, keyIn: 'keyPrefix' } },
  [BOARD_ROOTS.votes]: { owner: 'field', goesWith: { root: BOARD_ROOTS.trends, keyIn: { field: 'trendId' } } },
  [BOARD_ROOTS.plusOnes]: { owner: 'keySuffix', goesWith: { root: BOARD_ROOTS.takeaways, keyIn: 'keyPrefix' } },
}

export interface PersonalRecord {
  readonly owner: 'key' | 'keySuffix' | 'field'
  /** The parent record: its root, and where its key is (the part of this key before `|`, or a field). */
  readonly goesWith?: { readonly root: string; readonly keyIn: 'keyPrefix' | { readonly field: string } }
}

/** The field a per-person record (and a private draft's `owner` root) names its owner in. */
export const OWNER_FIELD = 'participantId'

export function isPersonalRoot(root: string): boolean {
  return Object.hasOwn(PERSONAL_RECORDS, root)
}

/** The owner a record's key names, or null where the key names none (votes, and non-personal roots). */
export function keyOwner(root: string, key: string): string | null {
  const rule = isPersonalRoot(root) ? PERSONAL_RECORDS[root]!.owner : null
  if (rule === 'key') return key
  if (rule === 'keySuffix') return key.slice(key.indexOf('|') + 1)
  return null
}

/**
 * Whether `writer` may change record `key` of board root `root`, read as the server holds it
 * (`held`, null where it holds none) and as the change leaves it (`written`, null when deleted),
 * each as the app reads it (`readBoard`: co-authors as a list). It is the server's rule
 * (server/sync/ownership.ts) record by record, for a device carrying its own changes past one the
 * server refused. A per-person record is its owner's; a card, consequence or
 * takeaway the server holds, its authors'; anything else (a trend, a story, a new card) anyone's
 * who may write the board. The facilitator may change every record.
 */
export function mayChangeRecord(writer: Writer, root: string, key: string, held: object | null, written: object | null): boolean {
  if (isPersonalRoot(root)) {
    const field = (record: object | null) => (record as Record<string, unknown> | null)?.[claimedOwnerField(root)]
    return mayWriteRecordOf(writer, [keyOwner(root, key) ?? field(held) ?? field(written)])
  }
  if (isAuthoredRoot(root) && held) return mayWriteRecordOf(writer, recordAuthors(root, held))
  return true
}

/** The records `record` (of `root`, under `key`) goes with: deleting one of them may delete it, whoever wrote it (`goesWith`). */
export function parentsOf(root: string, key: string, record: object): { root: string; key: string }[] {
  const field = (name: string) => (record as Record<string, unknown>)[name]
  const personal = parentRecord(root, key, field)
  if (personal) return [personal]
  return (AUTHORED_RECORDS[root]?.goesWith ?? []).flatMap((parent) => {
    const parentKey = field(parent.field)
    return typeof parentKey === 'string' && parentKey !== '' ? [{ root: parent.root, key: parentKey }] : []
  })
}

/** The field a new record claims its owner in: participants write their own id as `id`. */
export function claimedOwnerField(root: string): string {
  return root === BOARD_ROOTS.participants ? 'id' : OWNER_FIELD
}

/** The parent record a per-person record goes with, or null (readiness, names, a vote without its trend). */
export function parentRecord(root: string, key: string, field: (name: string) => unknown): { root: string; key: string } | null {
  const parent = isPersonalRoot(root) ? PERSONAL_RECORDS[root]!.goesWith : undefined
  if (!parent) return null
  if (parent.keyIn === 'keyPrefix') return { root: parent.root, key: key.slice(0, key.indexOf('|')) }
  const value = field(parent.keyIn.field)
  return typeof value === 'string' ? { root: parent.root, key: value } : null
}

/**
 * Records with authors, by root: cards, consequences and takeaways. Anyone who may write the
 * board adds them; changing or deleting an existing one is for its authors (`authorsOf`) and the
 * facilitator. Two collaborative actions touch a record someone else wrote, and stay open to all:
 *
 * - `joinable`: "Merge into it" (a card someone was about to write goes into an existing one)
 *   adds the writer to the card's co-authors and adds to these fields only. From then on the
 *   writer is a co-author, and the app offers them Edit and Delete on the card, as it shows.
 * - `goesWith`: deleting a trend deletes the consequences on its wheel, and deleting a
 *   consequence deletes the ones that follow from it, whoever wrote them (the parent's key is in
 *   the named field); undoing that brings them back.
 */
export const AUTHORED_RECORDS: Readonly<Record<string, AuthoredRecord>> = {
  [BOARD_ROOTS.signals]: {
    author: 'authorId',
    coAuthors: 'authorIds',
    joinable: { sets: new Set(['authorIds', 'sources']), values: new Set(['description', 'whyItMatters', 'themeId', 'category', 'updatedAt']) },
  },
  [BOARD_ROOTS.wheelNodes]: {
    author: 'authorId',
    goesWith: [
      { root: BOARD_ROOTS.trends, field: 'trendId' },
      { root: BOARD_ROOTS.wheelNodes, field: 'parentId' },
    ],
  },
  [BOARD_ROOTS.takeaways]: { author: 'createdBy' },
}

export interface AuthoredRecord {
  /** The field naming who wrote the record first. */
  readonly author: string
  /** A set field (ids) of further authors, who count as authors: a merge keeps both. */
  readonly coAuthors?: string
  /**
   * What a writer may do while joining `coAuthors` ("Merge into it"): add members to these set
   * fields (to `coAuthors` only themselves), and write these value fields.
   */
  readonly joinable?: { readonly sets: ReadonlySet<string>; readonly values: ReadonlySet<string> }
  readonly goesWith?: readonly { readonly root: string; readonly field: string }[]
}

/**
 * Roots whose records others' records go with (`goesWith`: a trend, a takeaway, a consequence):
 * deleting one lets its followers be deleted, whoever wrote them, by the same change or after.
 */
export const PARENT_ROOTS: ReadonlySet<string> = new Set([
  ...Object.values(PERSONAL_RECORDS).flatMap((record) => (record.goesWith ? [record.goesWith.root] : [])),
  ...Object.values(AUTHORED_RECORDS).flatMap((record) => (record.goesWith ?? []).map((parent) => parent.root)),
])

export function isAuthoredRoot(root: string): boolean {
  return Object.hasOwn(AUTHORED_RECORDS, root)
}

/** The board collections whose records have authors. */
export type AuthoredCollection = 'signals' | 'wheelNodes' | 'takeaways'

/**
 * The authors of a card, consequence or takeaway as the app reads it: its author and co-authors.
 *
 * @example
 * canChange(viewer, authorsOf('signals', signal))
 */
export function authorsOf(collection: AuthoredCollection, record: object): unknown[] {
  return recordAuthors(BOARD_ROOTS[collection], record)
}

/** The authors of a record of an authored root (set fields as arrays), for the app and the server alike. */
export function recordAuthors(root: string, record: object): unknown[] {
  const rule = AUTHORED_RECORDS[root]
  if (!rule) return []
  const fields = record as Record<string, unknown>
  const coAuthors = rule.coAuthors === undefined ? undefined : fields[rule.coAuthors]
  return [fields[rule.author], ...(Array.isArray(coAuthors) ? coAuthors : [])]
}

/** What a participant may download: the report, never the data (CSV of signals, JSON backup). */
const REPORT_FORMATS: ReadonlySet<ExportFormat> = new Set(['md', 'html', 'pdf'])

/** Whether a role may download a format at all: the facilitator every one, participants the report, the projector none. */
export function mayExportFormat(role: Role, format: ExportFormat): boolean {
  if (role === 'screen') return false
  return role === 'facilitator' || REPORT_FORMATS.has(format)
}

/**
 * Whether a role may download now: participants once the facilitator shares the report ("Let
 * participants download the report"). The lock does not open it: a facilitator who locks the
 * board to pause the room is not handing out the report.
 */
export function mayExportNow(role: Role, session: { readonly allowParticipantExport: boolean } | null | undefined): boolean {
  if (role === 'screen') return false
  return role === 'facilitator' || session?.allowParticipantExport === true
}
