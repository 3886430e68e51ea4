/**
 * The SQLite file's own schema version, in `PRAGMA user_version`, and the numbered steps that
 * bring an older file up to it. Each step runs in one transaction with its version bump, so a
 * crash between steps leaves a file the next start resumes. A file made by newer code is refused
 * before anything touches it: this code could not read its rows and must not write them.
 *
 * To change the tables: append a step (never edit one that has shipped) and give it a test that
 * opens a file made by the previous code (tests/sqliteSchema.test.ts).
 */
import type Database from 'better-sqlite3'

type Step = (db: Database.Database) => void

/** Columns added after the first release, before the file had a version. */
const ADDED_BEFORE_VERSIONS = [
  ['workshops', 'participant_key_generation', 'INTEGER NOT NULL DEFAULT 0'],
  ['workshops', 'touched_at', 'INTEGER NOT NULL DEFAULT 0'],
] as const

const STEPS: readonly Step[] = [
  // 1: the shape of the code that introduced versions. `IF NOT EXISTS` and the column checks
  // adopt files made before then (version 0), whichever of their releases made them.
  (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS workshops (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        facilitator_key_hash TEXT NOT NULL,
        participant_key_hash TEXT NOT NULL,
        screen_key_hash TEXT NOT NULL,
        participant_key_generation INTEGER NOT NULL DEFAULT 0,
        touched_at INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS doc_snapshots (
        workshop_id TEXT NOT NULL,
        doc_name TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (workshop_id, doc_name)
      );
      CREATE TABLE IF NOT EXISTS doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL,
        doc_name TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (workshop_id, doc_name, seq);
      CREATE TABLE IF NOT EXISTS history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        summary TEXT NOT NULL,
        docs BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS history_by_workshop ON history (workshop_id, id);
      CREATE TABLE IF NOT EXISTS join_codes (
        code TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL UNIQUE,
        participant_key TEXT NOT NULL,
        issued_at INTEGER NOT NULL
      );
    `)
    for (const [table, column, type] of ADDED_BEFORE_VERSIONS) {
      const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all()
      if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`)
    }
  },
  // 2: stored rows that would not load within budget, set aside byte for byte (server/sync/load).
  (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS quarantined_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workshop_id TEXT NOT NULL,
        doc_name TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        reason TEXT NOT NULL,
        quarantined_at INTEGER NOT NULL
      );
    `)
  },
  // 3: the board's generation, counted up each time its history starts afresh (RoomRegistry.renew).
  (db) => {
    db.exec('ALTER TABLE workshops ADD COLUMN board_generation INTEGER NOT NULL DEFAULT 0')
  },
]

/** The version of the tables this code reads and writes. */
export const SQLITE_SCHEMA_VERSION = STEPS.length

export class NewerDatabaseError extends Error {
  constructor(file: string, found: number) {
    super(
      `${file} was made by a newer version of Signals to Stories (database schema ${found}; this one knows up to ${SQLITE_SCHEMA_VERSION}). ` +
        'Start the newer version, or point --data at a backup made by this one. The file was not changed.',
    )
    this.name = 'NewerDatabaseError'
  }
}

/** Brings the file to `SQLITE_SCHEMA_VERSION`, or throws `NewerDatabaseError` without touching it. */
export function migrateSqliteSchema(db: Database.Database, file: string): void {
  const found = db.pragma('user_version', { simple: true }) as number
  if (found > SQLITE_SCHEMA_VERSION) throw new NewerDatabaseError(file, found)
  for (let version = found; version < SQLITE_SCHEMA_VERSION; version++) {
    db.transaction(() => {
      STEPS[version]!(db)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
