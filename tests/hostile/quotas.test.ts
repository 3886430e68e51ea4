import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SqliteDocStore } from '../../server/store/sqliteStore.ts'
import { addSignal, initDraft, readBoard, setPrivateMode } from '../../shared/doc/index.ts'
import { CloseCode, draftDocName } from '../../shared/protocol.ts'
import { randomId } from '../../shared/util/ids.ts'
import { startChildServer } from '../support/childServer.ts'
import { synced, type TestClient } from '../support/clients.ts'
import { failingStore } from '../support/failingStore.ts'
import { createWorkshop, mintIdentity, startTestServer, tempDataDir } from '../support/server.ts'
import { closeWithin, expectLoopBounded, openArena, rawSocket, waitFor, watchHealth, type Arena } from './support/harness.ts'
import { useServers } from '../support/fixture.ts'

/** Findings 4, 6, 7 and 14: quotas, reveals in batches, and what a failed creation leaves. */
const servers = useServers()

function client(arena: Arena, workshopId: string, docName: string, key: string, identity?: string): TestClient {
  const c = servers.client(arena.server.wsUrl, workshopId, docName, { key, ...(identity ? { identity } : {}) })
  return c
}

async function privateRound(arena: Arena, on: boolean): Promise<TestClient> {
  const control = client(arena, arena.target.id, 'control', arena.target.keys.facilitator)
  await synced(control)
  setPrivateMode(control.doc, { on })
  // The round is open on the server once a participant's control shows it.
  const seen = client(arena, arena.target.id, 'control', arena.target.keys.participant)
  await waitFor(() => (seen.doc.getMap('session').toJSON() as { privateMode?: { on?: boolean } }).privateMode?.on === on, 5_000, 'the round to change')
  return control
}

function storedDrafts(dataDir: string): number {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true })
  try {
    const { n } = db
      .prepare(
        `SELECT (SELECT count(*) FROM doc_updates WHERE doc_name LIKE 'draft-%') + (SELECT count(*) FROM doc_snapshots WHERE doc_name LIKE 'draft-%') AS n`,
      )
      .get() as { n: number }
    return n
  } finally {
    db.close()
  }
}

describe('quotas', { timeout: 60_000 }, () => {
  it('4, 7: drafts are capped per workshop and in size, revealed in batches, then deleted from disk', async () => {
    const arena = await openArena({ MAX_DRAFTS_PER_WORKSHOP: '12', MAX_DRAFT_BYTES: String(16 * 1024) })
    servers.defer(() => arena.close())
    const control = await privateRound(arena, true)
    const health = await watchHealth(arena.server.url)
    const writers: TestClient[] = []
    for (let i = 0; i < 12; i++) {
      // Twelve people, each with the identity the server gave them: a draft's owner must be its writer.
      const person = await mintIdentity(arena.server.url, arena.target.id, arena.target.keys.participant)
      const draft = client(arena, arena.target.id, draftDocName(randomId()), arena.target.keys.participant, person.token)
      await synced(draft)
      const actor = { participantId: person.participantId }
      initDraft(draft.doc, { participantId: actor.participantId, name: `P${i}` })
      addSignal(draft.doc, { title: `Private card ${i}` }, actor)
      writers.push(draft)
    }
    await waitFor(() => storedDrafts(arena.dataDir) >= 12, 10_000, 'twelve drafts stored')
    // The thirteenth is refused at the door.
    await expect(rawSocket(arena.server, arena.target.id, draftDocName(randomId()), arena.target.keys.participant)).rejects.toThrow(/403/)
    // A draft over its budget is closed.
    writers[0]!.doc.getMap('signals').set('pad', 'p'.repeat(20 * 1024))
    await waitFor(() => writers[0]!.closes.some((c) => c.code === CloseCode.rateLimited), 5_000, 'the oversized draft to be closed')

    setPrivateMode(control.doc, { on: false })
    const board = client(arena, arena.target.id, 'board', arena.target.keys.participant)
    await waitFor(
      () => [...readBoard(board.doc).signals.values()].filter((s) => s.title.startsWith('Private card')).length === 12,
      10_000,
      'the cards on the board',
    )
    await waitFor(() => storedDrafts(arena.dataDir) === 0, 10_000, 'the drafts to be deleted')
    // Another workshop was never in the way of any of it.
    const bystander = client(arena, arena.bystander.id, 'board', arena.bystander.keys.participant)
    const reader = client(arena, arena.bystander.id, 'board', arena.bystander.keys.participant)
    await synced(bystander, reader)
    bystander.doc.getMap('signals').set('elsewhere', 'still writing')
    await waitFor(() => reader.doc.getMap('signals').get('elsewhere') === 'still writing', 5_000, "the other workshop's card")
    await expectLoopBounded('findings 4, 7', health, arena.server.url)
  })

  it('7: a reveal left to the next start opens the drafts a batch at a time, within the room cap', async () => {
    // Twenty people's drafts, stored while the round was open.
    const arena = await openArena()
    servers.defer(() => arena.close())
    await privateRound(arena, true)
    for (let i = 0; i < 20; i++) {
      const person = await mintIdentity(arena.server.url, arena.target.id, arena.target.keys.participant)
      const draft = client(arena, arena.target.id, draftDocName(randomId()), arena.target.keys.participant, person.token)
      await synced(draft)
      initDraft(draft.doc, { participantId: person.participantId, name: `P${i}` })
      addSignal(draft.doc, { title: `Private card ${i}` }, { participantId: person.participantId })
    }
    await waitFor(() => storedDrafts(arena.dataDir) >= 20, 10_000, 'twenty drafts stored')
    await arena.server.stop()
    // The facilitator's end of the round was stored, and the server died before it revealed.
    const store = new SqliteDocStore(arena.dataDir)
    const control = new Y.Doc()
    for (const update of (await store.load(arena.target.id, 'control')).updates) Y.applyUpdate(control, update)
    let roundEnd: Uint8Array | undefined
    control.once('update', (update: Uint8Array) => (roundEnd = update))
    setPrivateMode(control, { on: false })
    await store.appendUpdates([{ workshopId: arena.target.id, docName: 'control', update: roundEnd! }])
    await store.close()

    // Twelve rooms for the workshop: all twenty drafts at once, with the board and control, would not fit.
    const server = await startChildServer(arena.dataDir, { MAX_ROOMS_PER_WORKSHOP: '12' })
    servers.defer(() => server.kill())
    const health = await watchHealth(server.url)
    // The first to come loads the control document, and the reveal starts.
    const board = servers.client(server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.participant })
    await waitFor(
      () => [...readBoard(board.doc).signals.values()].filter((s) => s.title.startsWith('Private card')).length === 20,
      20_000,
      'the twenty cards on the board',
    )
    expect(server.output()).not.toMatch(/reveal failed/)
    await waitFor(() => storedDrafts(arena.dataDir) === 0, 10_000, 'the drafts to be deleted')
    await expectLoopBounded('finding 7', health, server.url)
  })

  it('6: one workshop cannot take every room; another workshop still opens and /healthz reports saturation', async () => {
    const arena = await openArena({ MAX_ROOMS_PER_WORKSHOP: '10', MAX_ROOMS_IN_MEMORY: '40' })
    servers.defer(() => arena.close())
    await privateRound(arena, true)
    const sockets = await Promise.allSettled(
      Array.from({ length: 30 }, () => rawSocket(arena.server, arena.target.id, draftDocName(randomId()), arena.target.keys.participant)),
    )
    const closes = await Promise.all(
      sockets.filter((s) => s.status === 'fulfilled').map((s) => Promise.race([s.value.closed, new Promise<null>((r) => setTimeout(() => r(null), 1_000))])),
    )
    servers.defer(() => sockets.forEach((s) => s.status === 'fulfilled' && s.value.ws.terminate()))
    expect(closes.filter((c) => c?.code === CloseCode.busy).length).toBeGreaterThan(15)
    const bystander = client(arena, arena.bystander.id, 'board', arena.bystander.keys.participant)
    await synced(bystander)
    const health = (await (await fetch(`${arena.server.url}/healthz`)).json()) as { saturation: number }
    expect(health.saturation).toBeGreaterThan(0)
    expect(health.saturation).toBeLessThan(1)
  })

  it("6: at the server's room limit /healthz answers 503, a new document waits (4508), and open ones go on", async () => {
    // Ten rooms for a workshop, twelve in all.
    const arena = await openArena({ MAX_ROOMS_PER_WORKSHOP: '10', MAX_ROOMS_IN_MEMORY: '12' })
    servers.defer(() => arena.close())
    // Workshops made before it fills (at the limit, making one answers 503: it opens their documents).
    const late = await Promise.all([1, 2, 3].map((n) => createWorkshop(arena.server.url, { title: `Late ${n}` })))
    await privateRound(arena, true)
    // The target's control and nine drafts; the rest of twenty are refused (the workshop's limit).
    const sockets = await Promise.allSettled(
      Array.from({ length: 20 }, () => rawSocket(arena.server, arena.target.id, draftDocName(randomId()), arena.target.keys.participant)),
    )
    servers.defer(() => sockets.forEach((s) => s.status === 'fulfilled' && s.value.ws.terminate()))
    const writer = client(arena, arena.bystander.id, 'board', arena.bystander.keys.participant)
    const reader = client(arena, arena.bystander.id, 'board', arena.bystander.keys.participant)
    await synced(writer, reader)
    // Boards of new workshops until the server is full: the first refused waits (the app retries
    // 4508 after a backoff), and from then on /healthz says so.
    let refused: { code: number; reason: string } | undefined
    for (const workshop of late) {
      if (refused) break
      const socket = await rawSocket(arena.server, workshop.id, 'board', workshop.keys.participant)
      servers.defer(() => socket.ws.terminate())
      const closed = await closeWithin(socket, 3_000)
      if (typeof closed !== 'string') refused = closed
    }
    expect(refused).toEqual({ code: CloseCode.busy, reason: 'server busy: too many open documents, retrying' })
    const res = await fetch(`${arena.server.url}/healthz`)
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ ok: false, saturation: 1, rooms: 12 })
    // Open documents go on.
    writer.doc.getMap('signals').set('at the limit', 'still writing')
    await waitFor(() => reader.doc.getMap('signals').get('at the limit') === 'still writing', 5_000, "the bystander's card")
  })

  it('14: a workshop that cannot be stored answers 503 and leaves no row behind', async () => {
    const data = tempDataDir()
    const store = failingStore(data.dir)
    const server = await startTestServer({ dataDir: data.dir, store })
    servers.defer(
      () => data.remove(),
      () => server.close(),
    )
    store.failing = true
    const res = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    })
    expect(res.status).toBe(503)
    store.failing = false
    const db = new Database(join(data.dir, 'workshops.sqlite'), { readonly: true })
    expect((db.prepare('SELECT count(*) AS n FROM workshops').get() as { n: number }).n).toBe(0)
    db.close()
    // And a healthy creation takes one history snapshot, not two.
    const created = await createWorkshop(server.url)
    await server.registry.settle()
    const reasons = async () => (await server.store.listHistory(created.id)).map((row) => row.reason)
    await waitFor(async () => (await reasons()).length > 0, 10_000, 'the creation snapshot')
    // The marker: a snapshot asked for now goes the same way (the rooms, then the store), so a
    // second creation snapshot, started with the first, is stored before it arrives.
    const manual = await fetch(`${server.url}/api/workshops/${created.id}/history`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.keys.facilitator}` },
    })
    expect(manual.status).toBe(201)
    expect((await reasons()).sort()).toEqual(['manual', 'periodic'])
  })
})
