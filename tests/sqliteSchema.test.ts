import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../shared/doc/index.ts'
import { randomId } from '../shared/util/ids.ts'
import { SQLITE_SCHEMA_VERSION } from '../server/store/sqliteSchema.ts'
import { SqliteDocStore } from '../server/store/sqliteStore.ts'
import { useServers } from './support/fixture.ts'
import { startTestServer } from './support/server.ts'

const servers = useServers()
const dataDir = () => servers.dataDir()

const WORKSHOP = randomId()

/**
 * A data file as earlier code left it, written with that code's own statements: the first
 * release's tables (before the key-generation and touched-at columns), or the last shape before
 * the file had a version. Holds one workshop with one signal in its update log.
 */
function fileFromEarlierCode(dir: string, release: 'first' | 'previous'): Uint8Array {
  const db = new Database(join(dir, 'workshops.sqlite'))
  const laterColumns = release === 'previous' ? ', participant_key_generation INTEGER NOT NULL DEFAULT 0, touched_at INTEGER NOT NULL DEFAULT 0' : ''
  db.exec(`
    CREATE TABLE workshops (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at INTEGER NOT NULL, facilitator_key_hash TEXT NOT NULL,
      participant_key_hash TEXT NOT NULL, screen_key_hash TEXT NOT NULL${laterColumns});
    CREATE TABLE doc_snapshots (workshop_id TEXT NOT NULL, doc_name TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (workshop_id, doc_name));
    CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, workshop_id TEXT NOT NULL, doc_name TEXT NOT NULL, data BLOB NOT NULL);
    CREATE INDEX doc_updates_by_doc ON doc_updates (workshop_id, doc_name, seq);
    CREATE TABLE history (id INTEGER PRIMARY KEY AUTOINCREMENT, workshop_id TEXT NOT NULL, created_at INTEGER NOT NULL, reason TEXT NOT NULL,
      summary TEXT NOT NULL, docs BLOB NOT NULL);
    CREATE INDEX history_by_workshop ON history (workshop_id, id);
    CREATE TABLE join_codes (code TEXT PRIMARY KEY, workshop_id TEXT NOT NULL UNIQUE, participant_key TEXT NOT NULL, issued_at INTEGER NOT NULL);
  `)
  db.prepare('INSERT INTO workshops (id, title, created_at, facilitator_key_hash, participant_key_hash, screen_key_hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    WORKSHOP,
    'Everyday welfare 2040',
    1_700_000_000_000,
    'f'.repeat(64),
    'p'.repeat(64),
    's'.repeat(64),
  )
  const board = new Y.Doc()
  addSignal(board, { title: 'Care robots at home' }, { participantId: randomId() })
  const update = Y.encodeStateAsUpdate(board)
  db.prepare('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?)').run(WORKSHOP, 'board', update)
  db.close()
  return update
}

const userVersion = (dir: string) => {
  const db = new Database(join(dir, 'workshops.sqlite'), { readonly: true })
  try {
    return db.pragma('user_version', { simple: true })
  } finally {
    db.close()
  }
}

describe('the SQLite file’s schema version', () => {
  it.each(['first', 'previous'] as const)('a file made by the %s release is migrated, and keeps every workshop and card', async (release) => {
    const dir = dataDir()
    fileFromEarlierCode(dir, release)
    expect(userVersion(dir)).toBe(0)

    const store = new SqliteDocStore(dir)
    servers.defer(() => store.close())
    expect(await store.getWorkshop(WORKSHOP)).toMatchObject({ title: 'Everyday welfare 2040', participantKeyGeneration: 0 })
    const board = new Y.Doc()
    for (const update of (await store.load(WORKSHOP, 'board')).updates) Y.applyUpdate(board, update)
    expect([...readBoard(board).signals.values()].map((s) => s.title)).toEqual(['Care robots at home'])
    // The migrated file takes the writes of today's code (the columns added after the first release).
    await store.setParticipantKey(WORKSHOP, 'q'.repeat(64), 1)
    expect(await store.getWorkshop(WORKSHOP)).toMatchObject({ participantKeyGeneration: 1 })
    expect(await store.listUntouchedSince(1)).toEqual([WORKSHOP])
    await store.appendUpdates([{ workshopId: WORKSHOP, docName: 'board', update: Y.encodeStateAsUpdate(board) }])
    expect(await store.listUntouchedSince(1)).toEqual([])
    expect(userVersion(dir)).toBe(SQLITE_SCHEMA_VERSION)
  })

  it('opening an up-to-date file again changes nothing', async () => {
    const dir = dataDir()
    new SqliteDocStore(dir).close()
    const store = new SqliteDocStore(dir)
    servers.defer(() => store.close())
    expect(userVersion(dir)).toBe(SQLITE_SCHEMA_VERSION)
  })

  it('a file made by newer code is refused with a clear message, and left as it was; the server does not start', async () => {
    const dir = dataDir()
    fileFromEarlierCode(dir, 'previous')
    const db = new Database(join(dir, 'workshops.sqlite'))
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`)
    db.close()
    const before = readFileSync(join(dir, 'workshops.sqlite'))

    expect(() => new SqliteDocStore(dir)).toThrow(
      `made by a newer version of Signals to Stories (database schema ${SQLITE_SCHEMA_VERSION + 1}; this one knows up to ${SQLITE_SCHEMA_VERSION})`,
    )
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/newer version/)
    expect(readFileSync(join(dir, 'workshops.sqlite')).equals(before)).toBe(true)
    expect(userVersion(dir)).toBe(SQLITE_SCHEMA_VERSION + 1)
  })
})
