import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createWorkshopControl, initBoard } from '../../shared/doc/index.ts'
import { exportWorkshopJson } from '../../shared/export/workshopJson.ts'
import { getTemplate } from '../../shared/method/templates.ts'
import { CloseCode } from '../../shared/protocol.ts'
import { DEFAULT_LIMITS } from '../../server/config.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { countWorkshops, exportRequest } from '../export/support.ts'
import { honestExportFile } from './support/honestImport.ts'
import { manyTinyItems, siblingBomb, updateMessage } from './support/attacks.ts'
import { connectClient, synced } from '../support/clients.ts'
import { expectLoopBounded, openArena, rawSocket, rssMiB, waitFor, watchHealth, type Arena } from './support/harness.ts'

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
    // Someone in another workshop writes while the bomb arrives: the card lands.
    const writer = connectClient(arena.server.wsUrl, arena.bystander.id, 'board', { key: arena.bystander.keys.participant })
    const reader = connectClient(arena.server.wsUrl, arena.bystander.id, 'board', { key: arena.bystander.keys.participant })
    await synced(writer, reader)
    const health = await watchHealth(arena.server.url)
    const socket = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    socket.send(updateMessage(bomb))
    writer.doc.getMap('signals').set('during the bomb', 'still here')
    expect((await socket.closed).code).toBe(CloseCode.badMessage)
    await waitFor(() => reader.doc.getMap('signals').get('during the bomb') === 'still here', 5_000, "the other workshop's card")
    writer.destroy()
    reader.destroy()
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
 * An import file whose board holds what the live guard never lets a board build: 400 writers at
 * each of 60 keys (the contested positions counted in all, `maxContention`). Each position is
 * within what the stored-log guard accepts, so the file reads quickly; admitted, the room's first
 * load would apply it on the main thread in one piece (0.4–1.2 s of CPU on a loaded machine).
 */
describe('import of a contested board', { timeout: 60_000 }, () => {
  let arena: Arena
  beforeAll(async () => {
    arena = await openArena()
  })
  afterAll(() => arena.close())

  it('is refused as the live guard would refuse building it, creating nothing', async () => {
    const rounds: Uint8Array[] = []
    let client = 5_000_000
    for (let round = 0; round < 25; round++)
      for (let key = 0; key < 60; key++, client += 16) rounds.push(siblingBomb(16, client, 'signals', `contested-${key}`))
    const before = countWorkshops(arena.dataDir)
    const health = await watchHealth(arena.server.url)
    const res = await post(`${arena.server.url}/api/workshops/import`, exportFileWith(Y.mergeUpdates(rounds)))
    expect(res.status).toBe(400)
    const answer = JSON.parse(res.body) as { code: string; error: string }
    expect(answer.code).toBe('badDocument')
    expect(answer.error).toBe('the board document cannot be imported: contested positions costing over 500000 steps in all')
    await expectLoopBounded('contested import file (400 writers at each of 60 keys)', health, arena.server.url)
    expect(countWorkshops(arena.dataDir)).toBe(before)
  })
})

/**
 * An honest workshop as large as the default limits allow (a signal bank of long cards, its board
 * just under MAX_DOC_BYTES): accepted with no event-loop turn of the server taking 200 ms of CPU,
 * and exported again exactly as imported. The file is read, the documents encoded, checked and
 * the first history snapshot packed in a worker; this thread writes the states as the documents'
 * snapshots (~10 ms of CPU per MB) and opens no room. The export that follows is not held to the
 * bound: rendering a board this size still runs on the main thread (README, "Bounded work").
 */
describe('honest import at the default size limits', { timeout: 180_000 }, () => {
  let arena: Arena
  let file: string
  beforeAll(async () => {
    arena = await openArena()
    file = honestExportFile(3_000, 1_800)
  }, 120_000)
  afterAll(() => arena.close())

  it('is accepted with the loop free, and exports again exactly as imported', async () => {
    const documents = (text: string) => (JSON.parse(text) as { documents: Record<string, string> }).documents
    const boardBytes = Buffer.from(documents(file).board!, 'base64').byteLength
    expect(boardBytes).toBeGreaterThan(0.85 * DEFAULT_LIMITS.maxDocBytes)
    expect(boardBytes).toBeLessThan(DEFAULT_LIMITS.maxDocBytes)
    expect(file.length).toBeLessThan(DEFAULT_LIMITS.maxImportBytes)
    const health = await watchHealth(arena.server.url)
    const res = await post(`${arena.server.url}/api/workshops/import`, file)
    expect(res.status).toBe(201)
    await expectLoopBounded(
      `honest import at the limits (${(file.length / 1e6).toFixed(1)} MB file, ${(boardBytes / 1e6).toFixed(1)} MB board)`,
      health,
      arena.server.url,
    )
    // Nothing lost on the way: the rooms load the stored states when the workshop is first opened.
    const created = JSON.parse(res.body) as WorkshopLinks
    const exported = await exportRequest(arena.server.url, created.id, 'json', created.keys.facilitator)
    expect(exported.status).toBe(200)
    expect(documents(await exported.text())).toEqual(documents(file))
  })
})
