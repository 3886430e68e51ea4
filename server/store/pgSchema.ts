import type pg from 'pg'

/**
 * The PostgreSQL schema as numbered migrations. Each runs once, in order, in its own transaction,
 * and its number is written to `schema_version` in the same transaction; instances starting at
 * the same moment take turns through an advisory lock, so a migration never runs twice.
 * Append new migrations; never edit one that has shipped.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     facilitator_key_hash TEXT NOT NULL,
     participant_key_hash TEXT NOT NULL,
     screen_key_hash TEXT NOT NULL,
     participant_key_generation INTEGER NOT NULL DEFAULT 0,
     touched_at BIGINT NOT NULL DEFAULT 0
   );
   CREATE INDEX workshops_by_touch ON workshops (touched_at);
   CREATE TABLE doc_snapshots (
     workshop_id TEXT NOT NULL,
     doc_name TEXT NOT NULL,
     data BYTEA NOT NULL,
     PRIMARY KEY (workshop_id, doc_name)
   );
   CREATE TABLE doc_updates (
     seq BIGSERIAL PRIMARY KEY,
     workshop_id TEXT NOT NULL,
     doc_name TEXT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (workshop_id, doc_name, seq);
   CREATE TABLE history (
     id BIGSERIAL PRIMARY KEY,
     workshop_id TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     reason TEXT NOT NULL,
     summary TEXT NOT NULL,
     docs BYTEA NOT NULL
   );
   CREATE INDEX history_by_workshop ON history (workshop_id, id);
   CREATE TABLE join_codes (
     code TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL UNIQUE,
     participant_key TEXT NOT NULL,
     issued_at BIGINT NOT NULL
   );
   CREATE TABLE health_probe (id INTEGER PRIMARY KEY, at BIGINT NOT NULL);`,
  // Stored rows that did not load (server/sync/load): kept aside, never deleted with the log.
  `CREATE TABLE quarantined_updates (
     id BIGSERIAL PRIMARY KEY,
     workshop_id TEXT NOT NULL,
     doc_name TEXT NOT NULL,
     seq BIGINT NOT NULL,
     data BYTEA NOT NULL,
     reason TEXT NOT NULL,
     quarantined_at BIGINT NOT NULL
   );
   CREATE INDEX quarantined_updates_by_doc ON quarantined_updates (workshop_id, doc_name);`,
  // The board's generation, counted up each time its history starts afresh (RoomRegistry.renew).
  `ALTER TABLE workshops ADD COLUMN board_generation INTEGER NOT NULL DEFAULT 0;`,
]

/** Any constant: the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 0x5325_0017

export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version')
    for (let version = (rows[0]?.version ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      await client.query('BEGIN')
      try {
        await client.query(MIGRATIONS[version - 1]!)
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`PostgreSQL migration ${version} failed: ${String(error)}`, { cause: error })
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}
