import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import * as Y from 'yjs'
import type { DocStore } from '../server/store/docStore.ts'
import { JournaledSqliteStore } from '../server/store/journaledSqliteStore.ts'
import { PgDocStore } from '../server/store/pgStore.ts'
import { SqliteDocStore } from '../server/store/sqliteStore.ts'
import { siblingBomb, slowButAdmissible } from './hostile/support/attacks.ts'
import { tempDataDir } from './support/server.ts'
import { startPostgres, type ThrowawayPostgres } from './support/services.ts'

let postgres: ThrowawayPostgres
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.destroy()
})

const stores: [string, () => Promise<DocStore>][] = [
  ['SQLite', async () => new SqliteDocStore(tempDataDir().dir)],
  // The server's SQLite store: acknowledged from its journal, folded in later (a minute here).
  ['SQLite with its journal', async () => new JournaledSqliteStore(tempDataDir().dir, { foldAfterMs: 60_000 })],
  ['PostgreSQL', async () => PgDocStore.open(await postgres.createDatabase())],
]

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | undefined
  const capture = (update: Uint8Array) => (captured = update)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  return captured!
}

function textOf(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  const text = doc.getText('t').toString()
  doc.destroy()
  return text
}

const workshop = (id: string) => ({
  id,
  title: 'Everyday welfare 2040',
  createdAt: 1_000,
  facilitatorKeyHash: 'f',
  participantKeyHash: 'p',
  screenKeyHash: 's',
  participantKeyGeneration: 0,
  boardGeneration: 0,
})

describe.each(stores)('the %s store', (_name, open) => {
  it('moves quarantined rows, snapshot or log, out of the document by their row numbers', async () => {
    const store = await open()
    try {
      await store.createWorkshop(workshop('wq'))
      const writer = new Y.Doc()
      await store.compact('wq', 'board', textUpdate(writer, 'Heat '), 0)
      await store.appendUpdates([{ workshopId: 'wq', docName: 'board', update: textUpdate(writer, 'waves') }])
      await store.appendUpdates([{ workshopId: 'wq', docName: 'board', update: textUpdate(writer, '!') }])
      const stored = await store.load('wq', 'board')
      expect(stored.seqs[0]).toBe(0)
      expect(stored.seqs.slice(1)).toEqual([stored.lastSeq - 1, stored.lastSeq].map(Number))
      await store.quarantine('wq', 'board', [
        { seq: 0, data: stored.updates[0]!, reason: 'test' },
        { seq: stored.seqs[2]!, data: stored.updates[2]!, reason: 'test' },
      ])
      const after = await store.load('wq', 'board')
      expect(after.seqs).toEqual([stored.seqs[1]])
      expect(after.updates).toEqual([stored.updates[1]])
      await store.deleteWorkshop('wq')
    } finally {
      await store.close()
    }
  })

  it('keeps documents as a snapshot and a log, and compaction folds the log', async () => {
    const store = await open()
    try {
      await store.createWorkshop(workshop('w1'))
      const writer = new Y.Doc()
      const first = await store.appendUpdates([
        { workshopId: 'w1', docName: 'board', update: textUpdate(writer, 'Heat ') },
        { workshopId: 'w1', docName: 'control', update: textUpdate(new Y.Doc(), 'x') },
      ])
      const second = await store.appendUpdates([{ workshopId: 'w1', docName: 'board', update: textUpdate(writer, 'waves') }])
      expect(second.get('w1/board')).toBeGreaterThan(first.get('w1/board')!)
      let stored = await store.load('w1', 'board')
      expect(stored).toMatchObject({ logLength: 2, lastSeq: second.get('w1/board') })
      expect(textOf(stored.updates)).toBe('Heat waves')
      expect((await store.listDocs('w1')).sort()).toEqual(['board', 'control'])

      await store.compact('w1', 'board', Y.encodeStateAsUpdate(writer), stored.lastSeq)
      stored = await store.load('w1', 'board')
      expect(stored.logLength).toBe(0)
      expect(textOf(stored.updates)).toBe('Heat waves')

      await store.deleteDocs('w1', ['board'])
      expect(await store.listDocs('w1')).toEqual(['control'])
    } finally {
      await store.close()
    }
  })

  it('starts a board afresh in one step: its log replaced, the generation counted up, the last three earlier states kept', async () => {
    const store = await open()
    try {
      await store.createWorkshop(workshop('w1'))
      let current = new Y.Doc()
      await store.appendUpdates([{ workshopId: 'w1', docName: 'board', update: textUpdate(current, 'generation 0') }])
      const states: Uint8Array[] = []
      for (let generation = 1; generation <= 4; generation++) {
        const previous = Y.encodeStateAsUpdate(current)
        states.push(previous)
        current = new Y.Doc()
        current.getText('t').insert(0, `generation ${generation}`)
        expect(await store.renewDoc('w1', 'board', generation - 1, (await store.load('w1', 'board')).lastSeq, Y.encodeStateAsUpdate(current), previous)).toBe(
          generation,
        )
        const stored = await store.load('w1', 'board')
        expect(stored.logLength).toBe(0)
        expect(textOf(stored.updates)).toBe(`generation ${generation}`)
      }
      expect(await store.getWorkshop('w1')).toMatchObject({ boardGeneration: 4 })
      // Replaced already (by another instance): refused, nothing changed.
      await expect(store.renewDoc('w1', 'board', 3, 0, new Uint8Array([0, 0]), states[0]!)).rejects.toThrow('at generation 4, not 3')
      expect(textOf((await store.load('w1', 'board')).updates)).toBe('generation 4')
      expect(await store.previousGeneration('w1', 'board', 0)).toBeUndefined()
      for (const generation of [1, 2, 3]) expect(await store.previousGeneration('w1', 'board', generation)).toEqual(Buffer.from(states[generation]!))
      // Deleted with their workshop.
      await store.deleteWorkshop('w1')
      expect(await store.previousGeneration('w1', 'board', 3)).toBeUndefined()
    } finally {
      await store.close()
    }
  })

  it('keeps workshops, participant keys, join codes and retention facts', async () => {
    const store = await open()
    try {
      await store.createWorkshop(workshop('w1'))
      await store.createWorkshop(workshop('w2'))
      await store.setParticipantKey('w1', 'p2', 1)
      expect(await store.getWorkshop('w1')).toMatchObject({ participantKeyHash: 'p2', participantKeyGeneration: 1, createdAt: 1_000 })
      expect(await store.getWorkshop('nope')).toBeUndefined()

      expect(await store.putJoinCode({ code: 'ABCD', workshopId: 'w1', participantKey: 'k1', issuedAt: 5 })).toBe(true)
      expect(await store.putJoinCode({ code: 'ABCD', workshopId: 'w2', participantKey: 'k2', issuedAt: 6 })).toBe(false)
      expect(await store.putJoinCode({ code: 'EFGH', workshopId: 'w1', participantKey: 'k3', issuedAt: 7 })).toBe(true)
      expect(await store.findJoinCode('ABCD')).toBeUndefined()
      expect(await store.findJoinCode('EFGH')).toEqual({ code: 'EFGH', workshopId: 'w1', participantKey: 'k3', issuedAt: 7 })
      expect(await store.joinCodeOf('w1')).toMatchObject({ code: 'EFGH' })

      await store.appendUpdates([{ workshopId: 'w2', docName: 'board', update: textUpdate(new Y.Doc(), 'x') }])
      expect(await store.listUntouchedSince(Date.now() - 60_000)).toEqual(['w1'])

      await store.deleteWorkshop('w1')
      expect(await store.getWorkshop('w1')).toBeUndefined()
      expect(await store.findJoinCode('EFGH')).toBeUndefined()
      await store.checkWritable()
    } finally {
      await store.close()
    }
  })

  it('keeps history within its byte budget, newest first', async () => {
    const store = await open()
    try {
      await store.createWorkshop(workshop('w1'))
      const docs = (text: string) =>
        new Map([
          [
            'board',
            Y.encodeStateAsUpdate(
              (() => {
                const d = new Y.Doc()
                d.getText('t').insert(0, text)
                return d
              })(),
            ),
          ],
        ])
      const ids: number[] = []
      for (let i = 0; i < 5; i++) ids.push(await store.saveHistory('w1', 'auto', docs('x'.repeat(200)), `{"n":${i}}`, 1_200))
      const listed = await store.listHistory('w1')
      expect(listed.length).toBeGreaterThan(1)
      expect(listed.length).toBeLessThan(5)
      expect(listed[0]).toMatchObject({ id: ids[4], reason: 'auto', summary: '{"n":4}' })
      const newest = await store.getHistory('w1', ids[4]!)
      expect(textOf([newest!.docs.get('board')!])).toBe('x'.repeat(200))
      expect(await store.getHistory('w1', ids[0]!)).toBeUndefined()
    } finally {
      await store.close()
    }
  })
})

describe('the PostgreSQL store with two instances', () => {
  it('loses nothing when two instances compact the same document while both write', async () => {
    const url = await postgres.createDatabase()
    const [a, b] = await Promise.all([PgDocStore.open(url), PgDocStore.open(url)])
    try {
      await a.createWorkshop(workshop('w1'))
      // Each instance sees only its own writes (the other's are still on their way), then both
      // compact with their own view up to their own last sequence number.
      const docA = new Y.Doc()
      const docB = new Y.Doc()
      const seqs: number[] = []
      for (let i = 0; i < 20; i++) {
        const [store, doc, word] = i % 2 === 0 ? [a, docA, `a${i} `] : [b, docB, `b${i} `]
        seqs.push((await store.appendUpdates([{ workshopId: 'w1', docName: 'board', update: textUpdate(doc, word) }])).get('w1/board')!)
      }
      await Promise.all([a.compact('w1', 'board', Y.encodeStateAsUpdate(docA), seqs[18]!), b.compact('w1', 'board', Y.encodeStateAsUpdate(docB), seqs[19]!)])
      const text = textOf((await a.load('w1', 'board')).updates)
      for (let i = 0; i < 20; i++) expect(text).toContain(`${i % 2 === 0 ? 'a' : 'b'}${i} `)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
  it('stores nothing more of a board generation another instance has replaced: neither its updates nor its compaction', async () => {
    const url = await postgres.createDatabase()
    const [a, b] = await Promise.all([PgDocStore.open(url), PgDocStore.open(url)])
    try {
      await a.createWorkshop(workshop('w1'))
      const old = new Y.Doc()
      await b.appendUpdates([{ workshopId: 'w1', docName: 'board', update: textUpdate(old, 'Heat ') }])
      const renewed = new Y.Doc()
      renewed.getText('t').insert(0, 'Heat ')
      await a.renewDoc('w1', 'board', 0, (await a.load('w1', 'board')).lastSeq, Y.encodeStateAsUpdate(renewed), Y.encodeStateAsUpdate(old))

      // Instance B has not heard yet: its next row of generation 0 is dropped, its control row kept.
      const stale = textUpdate(old, 'waves')
      const seqs = await b.appendUpdates([
        { workshopId: 'w1', docName: 'board', update: stale, generation: 0 },
        { workshopId: 'w1', docName: 'control', update: textUpdate(new Y.Doc(), 'kept') },
      ])
      expect([...seqs.keys()]).toEqual(['w1/control'])
      await expect(b.compact('w1', 'board', Y.encodeStateAsUpdate(old), 1_000, 0)).rejects.toThrow('started afresh since')
      const stored = await a.load('w1', 'board')
      expect(stored.logLength).toBe(0)
      expect(textOf(stored.updates)).toBe('Heat ')

      // The new generation's rows are stored as ever.
      expect((await a.appendUpdates([{ workshopId: 'w1', docName: 'board', update: textUpdate(renewed, 'waves'), generation: 1 }])).has('w1/board')).toBe(true)
      expect(textOf((await b.load('w1', 'board')).updates)).toBe('Heat waves')
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

describe('the PostgreSQL store’s compaction', () => {
  it(
    'folds in a worker thread with the stored-log guard and sets aside, in the same transaction, a stored row it refuses or that does not fold within the CPU budget',
    { timeout: 120_000 },
    async () => {
      const url = await postgres.createDatabase()
      const store = await PgDocStore.open(url, { rowBudgetMs: 100 })
      const db = new pg.Client({ connectionString: url })
      await db.connect()
      try {
        await store.createWorkshop(workshop('w1'))
        const writer = new Y.Doc()
        const append = async (update: Uint8Array) => (await store.appendUpdates([{ workshopId: 'w1', docName: 'board', update }])).get('w1/board')!
        await append(textUpdate(writer, 'Heat '))
        // 1,000 invented writers at one key fold in milliseconds, but a snapshot holding them would
        // be refused whole by the next load: the guard sets the row aside instead.
        const bomb = await append(siblingBomb(1_000, 1_000_000, 'm'))
        // Under the guard's caps, over a second of CPU to apply on a fast machine, where the budget
        // is 100 ms (at 60 keys, 170 ms: too close to it).
        const slow = await append(slowButAdmissible(390, 200, 'm'))
        const last = await append(textUpdate(writer, 'waves'))

        await store.compact('w1', 'board', Y.encodeStateAsUpdate(writer), last)
        const stored = await store.load('w1', 'board')
        expect(stored.logLength).toBe(0)
        expect(textOf(stored.updates)).toBe('Heat waves')
        const { rows } = await db.query<{ seq: number; reason: string }>('SELECT seq, reason FROM quarantined_updates WHERE workshop_id = $1 ORDER BY seq', [
          'w1',
        ])
        expect(rows.map((row) => [Number(row.seq), row.reason])).toEqual([
          [bomb, 'over 400 writers at one position'],
          [slow, 'did not load within 100 ms of CPU'],
        ])
      } finally {
        await db.end()
        await store.close()
      }
    },
  )
})
