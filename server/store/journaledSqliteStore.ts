import type { BOARD_DOC } from '../../shared/protocol.ts'
import { docKey, type PendingUpdate, type QuarantinedRow, type StoredDoc } from './docStore.ts'
import { SqliteDocStore } from './sqliteStore.ts'
import { journalPath, readJournal, UpdateJournal, type JournalRecord } from './updateJournal.ts'

/**
 * How long updates wait in the journal before they are folded into SQLite in one transaction
 * (`JOURNAL_FOLD_MS`). A SQLite commit costs about 150 µs of CPU (lock calls, page writes)
 * whatever it holds, and the checkpoint after it about as much again; a journal append is one
 * `write`. Folding every 5 s turns a commit per turn into one per 5 s while keeping the journal
 * small (a busy room writes a few KB a second); how long updates wait there changes nothing of
 * what a crash can lose (see the README's "Durability contract").
 */
const FOLD_AFTER_MS = 5_000
/** Past this many journaled bytes a turn folds first, so a slow fold cannot grow memory. */
const FOLD_AT_BYTES = 8 * 1024 * 1024

/**
 * The server's SQLite store, with each turn's updates acknowledged once they are in an
 * append-only journal (`updateJournal.ts`) rather than once a SQLite transaction commits.
 *
 * Every journaled update gets its SQLite sequence number at once, so callers see the same
 * numbers as without the journal, and folding it (or replaying it after a crash, which folds
 * whatever the last run left) writes each row at its number: a row already there is skipped.
 * Anything that reads or changes the log by number (compaction, quarantine, deletion) folds first;
 * `load` and `listDocs` add what is still waiting. Only one process may write a data directory.
 *
 * `readOnly` is for tools beside a running (or crashed) server (`npm run export`, `npm run
 * migrate-store`): the journal is read once, before any SQLite read, and added to what `load`
 * returns; nothing is written. Read in that order, every update acknowledged before the tool
 * started is seen: either still in the journal, or folded (committed) before the journal was
 * emptied. An update in both is applied twice, which Yjs ignores.
 */
export class JournaledSqliteStore extends SqliteDocStore {
  private readonly journal: UpdateJournal | undefined
  /** Journaled, not yet in SQLite, in order. */
  private waiting: JournalRecord[] = []
  private waitingBytes = 0
  private nextSeq: number
  private foldTimer: NodeJS.Timeout | undefined

  private readonly foldAfterMs: number

  constructor(dataDir: string, { readOnly = false, foldAfterMs = FOLD_AFTER_MS } = {}) {
    super(dataDir, { readOnly })
    this.foldAfterMs = foldAfterMs
    const path = journalPath(dataDir)
    const left = readJournal(path)
    this.nextSeq = left.reduce((highest, record) => Math.max(highest, record.seq), this.highestSeq()) + 1
    if (readOnly) {
      this.waiting = left
      return
    }
    // What the last run acknowledged but had not folded (a crash, kill -9): into SQLite first.
    if (left.length > 0) this.insertAtSeqs(left)
    this.journal = new UpdateJournal(path)
  }

  override async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<string, number>> {
    if (!this.journal) throw new Error('this store was opened read-only')
    if (this.waitingBytes > FOLD_AT_BYTES) this.fold()
    const records = batch.map((update, i) => ({ ...update, seq: this.nextSeq + i }))
    this.journal.append(records)
    this.nextSeq += records.length
    const lastSeqs = new Map<string, number>()
    for (const record of records) {
      this.waiting.push(record)
      this.waitingBytes += record.update.byteLength
      lastSeqs.set(docKey(record.workshopId, record.docName), record.seq)
    }
    this.foldTimer ??= setTimeout(() => this.foldLater(), this.foldAfterMs).unref()
    return lastSeqs
  }

  override async load(workshopId: string, docName: string): Promise<StoredDoc> {
    // Both read in this synchronous stretch: a fold (a compaction awaited elsewhere) could
    // otherwise move records from `waiting` into SQLite after SQLite was read, and both miss them.
    const waiting = this.waiting.filter((record) => record.workshopId === workshopId && record.docName === docName)
    const stored = await super.load(workshopId, docName)
    for (const record of waiting) {
      // A Buffer view, as SQLite's rows are: the same update, whichever side it is read from.
      stored.updates.push(Buffer.from(record.update.buffer, record.update.byteOffset, record.update.byteLength))
      stored.seqs.push(record.seq)
      stored.lastSeq = record.seq
      stored.logLength++
    }
    return stored
  }

  override async listDocs(workshopId: string): Promise<string[]> {
    const waiting = this.waiting.filter((record) => record.workshopId === workshopId).map((record) => record.docName)
    return [...new Set([...(await super.listDocs(workshopId)), ...waiting])]
  }

  override async listUntouchedSince(before: number): Promise<string[]> {
    // `touched_at` is written as the journal is folded: a workshop with updates waiting is touched.
    const waiting = new Set(this.waiting.map((record) => record.workshopId))
    return (await super.listUntouchedSince(before)).filter((id) => !waiting.has(id))
  }

  override async compact(workshopId: string, docName: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.fold()
    return super.compact(workshopId, docName, snapshot, upToSeq)
  }

  override async quarantine(workshopId: string, docName: string, rows: readonly QuarantinedRow[]): Promise<void> {
    this.fold()
    return super.quarantine(workshopId, docName, rows)
  }

  override async renewDoc(
    workshopId: string,
    docName: typeof BOARD_DOC,
    from: number,
    upToSeq: number,
    fresh: Uint8Array,
    previous: Uint8Array,
  ): Promise<number> {
    // Folded first: the old generation's updates must not come back from the journal after a restart.
    this.fold()
    return super.renewDoc(workshopId, docName, from, upToSeq, fresh, previous)
  }

  override async deleteDocs(workshopId: string, docNames: readonly string[]): Promise<void> {
    // Folded first: a deleted draft must not come back from the journal after a restart.
    this.fold()
    return super.deleteDocs(workshopId, docNames)
  }

  override async deleteWorkshop(id: string): Promise<void> {
    this.fold()
    return super.deleteWorkshop(id)
  }

  override async close(): Promise<void> {
    clearTimeout(this.foldTimer)
    try {
      // Left in the journal if this fails: the next start replays it.
      if (this.journal) this.fold()
    } finally {
      this.journal?.close()
      await super.close()
    }
  }

  /** Moves everything journaled into SQLite in one transaction, then empties the journal. */
  fold(): void {
    if (this.waiting.length === 0) return
    if (!this.journal) throw new Error('this store was opened read-only')
    this.insertAtSeqs(this.waiting)
    this.waiting = []
    this.waitingBytes = 0
    this.journal.clear()
  }

  private foldLater(): void {
    this.foldTimer = undefined
    try {
      this.fold()
    } catch {
      // SQLite cannot write (a full disk): the updates are safe in the journal; try again later.
      this.foldTimer = setTimeout(() => this.foldLater(), this.foldAfterMs).unref()
    }
  }
}
