import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { type WebsocketProvider } from 'y-websocket'
import { StockProvider } from '../tests/support/stockProvider.ts'
import * as Y from 'yjs'
import type { WorkshopLinks } from '../shared/api.ts'
import { BOARD_ROOTS } from '../shared/doc/roots.ts'
import { spawnServer, type ServerChild } from './child.ts'
import { environment } from './report.ts'
import { manyRooms, ROOM_CLIENTS, ROOM_COUNT, type RoomsResult } from './rooms.ts'
import { Swarm, type Endpoint } from './swarm.ts'
import { resultsDir } from './sync.ts'

/**
 * Rows of the scale table that are not fan-out or presence: a join storm (everyone connects at
 * once; time until all are synced), memory per idle connection (server heap after a full
 * collection, per connection), and the cold load of a 5 MB board (server restarted, first client
 * until synced; the reference keeps documents in memory only, so its figure is a warm load).
 */
const STORM = Number(process.env.BENCH_STORM_CLIENTS ?? 200)
export const BOARD_MB = 5

/** Rooms opened, one client each, to measure what a room costs (BENCH_ROOMS). */
const ROOMS = Number(process.env.BENCH_ROOMS ?? 100)

interface ScaleResult {
  /** Process start until it serves (ours: until its load pool can load a document). */
  startMs: number
  stormMs: number
  heapPerConnectionKb: number
  rssPerConnectionKb: number
  loadMs: number
  /** Server heap per room with its one client connected, and per room left idle (ours keeps it loaded for ROOM_IDLE_MS; the reference frees it at once). */
  heapPerRoomKb: number
  heapPerIdleRoomKb: number | null
  rooms: RoomsResult
}

export async function createWorkshop(port: number): Promise<WorkshopLinks> {
  const res = await fetch(`http://127.0.0.1:${port}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"title":"bench"}',
  })
  return (await res.json()) as WorkshopLinks
}

function provider(endpoint: Endpoint, doc: Y.Doc): WebsocketProvider {
  return new StockProvider(endpoint.serverUrl, endpoint.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: endpoint.params,
    disableBc: true,
  })
}

async function untilSynced(p: WebsocketProvider): Promise<void> {
  while (!p.synced) await new Promise((resolve) => setTimeout(resolve, 2))
}

/** Writes about 5 MB of card text, in updates under the message limit. */
export async function fillBoard(endpoint: Endpoint): Promise<void> {
  const doc = new Y.Doc()
  const p = provider(endpoint, doc)
  await untilSynced(p)
  const cards = doc.getMap<string>(BOARD_ROOTS.signals)
  for (let i = 0; i < BOARD_MB * 4; i++) {
    cards.set(`card-${i}`, `Signal ${i}: `.padEnd(256 * 1024, 'heat waves reshape city life; '))
    await new Promise((resolve) => setTimeout(resolve, 30))
  }
  // Wait until a second client sees everything: then it is stored.
  const check = new Y.Doc()
  const q = provider(endpoint, check)
  while (check.getMap(BOARD_ROOTS.signals).size < BOARD_MB * 4) await new Promise((resolve) => setTimeout(resolve, 20))
  for (const x of [p, q]) x.destroy()
  // A doc's awareness keeps a timer: without this the bench never exits.
  for (const x of [doc, check]) x.destroy()
}

/** `count` documents: each a workshop's board for ours, a room name for the reference. */
async function roomEndpoints(kind: 'ours' | 'ref', server: ServerChild, count: number): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = []
  for (let i = 0; i < count; i++) {
    if (kind === 'ref') {
      endpoints.push({ serverUrl: `ws://127.0.0.1:${server.port}/room-${i}`, room: 'board', params: {} })
      continue
    }
    const workshop = await createWorkshop(server.port)
    endpoints.push({ serverUrl: `ws://127.0.0.1:${server.port}/sync/${workshop.id}`, room: 'board', params: { key: workshop.keys.participant } })
  }
  return endpoints
}

/** ROOMS documents, one client each. */
async function roomCosts(endpoints: Endpoint[], kind: 'ours' | 'ref', server: ServerChild): Promise<Pick<ScaleResult, 'heapPerRoomKb' | 'heapPerIdleRoomKb'>> {
  const before = await server.phase('start')
  const docs = endpoints.map(() => new Y.Doc())
  const providers = endpoints.map((endpoint, i) => provider(endpoint, docs[i]!))
  await Promise.all(providers.map(untilSynced))
  const open = await server.phase('start')
  for (const p of providers) p.destroy()
  for (const doc of docs) doc.destroy()
  // The server notices the closes within a turn or two; its idle rooms stay loaded for 30 s.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const idle = await server.phase('start')
  return {
    heapPerRoomKb: (open.heapUsed - before.heapUsed) / ROOMS / 1024,
    heapPerIdleRoomKb: kind === 'ours' ? (idle.heapUsed - before.heapUsed) / ROOMS / 1024 : null,
  }
}

export async function coldLoad(endpoint: Endpoint): Promise<number> {
  const doc = new Y.Doc()
  const started = performance.now()
  const p = provider(endpoint, doc)
  await untilSynced(p)
  const ms = performance.now() - started
  p.destroy()
  doc.destroy()
  return ms
}

async function measure(kind: 'ours' | 'ref', dataDir: string): Promise<ScaleResult> {
  const spawned = performance.now()
  let server: ServerChild = await spawnServer(kind === 'ours' ? 'ourServer' : 'refServer', kind === 'ours' ? [dataDir] : [])
  const startMs = performance.now() - spawned
  try {
    const workshop = kind === 'ours' ? await createWorkshop(server.port) : undefined
    const endpointOf = (s: ServerChild): Endpoint =>
      workshop
        ? { serverUrl: `ws://127.0.0.1:${s.port}/sync/${workshop.id}`, room: 'board', params: { key: workshop.keys.participant } }
        : { serverUrl: `ws://127.0.0.1:${s.port}/bench`, room: 'board', params: {} }
    const before = await server.phase('start')
    const started = performance.now()
    const swarm = await Swarm.connect(endpointOf(server), STORM, 120_000)
    const stormMs = performance.now() - started
    const after = await server.phase('start')
    swarm.destroy()
    const endpoints = await roomEndpoints(kind, server, Math.max(ROOMS, ROOM_COUNT))
    const costs = await roomCosts(endpoints.slice(0, ROOMS), kind, server)
    const rooms = await manyRooms(endpoints.slice(0, ROOM_COUNT), server)
    await fillBoard(endpointOf(server))
    if (kind === 'ours') {
      // Cold: a fresh process on the same data directory.
      await server.stop()
      server = await spawnServer('ourServer', [dataDir])
    }
    const loadMs = await coldLoad(endpointOf(server))
    return {
      startMs,
      stormMs,
      heapPerConnectionKb: (after.heapUsed - before.heapUsed) / STORM / 1024,
      rssPerConnectionKb: (after.rss - before.rss) / STORM / 1024,
      loadMs,
      ...costs,
      rooms,
    }
  } finally {
    await server.stop()
  }
}

export async function runScaleBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 's2s-bench-scale-'))
  try {
    const ours = await measure('ours', dataDir)
    const ref = await measure('ref', dataDir)
    const r = (a: number, b: number) => (a / b).toFixed(2)
    console.log(
      [
        `| measure | ours | reference | ratio |`,
        `|---|--:|--:|--:|`,
        `| server start until it serves (ours: until its load pool can load a document), ms | ${ours.startMs.toFixed(0)} | ${ref.startMs.toFixed(0)} | ${r(ours.startMs, ref.startMs)} |`,
        `| join storm: ${STORM} clients at once until all synced, ms | ${ours.stormMs.toFixed(0)} | ${ref.stormMs.toFixed(0)} | ${r(ours.stormMs, ref.stormMs)} |`,
        `| heap per idle connection, KB | ${ours.heapPerConnectionKb.toFixed(1)} | ${ref.heapPerConnectionKb.toFixed(1)} | ${r(ours.heapPerConnectionKb, ref.heapPerConnectionKb)} |`,
        `| RSS per idle connection, KB | ${ours.rssPerConnectionKb.toFixed(1)} | ${ref.rssPerConnectionKb.toFixed(1)} | ${r(ours.rssPerConnectionKb, ref.rssPerConnectionKb)} |`,
        `| ${BOARD_MB} MB board: first client synced, ms (ours cold from disk, reference warm) | ${ours.loadMs.toFixed(0)} | ${ref.loadMs.toFixed(0)} | ${r(ours.loadMs, ref.loadMs)} |`,
        `| heap per room with one client (${ROOMS} rooms), KB | ${ours.heapPerRoomKb.toFixed(1)} | ${ref.heapPerRoomKb.toFixed(1)} | ${r(ours.heapPerRoomKb, ref.heapPerRoomKb)} |`,
        `| ${ROOM_COUNT} rooms × ${ROOM_CLIENTS} clients, one writer per room at 2/s: p50 ms | ${ours.rooms.p50Ms.toFixed(1)} | ${ref.rooms.p50Ms.toFixed(1)} | ${r(ours.rooms.p50Ms, ref.rooms.p50Ms)} |`,
        `| same: p99 ms | ${ours.rooms.p99Ms.toFixed(1)} | ${ref.rooms.p99Ms.toFixed(1)} | ${r(ours.rooms.p99Ms, ref.rooms.p99Ms)} |`,
        `| same: server CPU per delivery, µs | ${ours.rooms.cpuMicrosPerDelivery.toFixed(1)} | ${ref.rooms.cpuMicrosPerDelivery.toFixed(1)} | ${r(ours.rooms.cpuMicrosPerDelivery, ref.rooms.cpuMicrosPerDelivery)} |`,
        `| same: server RSS / heap with every room open, MB | ${ours.rooms.rssMb.toFixed(0)} / ${ours.rooms.heapMb.toFixed(0)} | ${ref.rooms.rssMb.toFixed(0)} / ${ref.rooms.heapMb.toFixed(0)} | ${r(ours.rooms.rssMb, ref.rooms.rssMb)} |`,
        `| same: deliveries missing | ${ours.rooms.missing} | ${ref.rooms.missing} | – |`,
        `| heap per idle room (clients gone, kept loaded 30 s; the reference frees it), KB | ${ours.heapPerIdleRoomKb!.toFixed(1)} | – | – |`,
      ].join('\n'),
    )
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(
      join(resultsDir, `scale-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`),
      JSON.stringify({ environment: environment(), storm: STORM, ours, ref }, null, 2) + '\n',
    )
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
