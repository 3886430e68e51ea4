import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../../shared/doc/index.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { browserTestsSkipped } from '../e2e/support/browser.ts'
import { startChildServer } from '../support/childServer.ts'
import { synced } from '../support/clients.ts'
import { useServers } from '../support/fixture.ts'
import { exportRequest } from '../export/support.ts'
import { honestExportFile } from './support/honestImport.ts'
import { expectLoopBounded, openArena, waitFor, watchHealth, type Arena } from './support/harness.ts'

/**
 * Exports with a participant's key ("Take the report home") or the facilitator's: whatever their
 * size, rendering happens in the load pool's worker thread and PDF printing in a thread of its own,
 * so that no event-loop turn of the server takes 200 ms of CPU and another workshop's join is
 * answered meanwhile. At most two of each kind render at once, a bounded number wait, the rest are
 * answered 503 with Retry-After, workshops taking turns and a newcomer taking the place of the
 * loudest workshop's newest waiting request; a render past EXPORT_BUDGET_MS of CPU is stopped (503).
 */
const servers = useServers()

const documentsOf = (text: string) => (JSON.parse(text) as { documents: Record<string, string> }).documents

async function importFile(arena: Arena, file: string): Promise<WorkshopLinks> {
  const res = await fetch(`${arena.server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file })
  expect(res.status).toBe(201)
  return (await res.json()) as WorkshopLinks
}

/** A client of the bystander workshop joins and syncs while `during` runs. */
async function joinDuring<T>(arena: Arena, during: Promise<T>): Promise<T> {
  const joiner = servers.client(arena.server.wsUrl, arena.bystander.id, 'board', { key: arena.bystander.keys.participant })
  await synced(joiner)
  return during
}

describe('exports of a board at the size limit', { timeout: 240_000 }, () => {
  let arena: Arena
  let file: string
  let big: WorkshopLinks
  let medium: WorkshopLinks
  beforeAll(async () => {
    // A signal bank of long cards: a board of ~7 MB, just under MAX_DOC_BYTES. Built first: the
    // seconds that takes would let the server close fetch's kept-alive connection under its feet.
    file = honestExportFile(3_000, 1_800)
    const mediumFile = honestExportFile(300, 600)
    // Three waiting per kind here (100 by default), so that 20 at once reach the refusal.
    const env = { MAX_EXPORTS_WAITING: '3' }
    arena = await openArena(env)
    big = await importFile(arena, file)
    medium = await importFile(arena, mediumFile)
    // Started again, so that the longest turn since the start is the exports', not the imports'.
    await arena.server.stop()
    arena.server = await startChildServer(arena.dataDir, env)
    // Generous: importing 10 MB takes seconds, minutes while other suites load a shared machine.
  }, 300_000)
  // The restarted server is this file's own: the arena closes the one it started.
  afterAll(async () => {
    await arena?.server.kill()
    await arena?.close()
  })

  it('renders every format off the main thread while another workshop joins, with the same bytes as imported', async () => {
    const mb = (Buffer.from(documentsOf(file).board!, 'base64').byteLength / 1e6).toFixed(1)
    for (const format of ['md', 'html', 'csv', 'json'] as const) {
      const health = await watchHealth(arena.server.url)
      const res = await joinDuring(arena, exportRequest(arena.server.url, big.id, format, big.keys.facilitator))
      expect(res.status).toBe(200)
      const text = await res.text()
      if (format === 'json') expect(documentsOf(text)).toEqual(documentsOf(file))
      else expect(text).toContain('Signal 3000: care robots')
      await expectLoopBounded(`export ${format} of a ${mb} MB board (${(text.length / 1e6).toFixed(1)} MB) with a join`, health, arena.server.url)
    }
  })

  it('prints the first PDF (starting Chromium) in its own thread while another workshop joins', async () => {
    if (browserTestsSkipped) return
    const health = await watchHealth(arena.server.url)
    const res = await joinDuring(arena, exportRequest(arena.server.url, medium.id, 'pdf', medium.keys.facilitator))
    expect(res.status).toBe(200)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    await expectLoopBounded(`first PDF (${(bytes.byteLength / 1e6).toFixed(1)} MB) with a join`, health, arena.server.url)
  })

  /** An export's answer, read whole. */
  const answerOf = async (res: Response) => ({
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: Buffer.from(await res.arrayBuffer()),
  })
  const errorOf = (answer: { body: Buffer }) => (JSON.parse(answer.body.toString()) as { error: string }).error

  it('shares one render among identical requests waiting for it: 20 at once of the same file are all served, and the same bytes', async () => {
    const health = await watchHealth(arena.server.url)
    const answers = await joinDuring(
      arena,
      Promise.all(Array.from({ length: 20 }, () => exportRequest(arena.server.url, big.id, 'md', big.keys.facilitator).then(answerOf))),
    )
    // Three waiting places here, yet none is refused: the first two render, the rest wait for one render.
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200))
    // Two renders that started at once and one that all the others waited for: three files at most.
    expect(new Set(answers.map((answer) => answer.body.toString('base64'))).size).toBeLessThanOrEqual(3)
    await expectLoopBounded('20 identical exports at once with a join', health, arena.server.url)
  })

  it("one workshop's burst of eight different exports: 2 render, 3 wait, 3 are refused at once; other workshops' exports then take waiting places and are served", async () => {
    const health = await watchHealth(arena.server.url)
    // Eight different files of the big board: each render takes seconds, so the two admitted are
    // still rendering below, and the refusals, answered at once, are the first three answers.
    const files = (['md', 'html', 'csv', 'json'] as const).flatMap((format) => ['', '&participants=0'].map((query) => [format, query] as const))
    const inOrder: Awaited<ReturnType<typeof answerOf>>[] = []
    const burst = files.map(([format, query]) =>
      exportRequest(arena.server.url, big.id, format, big.keys.facilitator, query)
        .then(answerOf)
        .then((answer) => (inOrder.push(answer), answer)),
    )
    await waitFor(() => inOrder.length >= 3, 60_000, 'the refusals of the burst')
    for (const answer of inOrder.slice(0, 3)) {
      expect(answer.status).toBe(503)
      expect(answer.retryAfter).toBe('5')
      expect(errorOf(answer)).toMatch(/too many exports are waiting/)
    }
    // The queue is full of the big workshop's requests; two other workshops still get in, each
    // in place of one of them, and are served.
    const others = await joinDuring(
      arena,
      Promise.all([medium, arena.bystander].map((workshop) => exportRequest(arena.server.url, workshop.id, 'md', workshop.keys.facilitator).then(answerOf))),
    )
    expect(others.map((answer) => answer.status)).toEqual([200, 200])
    const answers = await Promise.all(burst)
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3)
    expect(answers.filter((answer) => answer.status === 503)).toHaveLength(5)
    await expectLoopBounded('8 exports at once from one workshop, then two from others, with a join', health, arena.server.url)
    // The queue is free again.
    expect((await exportRequest(arena.server.url, medium.id, 'md', medium.keys.facilitator)).status).toBe(200)
  })
})

describe('an export over EXPORT_BUDGET_MS', { timeout: 120_000 }, () => {
  it('is stopped and answered 503 saying why; the server goes on serving exports and joins', async () => {
    const file = honestExportFile(1_000, 1_200)
    const arena = await openArena({ EXPORT_BUDGET_MS: '30' })
    servers.defer(() => arena.close())
    const medium = await importFile(arena, file)
    const health = await watchHealth(arena.server.url)
    const res = await exportRequest(arena.server.url, medium.id, 'html', medium.keys.facilitator)
    expect(res.status).toBe(503)
    expect(((await res.json()) as { error: string }).error).toBe(
      "the export took more than 30 ms of CPU to render, this server's limit (EXPORT_BUDGET_MS); the export was stopped",
    )
    // The stopped worker is replaced: a small workshop exports, another joins.
    const small = await joinDuring(arena, exportRequest(arena.server.url, arena.bystander.id, 'md', arena.bystander.keys.facilitator))
    expect(small.status).toBe(200)
    await expectLoopBounded('export over budget', health, arena.server.url)
  })
})

describe('an export of a board unloaded moments ago', () => {
  it('reads the updates still waiting in the store journal without taking them from it', async () => {
    // The journal keeps acknowledged updates a minute here; the room unloads at once.
    const { server, workshop, open } = await servers.workshop({ limits: { journalFoldMs: 60_000 }, tuning: { roomIdleMs: 20 } })
    const writer = open('board', workshop.keys.facilitator)
    await synced(writer)
    addSignal(writer.doc, { title: 'Kept through every export' }, { participantId: 'p-facilitator' })
    await waitFor(() => readBoard(server.registry.loaded(workshop.id, 'board')?.doc ?? new Y.Doc()).signals.size === 1, 5_000, 'the server to hold the card')
    writer.destroy()
    await waitFor(() => server.registry.loaded(workshop.id, 'board') === undefined, 5_000, 'the board to unload')
    // The board's rows come from the store, its last update from the journal: each export sees it.
    for (let i = 0; i < 2; i++) {
      const res = await exportRequest(server.url, workshop.id, 'md', workshop.keys.facilitator)
      expect(await res.text()).toContain('Kept through every export')
    }
    const reader = open('board', workshop.keys.facilitator)
    await synced(reader)
    expect([...readBoard(reader.doc).signals.values()].map((signal) => signal.title)).toEqual(['Kept through every export'])
  })
})
