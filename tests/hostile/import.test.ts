import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorkshopControl, initBoard } from '../../shared/doc/index.ts'
import { exportWorkshopJson } from '../../shared/export/workshopJson.ts'
import { getTemplate } from '../../shared/method/templates.ts'
import { CloseCode } from '../../shared/protocol.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { countWorkshops, exportRequest } from '../export/support.ts'
import { honestExportFile } from './support/honestImport.ts'
import { manyTinyItems, siblingBomb, updateMessage } from './support/attacks.ts'
import { expectLoopBounded, openArena, rawSocket, rssMiB, watchHealth, type Arena } from './support/harness.ts'

/** A POST that reports the answer even when the server answers before reading the whole body. */
function post(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** An export file of an honest workshop, or with `boardUpdate` (as sent, never applied here) as its board document. */
function exportFileWith(boardUpdate?: Uint8Array): string {
  const board = new Y.Doc()
  initBoard(board)
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Slow' }, getTemplate('quick-signals'))
  const file = JSON.parse(exportWorkshopJson({ board, control }, { generatedAt: new Date() })) as { documents: { board: string } }
  if (boardUpdate) file.documents.board = Buffer.from(Y.mergeUpdates([Y.encodeStateAsUpdate(board), boardUpdate])).toString('base64')
  return JSON.stringify(file)
}

/** Finding 5: an import file (and the same bytes over the WebSocket) of hundreds of thousands of tiny items. */
describe('import bomb', { timeout: 60_000 }, () => {
  let arena: Arena
  let file: string
  let bomb: Uint8Array
  beforeAll(async () => {
    arena = await openArena()
    const board = new Y.Doc()
    initBoard(board)
    board.transact(() => {
      const signals = board.getMap('signals')
      for (let i = 0; i < 300_000; i++) signals.set(String(i), i)
    })
    const control = new Y.Doc()
    createWorkshopControl(control, { title: 'Bomb' }, getTemplate('quick-signals'))
    file = exportWorkshopJson({ board, control }, { generatedAt: new Date() })
    // Under the 2 MiB frame limit, over the struct limit.
    bomb = manyTinyItems(90_000)
  }, 120_000)
  afterAll(() => arena.close())

  it('is refused from its headers, with no freeze and no memory spike; the same bytes over the socket close the sender', async () => {
    const before = rssMiB(arena.server.process.pid!)
    const health = await watchHealth(arena.server.url)
    const socket = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    socket.send(updateMessage(bomb))
    expect((await socket.closed).code).toBe(CloseCode.badMessage)
    await expectLoopBounded(`finding 5 over the socket (${(bomb.byteLength / 1e6).toFixed(1)} MB update)`, health, arena.server.url)

    const again = await watchHealth(arena.server.url)
    const res = await post(`${arena.server.url}/api/workshops/import`, file)
    expect(res.status).toBe(400)
    expect((JSON.parse(res.body) as { error: string }).error).toMatch(/more than 100000 items/)
    // The file is read in a worker thread: the main thread only receives it and hears the answer.
    await expectLoopBounded(`finding 5 as a file (${(file.length / 1e6).toFixed(1)} MB)`, again, arena.server.url)
    const grown = rssMiB(arena.server.process.pid!) - before
    console.log(`finding 5: memory +${grown} MiB`)
    expect(grown).toBeLessThan(200)
  })
})

/** An import file under every size limit whose board takes seconds of CPU to apply (concurrent writers at one key). */
describe('import that is slow to read', { timeout: 120_000 }, () => {
  let arena: Arena
  let file: string
  beforeAll(async () => {
    // 300 ms of CPU per file here (3 s by default), so that the test spends less time waiting.
    arena = await openArena({ LOAD_ROW_BUDGET_MS: '300' })
    file = exportFileWith(siblingBomb(16_000))
  }, 120_000)
  afterAll(() => arena.close())

  it('is refused once it has used the CPU budget in a worker thread, creating nothing, while the loop stays free', async () => {
    const before = countWorkshops(arena.dataDir)
    const health = await watchHealth(arena.server.url)
    const res = await post(`${arena.server.url}/api/workshops/import`, file)
    expect(res.status).toBe(400)
    const answer = JSON.parse(res.body) as { code: string; error: string }
    expect(answer.code).toBe('badDocument')
    expect(answer.error).toMatch(/take too long to read: the file took more than 300 ms of CPU/)
    await expectLoopBounded(`slow import file (${(file.length / 1e6).toFixed(1)} MB, 16,000 writers at one key)`, health, arena.server.url)
    expect(countWorkshops(arena.dataDir)).toBe(before)
    // The worker that was stopped is replaced: an honest file is read as before.
    const ok = await post(`${arena.server.url}/api/workshops/import`, exportFileWith())
    expect(ok.status).toBe(201)
    expect(countWorkshops(arena.dataDir)).toBe(before + 1)
  })
})

/**
 * An honest workshop as large as the import limit allows (a signal bank of long cards): accepted,
 * and no event-loop turn of the server takes 200 ms of CPU. The file is read, the documents
 * encoded, checked and the first history snapshot packed in a worker; this thread writes the
 * states as the documents' snapshots and opens no room. The limit is set to 8 MB here (a 6 MB
 * board): the store's write costs ~10 ms of CPU per MB of document, and at the default 20 MB
 * (a 14.5 MB board) that one write alone is ~150-250 ms (README, "Bounded work on the event loop").
 */
describe('honest import at the size cap', { timeout: 180_000 }, () => {
  const cap = 8 * 1024 * 1024
  let arena: Arena
  let file: string
  beforeAll(async () => {
    arena = await openArena({ MAX_IMPORT_BYTES: String(cap) })
    file = honestExportFile(2_300, 1_800)
  }, 120_000)
  afterAll(() => arena.close())

  it('is accepted with the loop free, and exports again exactly as imported', async () => {
    expect(file.length).toBeGreaterThan(0.9 * cap)
    expect(file.length).toBeLessThan(cap)
    const health = await watchHealth(arena.server.url)
    const res = await post(`${arena.server.url}/api/workshops/import`, file)
    expect(res.status).toBe(201)
    await expectLoopBounded(`honest import at the cap (${(file.length / 1e6).toFixed(1)} MB, 2,300 signals)`, health, arena.server.url)
    // Nothing lost on the way: the rooms load the stored states when the workshop is first opened.
    const created = JSON.parse(res.body) as WorkshopLinks
    const exported = await exportRequest(arena.server.url, created.id, 'json', created.keys.facilitator)
    expect(exported.status).toBe(200)
    const documents = (text: string) => (JSON.parse(text) as { documents: unknown }).documents
    expect(documents(await exported.text())).toEqual(documents(file))
  })
})
