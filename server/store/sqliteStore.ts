import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BOARD_DOC } from '../../shared/protocol.ts'
import {
  docKey,
  previousGenerationName,
  PREVIOUS_GENERATIONS_KEPT,
  type DocStore,
  type HistorySnapshot,
  type JoinCodeRecord,
  type PendingUpdate,
  type QuarantinedRow,
  type StoredDoc,
  type WorkshopRecord,
} from './docStore.ts'
import { HISTORY_KEPT_PER_WORKSHOP, packHistoryDocs, unpackHistoryDocs } from './historyPacking.ts'
import { joinCodeRecord, workshopRecord, type JoinCodeRow, type WorkshopRow } from './rows.ts'
import { migrateSqliteSchema } from './sqliteSchema.ts'
import type { JournalRecord } from './updateJournal.ts'

/**
 * `touched_at` feeds the retention sweep, counted in days: writing it once a minute per workshop
 * is as good as on every change, and spares each turn's transaction a second page to write.
 */
const TOUCH_EVERY_MS = 60_000

/**
 * How long after a write the write-ahead log is copied into the database file. SQLite's own
 * automatic checkpoint runs inside the commit that crosses 1,000 pages, so the turn that stores a
 * large snapshot (an import at the size cap, a compaction of a big board) would also pay 60-100 ms
 * of copying; a timer gives the copy a turn of its own. It is armed by writes, not run on an
 * interval: an idle server is not woken for it (issue 16: each wake-up costs ~0.2 ms of CPU).
 */
const CHECKPOINT_AFTER_MS = 1_000

/**
 * The default store: one SQLite file in WAL mode. Each document is a snapshot plus an append-only
 * log of updates; `compact` folds the log into the snapshot.
 */
export class SqliteDocStore implements DocStore {
  private readonly db: Database.Database
  private readonly statements
  /** When this process last wrote each workshop's `touched_at` (see TOUCH_EVERY_MS). */
  private readonly touchedAt = new Map<string, number>()
  /** Built once: better-sqlite3 wraps a transaction function in fresh closures on every call. */
  private readonly appendAll: (batch: readonly PendingUpdate[]) => Map<string, number>
  private readonly insertAll: (records: readonly JournalRecord[]) => void
  private readonly readOnly: boolean
  private checkpointTimer: NodeJS.Timeout | undefined

  /** `readOnly`: a tool reading beside a running server, which must not write the file (no checkpoints). */
  constructor(dataDir: string, { readOnly = false } = {}) {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, 'workshops.sqlite')
    this.db = new Database(file)
    this.db.pragma('busy_timeout = 5000')
    // First, before any pragma writes to it: a file made by newer code is left exactly as it is.
    try {
      migrateSqliteSchema(this.db, file)
    } catch (error) {
      this.db.close()
      throw error
    }
    this.db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode survives a process crash (the kill -9 case); only an OS crash or power
    // loss could drop the last transactions, which FULL would cost a fsync per turn to prevent.
    this.db.pragma('synchronous = NORMAL')
    if (!readOnly) {
      this.db.pragma('wal_autocheckpoint = 0')
    }
    this.readOnly = readOnly
    this.statements = {
      snapshot: this.db.prepare<[string, string], { data: Buffer }>('SELECT data FROM doc_snapshots WHERE workshop_id = ? AND doc_name = ?'),
      updates: this.db.prepare<[string, string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE workshop_id = ? AND doc_name = ? ORDER BY seq',
      ),
      append: this.db.prepare<[string, string, Uint8Array]>('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?)'),
      // A row replayed from the journal after a crash may be in already: it is the same update.
      insertAt: this.db.prepare<[number, string, string, Uint8Array]>(
        'INSERT OR IGNORE INTO doc_updates (seq, workshop_id, doc_name, data) VALUES (?, ?, ?, ?)',
      ),
      highestSeq: this.db.prepare<[], { seq: number }>(
        "SELECT MAX(COALESCE((SELECT MAX(seq) FROM doc_updates), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'), 0)) AS seq",
      ),
      putSnapshot: this.db.prepare<[string, string, Uint8Array]>('INSERT OR REPLACE INTO doc_snapshots (workshop_id, doc_name, data) VALUES (?, ?, ?)'),
      dropUpdates: this.db.prepare<[string, string, number]>('DELETE FROM doc_updates WHERE workshop_id = ? AND doc_name = ? AND seq <= ?'),
      listDocs: this.db.prepare<[string, string], { doc_name: string }>(
        `SELECT doc_name FROM doc_snapshots WHERE workshop_id = ?
         UNION SELECT DISTINCT doc_name FROM doc_updates WHERE workshop_id = ?`,
      ),
      insertWorkshop: this.db.prepare<[WorkshopRow]>(
        `INSERT INTO workshops (id, title, created_at, facilitator_key_hash, participant_key_hash, screen_key_hash, participant_key_generation, board_generation, touched_at)
         VALUES (@id, @title, @created_at, @facilitator_key_hash, @participant_key_hash, @screen_key_hash, @participant_key_generation, @board_generation, @created_at)`,
      ),
      setParticipantKey: this.db.prepare<[string, number, string]>(
        'UPDATE workshops SET participant_key_hash = ?, participant_key_generation = ? WHERE id = ?',
      ),
      setBoardGeneration: this.db.prepare<[number, string]>('UPDATE workshops SET board_generation = ? WHERE id = ?'),
      touch: this.db.prepare<[number, string]>('UPDATE workshops SET touched_at = ? WHERE id = ?'),
      untouched: this.db.prepare<[number], { id: string }>('SELECT id FROM workshops WHERE touched_at < ? ORDER BY touched_at'),
      deleteDocSnapshot: this.db.prepare<[string, string]>('DELETE FROM doc_snapshots WHERE workshop_id = ? AND doc_name = ?'),
      deleteDocUpdates: this.db.prepare<[string, string]>('DELETE FROM doc_updates WHERE workshop_id = ? AND doc_name = ?'),
      deleteDocQuarantine: this.db.prepare<[string, string]>('DELETE FROM quarantined_updates WHERE workshop_id = ? AND doc_name = ?'),
      quarantine: this.db.prepare<[string, string, number, Uint8Array, string, number]>(
        'INSERT INTO quarantined_updates (workshop_id, doc_name, seq, data, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      dropUpdate: this.db.prepare<[string, string, number]>('DELETE FROM doc_updates WHERE workshop_id = ? AND doc_name = ? AND seq = ?'),
      deleteWorkshop: [
        this.db.prepare<[string]>('DELETE FROM doc_snapshots WHERE workshop_id = ?'),
        this.db.prepare<[string]>('DELETE FROM doc_updates WHERE workshop_id = ?'),
        this.db.prepare<[string]>('DELETE FROM history WHERE workshop_id = ?'),
        this.db.prepare<[string]>('DELETE FROM quarantined_updates WHERE workshop_id = ?'),
        // The join code holds the participant key: it goes with the workshop.
        this.db.prepare<[string]>('DELETE FROM join_codes WHERE workshop_id = ?'),
        this.db.prepare<[string]>('DELETE FROM workshops WHERE id = ?'),
      ],
      pruneHistoryBytes: this.db.prepare<[string, string, number]>(
        `DELETE FROM history WHERE workshop_id = ? AND id IN (
           SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS newest,
                                  SUM(length(docs)) OVER (ORDER BY id DESC) AS kept FROM history WHERE workshop_id = ?)
           WHERE kept > ? AND newest > 1)`,
      ),
      getWorkshop: this.db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
      insertHistory: this.db.prepare<[string, number, string, string, Uint8Array]>(
        'INSERT INTO history (workshop_id, created_at, reason, summary, docs) VALUES (?, ?, ?, ?, ?)',
      ),
      listHistory: this.db.prepare<[string], { id: number; workshop_id: string; created_at: number; reason: string; summary: string }>(
        'SELECT id, workshop_id, created_at, reason, summary FROM history WHERE workshop_id = ? ORDER BY id DESC',
      ),
      getHistory: this.db.prepare<[string, number], { id: number; workshop_id: string; created_at: number; reason: string; summary: string; docs: Buffer }>(
        'SELECT * FROM history WHERE workshop_id = ? AND id = ?',
      ),
      pruneHistory: this.db.prepare<[string, string, number]>(
        'DELETE FROM history WHERE workshop_id = ? AND id NOT IN (SELECT id FROM history WHERE workshop_id = ? ORDER BY id DESC LIMIT ?)',
      ),
      dropJoinCode: this.db.prepare<[string]>('DELETE FROM join_codes WHERE workshop_id = ?'),
      insertJoinCode: this.db.prepare<[JoinCodeRow]>(
        'INSERT OR IGNORE INTO join_codes (code, workshop_id, participant_key, issued_at) VALUES (@code, @workshop_id, @participant_key, @issued_at)',
      ),
      joinCodeOf: this.db.prepare<[string], JoinCodeRow>('SELECT * FROM join_codes WHERE workshop_id = ?'),
      findJoinCode: this.db.prepare<[string], JoinCodeRow>('SELECT * FROM join_codes WHERE code = ?'),
      probe: this.db.prepare("INSERT OR REPLACE INTO doc_snapshots (workshop_id, doc_name, data) VALUES ('', 'healthz', x'00')"),
    }
    this.appendAll = this.db.transaction((batch: readonly PendingUpdate[]) => {
      const lastSeqs = new Map<string, number>()
      for (const { workshopId, docName, update } of batch) {
        const { lastInsertRowid } = this.statements.append.run(workshopId, docName, update)
        lastSeqs.set(docKey(workshopId, docName), Number(lastInsertRowid))
      }
      this.touch(batch)
      this.wrote()
      return lastSeqs
    })
    this.insertAll = this.db.transaction((records: readonly JournalRecord[]) => {
      for (const { seq, workshopId, docName, update } of records) this.statements.insertAt.run(seq, workshopId, docName, update)
      this.touch(records)
      this.wrote()
    })
  }

  /** Arms the checkpoint that copies what was just written into the database file (CHECKPOINT_AFTER_MS). */
  private wrote(): void {
    if (this.readOnly || this.checkpointTimer) return
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined
      if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)')
    }, CHECKPOINT_AFTER_MS).unref()
  }

  private touch(batch: readonly PendingUpdate[]): void {
    const now = Date.now()
    for (const { workshopId } of batch) {
      if (now - (this.touchedAt.get(workshopId) ?? 0) < TOUCH_EVERY_MS) continue
      this.statements.touch.run(now, workshopId)
      this.touchedAt.set(workshopId, now)
    }
  }

  /** Writes updates at the sequence numbers given (the journal's), in one transaction. */
  protected insertAtSeqs(records: readonly JournalRecord[]): void {
    this.insertAll(records)
  }

  /** The highest sequence number the log has ever used (deleted rows included). */
  protected highestSeq(): number {
    return this.statements.highestSeq.get()?.seq ?? 0
  }

  async load(workshopId: string, docName: string): Promise<StoredDoc> {
    const snapshot = this.statements.snapshot.get(workshopId, docName)
    const rows = this.statements.updates.all(workshopId, docName)
    const updates: Uint8Array[] = snapshot ? [snapshot.data] : []
    const seqs: number[] = snapshot ? [0] : []
    for (const row of rows) {
      updates.push(row.data)
      seqs.push(row.seq)
    }
    return { updates, seqs, lastSeq: rows.at(-1)?.seq ?? 0, logLength: rows.length }
  }

  async quarantine(workshopId: string, docName: string, rows: readonly QuarantinedRow[]): Promise<void> {
    this.db.transaction(() => {
      const now = Date.now()
      for (const { seq, data, reason } of rows) {
        this.statements.quarantine.run(workshopId, docName, seq, data, reason, now)
        if (seq === 0) this.statements.deleteDocSnapshot.run(workshopId, docName)
        else this.statements.dropUpdate.run(workshopId, docName, seq)
      }
    })()
    this.wrote()
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<string, number>> {
    return this.appendAll(batch)
  }

  async compact(workshopId: string, docName: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.db.transaction(() => {
      this.statements.putSnapshot.run(workshopId, docName, snapshot)
      this.statements.dropUpdates.run(workshopId, docName, upToSeq)
    })()
    this.wrote()
  }

  async renewDoc(workshopId: string, docName: typeof BOARD_DOC, from: number, upToSeq: number, fresh: Uint8Array, previous: Uint8Array): Promise<number> {
    const generation = this.db.transaction(() => {
      const old = this.statements.getWorkshop.get(workshopId)?.board_generation
      if (old !== from) throw new Error(`the board of ${workshopId} is at generation ${old ?? 'none'}, not ${from}`)
      this.statements.dropUpdates.run(workshopId, docName, upToSeq)
      this.statements.putSnapshot.run(workshopId, previousGenerationName(docName, old), previous)
      this.statements.deleteDocSnapshot.run(workshopId, previousGenerationName(docName, old - PREVIOUS_GENERATIONS_KEPT))
      this.statements.putSnapshot.run(workshopId, docName, fresh)
      this.statements.setBoardGeneration.run(old + 1, workshopId)
      return old + 1
    })()
    this.wrote()
    return generation
  }

  async previousGeneration(workshopId: string, docName: typeof BOARD_DOC, generation: number): Promise<Uint8Array | undefined> {
    return this.statements.snapshot.get(workshopId, previousGenerationName(docName, generation))?.data
  }

  async listDocs(workshopId: string): Promise<string[]> {
    return this.statements.listDocs.all(workshopId, workshopId).map((row) => row.doc_name)
  }

  async deleteDocs(workshopId: string, docNames: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const name of docNames) {
        this.statements.deleteDocSnapshot.run(workshopId, name)
        this.statements.deleteDocUpdates.run(workshopId, name)
        this.statements.deleteDocQuarantine.run(workshopId, name)
      }
    })()
    this.wrote()
  }

  async setParticipantKey(id: string, participantKeyHash: string, generation: number): Promise<void> {
    this.statements.setParticipantKey.run(participantKeyHash, generation, id)
    this.wrote()
  }

  async deleteWorkshop(id: string): Promise<void> {
    this.db.transaction(() => {
      for (const statement of this.statements.deleteWorkshop) statement.run(id)
    })()
    this.wrote()
  }

  async listUntouchedSince(before: number): Promise<string[]> {
    return this.statements.untouched.all(before).map((row) => row.id)
  }

  async createWorkshop(record: WorkshopRecord): Promise<void> {
    this.statements.insertWorkshop.run({
      id: record.id,
      title: record.title,
      created_at: record.createdAt,
      facilitator_key_hash: record.facilitatorKeyHash,
      participant_key_hash: record.participantKeyHash,
      screen_key_hash: record.screenKeyHash,
      participant_key_generation: record.participantKeyGeneration,
      board_generation: record.boardGeneration,
    })
    this.wrote()
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    const row = this.statements.getWorkshop.get(id)
    return workshopRecord(row)
  }

  async putJoinCode(record: JoinCodeRecord): Promise<boolean> {
    const put = this.db.transaction(() => {
      const taken = this.statements.findJoinCode.get(record.code)
      if (taken && taken.workshop_id !== record.workshopId) return false
      this.statements.dropJoinCode.run(record.workshopId)
      this.statements.insertJoinCode.run({
        code: record.code,
        workshop_id: record.workshopId,
        participant_key: record.participantKey,
        issued_at: record.issuedAt,
      })
      return true
    })()
    this.wrote()
    return put
  }

  async joinCodeOf(workshopId: string): Promise<JoinCodeRecord | undefined> {
    return joinCodeRecord(this.statements.joinCodeOf.get(workshopId))
  }

  async findJoinCode(code: string): Promise<JoinCodeRecord | undefined> {
    return joinCodeRecord(this.statements.findJoinCode.get(code))
  }

  async saveHistory(workshopId: string, reason: string, docs: Map<string, Uint8Array>, summary: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<number> {
    const packed = packHistoryDocs(docs)
    const saved = this.db.transaction(() => {
      const id = Number(this.statements.insertHistory.run(workshopId, Date.now(), reason, summary, packed).lastInsertRowid)
      this.statements.pruneHistory.run(workshopId, workshopId, HISTORY_KEPT_PER_WORKSHOP)
      this.statements.pruneHistoryBytes.run(workshopId, workshopId, maxBytes)
      return id
    })()
    this.wrote()
    return saved
  }

  async listHistory(workshopId: string): Promise<Omit<HistorySnapshot, 'docs'>[]> {
    return this.statements.listHistory.all(workshopId).map((row) => ({
      id: row.id,
      workshopId: row.workshop_id,
      createdAt: row.created_at,
      reason: row.reason,
      summary: row.summary,
    }))
  }

  async getHistory(workshopId: string, id: number): Promise<HistorySnapshot | undefined> {
    const row = this.statements.getHistory.get(workshopId, id)
    if (!row) return undefined
    return {
      id: row.id,
      workshopId: row.workshop_id,
      createdAt: row.created_at,
      reason: row.reason,
      summary: row.summary,
      docs: unpackHistoryDocs(row.docs),
    }
  }

  async checkWritable(): Promise<void> {
    this.statements.probe.run()
    this.wrote()
  }

  async close(): Promise<void> {
    clearTimeout(this.checkpointTimer)
    if (this.db.open) this.db.close()
  }
}
