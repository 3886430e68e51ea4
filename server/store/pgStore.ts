import type { Logger } from '../log.ts'
import pg from 'pg'
import { DEFAULT_LIMITS } from '../config.ts'
import { loadPool } from '../sync/load/loadPool.ts'
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
import { migrate } from './pgSchema.ts'

// BIGINT columns (sequence numbers, milliseconds) fit a JS number for the next 280,000 years.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

export interface PgStoreOptions {
  /** Connections in this instance's pool. */
  poolSize?: number
  logger?: Logger
  /** CPU a stored row may take to apply when compacting, as at load (`loadRowBudgetMs`). */
  rowBudgetMs?: number
}

/**
 * The store for several instances: PostgreSQL holds what SQLite holds alone (the same tables,
 * see pgSchema.ts). Every method is one statement or one transaction, so an update is `saved`
 * only once PostgreSQL has committed it, and two instances may write the same document at once.
 */
export class PgDocStore implements DocStore {
  private readonly pool: pg.Pool

  private constructor(
    pool: pg.Pool,
    private readonly rowBudgetMs: number,
  ) {
    this.pool = pool
  }

  /** Connects and brings the schema up to date; fails fast when the database cannot be reached. */
  static async open(connectionString: string, options: PgStoreOptions = {}): Promise<PgDocStore> {
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      // A database that went away must fail a write within seconds (writers then see "not saved,
      // retrying" and /healthz answers 503), never hang it.
      connectionTimeoutMillis: 5_000,
      query_timeout: 15_000,
      idleTimeoutMillis: 30_000,
    })
    // An idle connection dropped by a database restart must not take the process down.
    pool.on('error', (error) => options.logger?.error({ err: error }, 'PostgreSQL connection lost'))
    try {
      await migrate(pool)
    } catch (error) {
      await pool.end()
      throw error
    }
    return new PgDocStore(pool, options.rowBudgetMs ?? DEFAULT_LIMITS.loadRowBudgetMs)
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  async load(workshopId: string, docName: string): Promise<StoredDoc> {
    // One statement sees one snapshot of the database: a compaction committing meanwhile cannot
    // leave us with the new snapshot and the old log, or the old snapshot without the log.
    const { rows } = await this.pool.query<{ seq: number; data: Buffer }>(
      `SELECT 0::bigint AS seq, data FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = $2
       UNION ALL
       SELECT seq, data FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2
       ORDER BY seq`,
      [workshopId, docName],
    )
    const logRows = rows.filter((row) => row.seq > 0)
    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      seqs: rows.map((row) => Number(row.seq)),
      lastSeq: logRows.at(-1)?.seq ?? 0,
      logLength: logRows.length,
    }
  }

  async quarantine(workshopId: string, docName: string, rows: readonly QuarantinedRow[]): Promise<void> {
    await this.transaction(async (client) => {
      for (const { seq, data, reason } of rows) {
        await insertQuarantined(client, workshopId, docName, { seq, data, reason })
        if (seq === 0) await client.query('DELETE FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = $2', [workshopId, docName])
        else await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2 AND seq = $3', [workshopId, docName, seq])
      }
    })
  }

  async appendUpdates(batch: readonly PendingUpdate[]): Promise<Map<string, number>> {
    const lastSeqs = new Map<string, number>()
    if (batch.length === 0) return lastSeqs
    const { rows } = await this.pool.query<{ seq: number; workshop_id: string; doc_name: string }>(
      // One statement is one transaction: the turn's rows and the workshops' touch commit together.
      // A board's row is stored only for its current generation, read under a key-share lock: a
      // renewal (renewDoc, which holds the row for update) commits before or after, never during.
      // (A key-share lock, unlike a share lock, does not conflict with the touch below, which two
      // instances appending to one workshop would otherwise each wait for: a deadlock.)
      `WITH incoming AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $5::int[]) AS t(workshop_id, doc_name, data, generation)
       ), current AS (
         SELECT id, board_generation FROM workshops
         WHERE id IN (SELECT workshop_id FROM incoming WHERE generation IS NOT NULL) FOR KEY SHARE
       ), added AS (
         INSERT INTO doc_updates (workshop_id, doc_name, data)
         SELECT i.workshop_id, i.doc_name, i.data FROM incoming i
         WHERE i.generation IS NULL OR i.generation = (SELECT c.board_generation FROM current c WHERE c.id = i.workshop_id)
         RETURNING seq, workshop_id, doc_name
       ), touched AS (
         UPDATE workshops SET touched_at = $4 WHERE id IN (SELECT DISTINCT workshop_id FROM added)
       )
       SELECT seq, workshop_id, doc_name FROM added`,
      [
        batch.map((row) => row.workshopId),
        batch.map((row) => row.docName),
        batch.map((row) => Buffer.from(row.update)),
        Date.now(),
        batch.map((row) => row.generation ?? null),
      ],
    )
    for (const row of rows) {
      const key = docKey(row.workshop_id, row.doc_name)
      lastSeqs.set(key, Math.max(lastSeqs.get(key) ?? 0, row.seq))
    }
    return lastSeqs
  }

  /**
   * Folds the log up to `upToSeq` into the snapshot. Another instance may have appended rows
   * below `upToSeq` that the caller's `snapshot` has not seen yet (they were still on their way
   * through Redis), so the stored snapshot and those rows are merged in rather than replaced:
   * whatever two instances compact at once, no update is lost. The per-document advisory lock
   * makes concurrent compactions take turns.
   *
   * The merge is a whole document's worth of Yjs work, so it runs in the load pool's worker
   * threads, with the stored-log guard (its cost caps; not the roots of a kind: the store keeps
   * whatever document it is given) and under the load's per-row CPU budget. A stored row the guard
   * refuses or that does not fold in time goes to the quarantine in the same transaction, as at
   * load: folded in, it would make the snapshot itself one that no load accepts, and the whole
   * document would be quarantined at the next start. If the caller's own snapshot does not fold,
   * nothing changes (the log is intact and compaction is tried again later).
   */
  async compact(workshopId: string, docName: string, snapshot: Uint8Array, upToSeq: number, generation?: number): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [docKey(workshopId, docName)])
      if (generation !== undefined) {
        // renewDoc takes the same lock: an instance that has not heard of a renewal yet must not
        // fold its copy of the old generation into the new one.
        const { rows } = await client.query<{ board_generation: number }>('SELECT board_generation FROM workshops WHERE id = $1', [workshopId])
        if (rows[0]?.board_generation !== generation)
          throw new Error(`the board was started afresh since (generation ${rows[0]?.board_generation}, not ${generation})`)
      }
      const { rows } = await client.query<{ seq: number; data: Buffer }>(
        `SELECT seq, data FROM (
           SELECT 0::bigint AS seq, data FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = $2
           UNION ALL
           SELECT seq, data FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2 AND seq <= $3
         ) AS stored ORDER BY seq`,
        [workshopId, docName, upToSeq],
      )
      const { state, left } = await loadPool.fold(undefined, [...rows.map((row) => new Uint8Array(row.data)), snapshot], this.rowBudgetMs)
      if (left.some((row) => row.index === rows.length)) throw new Error(`the document's own state did not fold: ${left.at(-1)!.reason}`)
      // Deleted below with the rest of the log, or replaced by the new snapshot: kept aside first.
      for (const { index, reason } of left) await insertQuarantined(client, workshopId, docName, { seq: rows[index]!.seq, data: rows[index]!.data, reason })
      await client.query(
        `INSERT INTO doc_snapshots (workshop_id, doc_name, data) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id, doc_name) DO UPDATE SET data = EXCLUDED.data`,
        [workshopId, docName, Buffer.from(state)],
      )
      await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2 AND seq <= $3', [workshopId, docName, upToSeq])
    })
  }

  /** With the document's advisory lock, so a compaction on another instance cannot interleave. */
  async renewDoc(workshopId: string, docName: typeof BOARD_DOC, from: number, upToSeq: number, fresh: Uint8Array, previous: Uint8Array): Promise<number> {
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [docKey(workshopId, docName)])
      const { rows } = await client.query<{ board_generation: number }>('SELECT board_generation FROM workshops WHERE id = $1 FOR UPDATE', [workshopId])
      const old = rows[0]?.board_generation
      if (old !== from) throw new Error(`the board of ${workshopId} is at generation ${old ?? 'none'}, not ${from}`)
      const put = `INSERT INTO doc_snapshots (workshop_id, doc_name, data) VALUES ($1, $2, $3)
                   ON CONFLICT (workshop_id, doc_name) DO UPDATE SET data = EXCLUDED.data`
      // A row stored after `upToSeq` (another instance, before it heard) stays: it adds what it adds.
      await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND doc_name = $2 AND seq <= $3', [workshopId, docName, upToSeq])
      await client.query(put, [workshopId, previousGenerationName(docName, old), Buffer.from(previous)])
      await client.query('DELETE FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = $2', [
        workshopId,
        previousGenerationName(docName, old - PREVIOUS_GENERATIONS_KEPT),
      ])
      await client.query(put, [workshopId, docName, Buffer.from(fresh)])
      await client.query('UPDATE workshops SET board_generation = $1 WHERE id = $2', [old + 1, workshopId])
      return old + 1
    })
  }

  async previousGeneration(workshopId: string, docName: typeof BOARD_DOC, generation: number): Promise<Uint8Array | undefined> {
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = $2', [
      workshopId,
      previousGenerationName(docName, generation),
    ])
    return rows[0]?.data
  }

  async listDocs(workshopId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ doc_name: string }>(
      'SELECT doc_name FROM doc_snapshots WHERE workshop_id = $1 UNION SELECT DISTINCT doc_name FROM doc_updates WHERE workshop_id = $1',
      [workshopId],
    )
    return rows.map((row) => row.doc_name)
  }

  async deleteDocs(workshopId: string, docNames: readonly string[]): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM doc_snapshots WHERE workshop_id = $1 AND doc_name = ANY($2)', [workshopId, docNames])
      await client.query('DELETE FROM doc_updates WHERE workshop_id = $1 AND doc_name = ANY($2)', [workshopId, docNames])
      await client.query('DELETE FROM quarantined_updates WHERE workshop_id = $1 AND doc_name = ANY($2)', [workshopId, docNames])
    })
  }

  async createWorkshop(record: WorkshopRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO workshops (id, title, created_at, facilitator_key_hash, participant_key_hash, screen_key_hash, participant_key_generation, board_generation, touched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $3)`,
      [
        record.id,
        record.title,
        record.createdAt,
        record.facilitatorKeyHash,
        record.participantKeyHash,
        record.screenKeyHash,
        record.participantKeyGeneration,
        record.boardGeneration,
      ],
    )
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | undefined> {
    const { rows } = await this.pool.query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id])
    return workshopRecord(rows[0])
  }

  async setParticipantKey(id: string, participantKeyHash: string, generation: number): Promise<void> {
    await this.pool.query('UPDATE workshops SET participant_key_hash = $1, participant_key_generation = $2 WHERE id = $3', [participantKeyHash, generation, id])
  }

  async deleteWorkshop(id: string): Promise<void> {
    await this.transaction(async (client) => {
      for (const table of ['doc_snapshots', 'doc_updates', 'quarantined_updates', 'history', 'join_codes']) {
        await client.query(`DELETE FROM ${table} WHERE workshop_id = $1`, [id])
      }
      await client.query('DELETE FROM workshops WHERE id = $1', [id])
    })
  }

  async listUntouchedSince(before: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM workshops WHERE touched_at < $1 ORDER BY touched_at', [before])
    return rows.map((row) => row.id)
  }

  async putJoinCode(record: JoinCodeRecord): Promise<boolean> {
    try {
      return await this.transaction(async (client) => {
        await client.query('DELETE FROM join_codes WHERE workshop_id = $1 AND code <> $2', [record.workshopId, record.code])
        // Taken by another workshop: the conditional update touches nothing and returns no row.
        const { rowCount } = await client.query(
          `INSERT INTO join_codes (code, workshop_id, participant_key, issued_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (code) DO UPDATE SET participant_key = EXCLUDED.participant_key, issued_at = EXCLUDED.issued_at
           WHERE join_codes.workshop_id = EXCLUDED.workshop_id`,
          [record.code, record.workshopId, record.participantKey, record.issuedAt],
        )
        if (rowCount === 0) throw new CodeTaken()
        return true
      })
    } catch (error) {
      // 23505: another instance gave the same code (or this workshop a code) at the same moment.
      if (error instanceof CodeTaken || (error as { code?: string }).code === '23505') return false
      throw error
    }
  }

  async joinCodeOf(workshopId: string): Promise<JoinCodeRecord | undefined> {
    const { rows } = await this.pool.query<JoinCodeRow>('SELECT * FROM join_codes WHERE workshop_id = $1', [workshopId])
    return joinCodeRecord(rows[0])
  }

  async findJoinCode(code: string): Promise<JoinCodeRecord | undefined> {
    const { rows } = await this.pool.query<JoinCodeRow>('SELECT * FROM join_codes WHERE code = $1', [code])
    return joinCodeRecord(rows[0])
  }

  async saveHistory(workshopId: string, reason: string, docs: Map<string, Uint8Array>, summary: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<number> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ id: number }>(
        'INSERT INTO history (workshop_id, created_at, reason, summary, docs) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [workshopId, Date.now(), reason, summary, packHistoryDocs(docs)],
      )
      await client.query(
        `DELETE FROM history WHERE workshop_id = $1 AND id IN (
           SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS newest,
                                  SUM(octet_length(docs)) OVER (ORDER BY id DESC) AS kept
                           FROM history WHERE workshop_id = $1) AS ranked
           WHERE newest > 1 AND (newest > $2 OR kept > $3))`,
        [workshopId, HISTORY_KEPT_PER_WORKSHOP, maxBytes],
      )
      return rows[0]!.id
    })
  }

  async listHistory(workshopId: string): Promise<Omit<HistorySnapshot, 'docs'>[]> {
    const { rows } = await this.pool.query<{ id: number; workshop_id: string; created_at: number; reason: string; summary: string }>(
      'SELECT id, workshop_id, created_at, reason, summary FROM history WHERE workshop_id = $1 ORDER BY id DESC',
      [workshopId],
    )
    return rows.map((row) => ({ id: row.id, workshopId: row.workshop_id, createdAt: row.created_at, reason: row.reason, summary: row.summary }))
  }

  async getHistory(workshopId: string, id: number): Promise<HistorySnapshot | undefined> {
    const { rows } = await this.pool.query<{ id: number; workshop_id: string; created_at: number; reason: string; summary: string; docs: Buffer }>(
      'SELECT * FROM history WHERE workshop_id = $1 AND id = $2',
      [workshopId, id],
    )
    const row = rows[0]
    if (!row) return undefined
    return { id: row.id, workshopId: row.workshop_id, createdAt: row.created_at, reason: row.reason, summary: row.summary, docs: unpackHistoryDocs(row.docs) }
  }

  /** For `migrate-store`: a history snapshot copied as it is, with its original time. */
  async importHistory(snapshot: HistorySnapshot): Promise<void> {
    await this.pool.query('INSERT INTO history (workshop_id, created_at, reason, summary, docs) VALUES ($1, $2, $3, $4, $5)', [
      snapshot.workshopId,
      snapshot.createdAt,
      snapshot.reason,
      snapshot.summary,
      packHistoryDocs(snapshot.docs),
    ])
  }

  /** For `migrate-store`: when a workshop last changed, which the retention setting counts from. */
  async touch(workshopId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE workshops SET touched_at = $1 WHERE id = $2', [at, workshopId])
  }

  async checkWritable(): Promise<void> {
    await this.pool.query('INSERT INTO health_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at', [Date.now()])
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end()
  }
}

class CodeTaken extends Error {}

function insertQuarantined(client: pg.PoolClient, workshopId: string, docName: string, { seq, data, reason }: QuarantinedRow): Promise<unknown> {
  return client.query('INSERT INTO quarantined_updates (workshop_id, doc_name, seq, data, reason, quarantined_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    workshopId,
    docName,
    seq,
    Buffer.from(data),
    reason,
    Date.now(),
  ])
}
