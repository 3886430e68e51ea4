/**
 * Persistence behind one small interface, so that a Postgres store can sit beside SQLite later.
 *
 * Every method returns a promise even though better-sqlite3 works synchronously: a networked
 * store cannot, and the sync layer awaits them anyway. With SQLite the work itself happens inside
 * the call, so "written before it is broadcast" holds within the same event-loop turn.
 */
import type { BOARD_DOC } from '../../shared/protocol.ts'

/** A stored document: the compacted snapshot (if any) followed by the updates appended since. */
export interface StoredDoc {
  updates: Uint8Array[]
  /** Each update's row: its sequence number in the log, 0 for the snapshot. */
  seqs: number[]
  /** Sequence number of the last stored update, to know what a later compaction may drop. */
  lastSeq: number
  /** How many updates sit in the log after the snapshot. */
  logLength: number
}

/** A stored row that did not load, kept aside rather than deleted (see LoadPool). */
export interface QuarantinedRow {
  /** As in `StoredDoc.seqs`: 0 is the snapshot. */
  seq: number
  data: Uint8Array
  reason: string
}

export interface PendingUpdate {
  workshopId: string
  docName: string
  update: Uint8Array
  /**
   * A board's: the generation of the room it was applied to. With PostgreSQL (several instances)
   * a row of a generation since replaced is not stored: the instance had not heard of the renewal
   * yet, and its client, closed with 4410 next, carries the change over. One instance alone
   * never stores one (RoomRegistry.renew).
   */
  generation?: number
}

export interface WorkshopRecord {
  id: string
  title: string
  createdAt: number
  facilitatorKeyHash: string
  participantKeyHash: string
  screenKeyHash: string
  /** How many times the participant key was rotated; part of its derivation. */
  participantKeyGeneration: number
  /**
   * How many times the board's history started afresh (`renewDoc`): a browser's copy of an older
   * generation must not sync into this one (see RoomRegistry.renew).
   */
  boardGeneration: number
}

/** A workshop's join code and the participant key it opens (see server/workshops/joinCodes.ts). */
export interface JoinCodeRecord {
  code: string
  workshopId: string
  participantKey: string
  issuedAt: number
}

export interface HistorySnapshot {
  id: number
  workshopId: string
  createdAt: number
  reason: string
  /** Document name → full state as one Yjs update. */
  docs: Map<string, Uint8Array>
  /** Small JSON summary for listing (counts of signals, trends, words). */
  summary: string
}

export interface DocStore {
  load(workshopId: string, docName: string): Promise<StoredDoc>
  /** Appends a turn's worth of updates, for any number of documents, in one transaction. */
  appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<string, number>>
  /**
   * Replaces the log of one document up to `upToSeq` with a snapshot of its whole state. With
   * `generation` (a board's), PostgreSQL refuses when the board has been renewed since.
   */
  compact(workshopId: string, docName: string, snapshot: Uint8Array, upToSeq: number, generation?: number): Promise<void>
  /**
   * Moves rows that did not load out of the document (log row or snapshot) into the quarantine
   * table, in one transaction: later loads no longer meet them, and nothing is deleted. They go
   * with their workshop or document when that is deleted.
   */
  quarantine(workshopId: string, docName: string, rows: readonly QuarantinedRow[]): Promise<void>
  listDocs(workshopId: string): Promise<string[]>
  /**
   * Starts a document's history afresh, in one transaction: `fresh` (the same content, without the
   * past's deletions) replaces its snapshot and its log up to `upToSeq` (what `fresh` was built
   * from; a row another instance stored since stays in the log), `previous` (its last state) is kept as
   * `previousGenerationName(docName, old)` for browsers that still hold unsent changes to it, the
   * oldest of those beyond `PREVIOUS_GENERATIONS_KEPT` go, and the generation is counted up.
   * Only the board has generations. `from` is the generation being replaced: if another instance
   * replaced it first, nothing changes and this throws. Returns the new generation.
   */
  renewDoc(workshopId: string, docName: typeof BOARD_DOC, from: number, upToSeq: number, fresh: Uint8Array, previous: Uint8Array): Promise<number>
  /** The last state of an earlier generation of a document, while it is kept. */
  previousGeneration(workshopId: string, docName: typeof BOARD_DOC, generation: number): Promise<Uint8Array | undefined>
  /** Forgets documents (a revealed round's drafts): snapshot and log. */
  deleteDocs(workshopId: string, docNames: readonly string[]): Promise<void>

  createWorkshop(record: WorkshopRecord): Promise<void>
  getWorkshop(id: string): Promise<WorkshopRecord | undefined>
  /** A new participant key (its hash and generation): the old one stops working. */
  setParticipantKey(id: string, participantKeyHash: string, generation: number): Promise<void>
  /** Deletes a workshop with every document and snapshot of it. */
  deleteWorkshop(id: string): Promise<void>
  /** Workshops with no change since `before` (ms since epoch), the longest unchanged first, for the retention setting. */
  listUntouchedSince(before: number): Promise<string[]>

  /**
   * Gives a workshop this join code, replacing its previous one (which stops working) in one
   * transaction. Returns false, changing nothing, when another workshop holds the code.
   */
  putJoinCode(record: JoinCodeRecord): Promise<boolean>
  joinCodeOf(workshopId: string): Promise<JoinCodeRecord | undefined>
  /** The workshop a (normalised) code opens, or undefined. */
  findJoinCode(code: string): Promise<JoinCodeRecord | undefined>

  /** Keeps at most `maxBytes` of history per workshop, oldest dropped first. */
  saveHistory(workshopId: string, reason: string, docs: Map<string, Uint8Array>, summary: string, maxBytes?: number): Promise<number>
  listHistory(workshopId: string): Promise<Omit<HistorySnapshot, 'docs'>[]>
  getHistory(workshopId: string, id: number): Promise<HistorySnapshot | undefined>

  /** Throws when the store cannot write right now (used by /healthz). */
  checkWritable(): Promise<void>
  close(): Promise<void>
}

/** Earlier generations of a renewed document kept for browsers that were away (see `renewDoc`). */
export const PREVIOUS_GENERATIONS_KEPT = 3

/**
 * Where an earlier generation's last state is kept: a snapshot row no connection can open (not a
 * document name, see `docKindOf`), deleted with its workshop.
 */
export function previousGenerationName(docName: string, generation: number): string {
  return `${docName}@${generation}`
}

/** Key of a document in maps and logs. */
export function docKey(workshopId: string, docName: string): string {
  return `${workshopId}/${docName}`
}
