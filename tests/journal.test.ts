import { execFile } from 'node:child_process'
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, joinAsParticipant, readBoard } from '../shared/doc/index.ts'
import { MessageType } from '../shared/protocol.ts'
import { JournaledSqliteStore } from '../server/store/journaledSqliteStore.ts'
import { SqliteDocStore } from '../server/store/sqliteStore.ts'
import { encodeRecords, journalPath, readJournal } from '../server/store/updateJournal.ts'
import { startChildServer, type ChildServer } from './support/childServer.ts'
import { type TestClient } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { createWorkshop, mintIdentity, waitFor } from './support/server.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SIGNALS = 60
/** Long enough that nothing is folded into SQLite while a test looks at the journal. */
const NEVER_FOLDS = { JOURNAL_FOLD_MS: '600000' }

/** A freshly started server process answers its first sync slowly on a loaded machine. */
const SYNC_MS = 20_000

const servers = useServers()

async function child(dataDir: string, env?: Record<string, string>): Promise<ChildServer> {
  const server = await startChildServer(dataDir, env)
  servers.defer(() => server.kill())
  return server
}

/** A writer asking for our extension messages, with the last `saved` state vector it was sent. */
async function writerOn(server: ChildServer, workshopId: string, key: string): Promise<TestClient & { saved(): Map<number, number> }> {
  const identity = await mintIdentity(server.url, workshopId, key)
  const client = servers.client(server.wsUrl, workshopId, 'board', { key, identity: identity.token, ext: '1' })
  let saved = new Map<number, number>()
  client.provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
  }
  await waitFor(() => client.provider.synced, SYNC_MS, 'the writer to sync')
  const person = { participantId: identity.participantId }
  joinAsParticipant(client.doc, person, 'Anna')
  for (let i = 1; i <= SIGNALS; i++) addSignal(client.doc, { title: `Signal ${i}` }, person)
  return Object.assign(client, { saved: () => saved })
}

/** Whether the server acknowledged (`saved`) everything the client's document holds. */
function acknowledged(client: TestClient & { saved(): Map<number, number> }): boolean {
  const saved = client.saved()
  return [...Y.decodeStateVector(Y.encodeStateVector(client.doc))].every(([id, clock]) => (saved.get(id) ?? 0) >= clock)
}

function signalTitles(updates: readonly Uint8Array[]): string[] {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  const titles = [...readBoard(doc).signals.values()].map((signal) => signal.title)
  doc.destroy()
  return titles
}

/** What SQLite alone holds of the board, read as `npm run export` did before the journal. */
async function titlesInSqlite(dataDir: string, workshopId: string): Promise<string[]> {
  const store = new SqliteDocStore(dataDir)
  try {
    return signalTitles((await store.load(workshopId, 'board')).updates)
  } finally {
    await store.close()
  }
}

async function titlesAfterRestart(dataDir: string, workshopId: string, key: string): Promise<string[]> {
  const server = await child(dataDir)
  const reader = servers.client(server.wsUrl, workshopId, 'board', { key })
  await waitFor(() => reader.provider.synced, SYNC_MS, 'the reader to sync after the restart')
  return [...readBoard(reader.doc).signals.values()].map((signal) => signal.title)
}

describe('the update journal', () => {
  it('keeps what was acknowledged when the server is killed right after "saved", and replays it into SQLite on start', { timeout: 60_000 }, async () => {
    const dataDir = servers.dataDir()
    const first = await child(dataDir, NEVER_FOLDS)
    const workshop = await createWorkshop(first.url)
    const writer = await writerOn(first, workshop.id, workshop.keys.participant)
    await waitFor(() => acknowledged(writer), 10_000, 'every signal to be saved')
    await first.kill()

    // The acknowledged signals were in the journal only: SQLite had not been written.
    const journaled = readJournal(journalPath(dataDir)).filter((record) => record.workshopId === workshop.id && record.docName === 'board')
    expect(signalTitles(journaled.map((record) => record.update))).toContain(`Signal ${SIGNALS}`)
    expect(await titlesInSqlite(dataDir, workshop.id)).not.toContain(`Signal ${SIGNALS}`)

    const titles = await titlesAfterRestart(dataDir, workshop.id, workshop.keys.participant)
    expect(titles).toHaveLength(SIGNALS)
    // The start replayed the journal into SQLite, and it is empty again.
    expect((await titlesInSqlite(dataDir, workshop.id)).sort()).toEqual(titles.sort())
    expect(readJournal(journalPath(dataDir))).toEqual([])
  })

  it('folds the journal into SQLite and empties it; a kill -9 after the fold loses nothing', { timeout: 60_000 }, async () => {
    const dataDir = servers.dataDir()
    const first = await child(dataDir, { JOURNAL_FOLD_MS: '50' })
    const workshop = await createWorkshop(first.url)
    const writer = await writerOn(first, workshop.id, workshop.keys.participant)
    await waitFor(() => acknowledged(writer), 10_000, 'every signal to be saved')
    await waitFor(() => statSync(journalPath(dataDir)).size === 0, 10_000, 'the journal to be folded')
    expect(await titlesInSqlite(dataDir, workshop.id)).toHaveLength(SIGNALS)
    await first.kill()

    expect(await titlesAfterRestart(dataDir, workshop.id, workshop.keys.participant)).toHaveLength(SIGNALS)
  })

  it('lets `npm run export` beside a running server see what is acknowledged but still in the journal', { timeout: 60_000 }, async () => {
    const dataDir = servers.dataDir()
    const server = await child(dataDir, NEVER_FOLDS)
    const workshop = await createWorkshop(server.url)
    const writer = await writerOn(server, workshop.id, workshop.keys.participant)
    await waitFor(() => acknowledged(writer), 10_000, 'every signal to be saved')

    const exported = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts', 'export.ts'), workshop.id, '--format', 'csv', '--out', '-', '--data', dataDir],
        { cwd: root },
        (error, stdout) => (error ? fail(error) : done(stdout)),
      ),
    )
    expect(exported).toContain(`Signal ${SIGNALS}`)
    // The export read the journal and wrote nothing: the server still holds it to fold.
    expect(readJournal(journalPath(dataDir)).length).toBeGreaterThan(0)
  })

  it('`npm run export` takes a workshop id starting with "-" or "--" as the id, not as a flag (one id in 64 does)', { timeout: 60_000 }, async () => {
    const dataDir = servers.dataDir()
    await new JournaledSqliteStore(dataDir).close()
    for (const id of ['-AAAAAAAAAAAAAAAAAAAAA', '--AAAAAAAAAAAAAAAAAAAA']) {
      const stderr = await new Promise<string>((done) =>
        execFile(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'export.ts'), id, '--data', dataDir], { cwd: root }, (_, __, err) => done(err)),
      )
      expect(stderr).toContain(`no workshop ${id} in this data directory`)
    }
  })

  it('replays a journal whose records SQLite already has without doubling them, and stops at a torn record', async () => {
    const dataDir = servers.dataDir()
    const writer = new Y.Doc()
    const text = writer.getText('t')
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    text.insert(0, 'Heat ')
    text.insert(5, 'waves')

    const first = new JournaledSqliteStore(dataDir, { foldAfterMs: 600_000 })
    await first.appendUpdates(updates.map((update) => ({ workshopId: 'w', docName: 'board', update })))
    // A crash between the fold's commit and the journal being emptied: both hold the records.
    const journal = readFileSync(journalPath(dataDir))
    first.fold()
    await first.close()
    writeFileSync(journalPath(dataDir), journal)
    // …and a record the crash tore in the middle of its write: never acknowledged.
    text.insert(10, '!')
    appendFileSync(journalPath(dataDir), encodeRecords([{ seq: 99, workshopId: 'w', docName: 'board', update: updates.at(-1)! }]).subarray(0, 12))

    const second = new JournaledSqliteStore(dataDir)
    servers.defer(() => second.close())
    const stored = await second.load('w', 'board')
    expect(stored.logLength).toBe(2)
    const doc = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    expect(doc.getText('t').toString()).toBe('Heat waves')
    expect(statSync(journalPath(dataDir)).size).toBe(0)
    // New updates continue after the replayed numbers.
    const next = await second.appendUpdates([{ workshopId: 'w', docName: 'board', update: updates.at(-1)! }])
    expect(next.get('w/board')).toBeGreaterThan(stored.lastSeq)
  })

  it('loads every update when a fold moves them into SQLite while the load is under way', async () => {
    const dataDir = servers.dataDir()
    const store = new JournaledSqliteStore(dataDir, { foldAfterMs: 600_000 })
    servers.defer(() => store.close())
    const writer = new Y.Doc()
    const updates: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => updates.push(update))
    writer.getText('t').insert(0, 'Heat waves')
    await store.appendUpdates(updates.map((update) => ({ workshopId: 'w', docName: 'board', update })))
    const loading = store.load('w', 'board')
    // Another room's compaction folds the journal before this load's promise is taken up.
    store.fold()
    expect((await loading).logLength).toBe(updates.length)
  })
})
