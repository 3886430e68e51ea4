import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type { WorkshopLinks } from '../shared/api.ts'
import { spawnServer, type ServerChild } from './child.ts'
import { environment } from './report.ts'
import { resultsDir } from './sync.ts'

/**
 * Presence at scale: 200 clients each sending a presence update (a cursor move) once a second, to
 * our server and to @y/websocket-server in the same run. Reports each server's CPU as % of one
 * core, and how long a presence change takes to reach another client (p50/p99), since batching
 * must not make cursors feel laggy. Clients are raw sockets that send awareness frames and only
 * count what they receive; one probe decodes, to time delivery.
 */
const CLIENTS = Number(process.env.BENCH_PRESENCE_CLIENTS ?? 200)
const SECONDS = Number(process.env.BENCH_PRESENCE_SECONDS ?? 10)
const WARMUP_SECONDS = 3

interface Result {
  cpuPercent: number
  p50Ms: number
  p99Ms: number
  messagesPerClientPerSecond: number
}

function awarenessFrame(clientId: number, clock: number, state: object): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, 1)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/** Reads the send times carried by an awareness message (`sentAt` in each state). */
function sentTimes(frame: Buffer): number[] {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== 1) return []
  const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const times: number[] = []
  for (let n = decoding.readVarUint(inner); n > 0; n--) {
    decoding.readVarUint(inner)
    decoding.readVarUint(inner)
    const state = JSON.parse(decoding.readVarString(inner)) as { sentAt?: number } | null
    if (state?.sentAt) times.push(state.sentAt)
  }
  return times
}

async function openAll(url: string, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, () => new WebSocket(url))
    await Promise.all(batch.map((ws) => new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))))
    sockets.push(...batch)
  }
  return sockets
}

async function measure(server: ServerChild, url: string): Promise<Result> {
  const sockets = await openAll(url, CLIENTS)
  let received = 0
  const latencies: number[] = []
  let measuring = false
  sockets.forEach((ws, i) =>
    ws.on('message', (data: Buffer) => {
      received++
      if (i === 0 && measuring) for (const sentAt of sentTimes(data)) latencies.push(performance.now() - sentAt)
    }),
  )
  const clocks = sockets.map(() => 0)
  const ids = sockets.map((_, i) => 1_000_000 + i)
  // Each client moves its cursor once a second, spread evenly over the second.
  const tick = (i: number) => {
    const ws = sockets[i]!
    if (ws.readyState !== WebSocket.OPEN) return
    const state = { user: { name: `Person ${i}`, color: '#0072B2', role: 'participant' }, cursor: { x: Math.random(), y: Math.random() }, sentAt: performance.now() }
    ws.send(awarenessFrame(ids[i]!, ++clocks[i]!, state))
  }
  const timers = sockets.map((_, i) => setTimeout(() => {
    tick(i)
    timers[i] = setInterval(() => tick(i), 1000) as unknown as NodeJS.Timeout
  }, (i * 1000) / CLIENTS))

  await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000))
  const before = await server.phase('start')
  received = 0
  measuring = true
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
  const after = await server.phase('end')
  const wallMs = performance.now() - started
  measuring = false
  timers.forEach((timer) => clearInterval(timer))
  for (const ws of sockets) ws.terminate()
  latencies.sort((a, b) => a - b)
  const cpuMicros = after.user - before.user + (after.system - before.system)
  return {
    cpuPercent: (cpuMicros / 1000 / wallMs) * 100,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    messagesPerClientPerSecond: received / CLIENTS / (wallMs / 1000),
  }
}

export async function runPresenceBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 's2s-bench-presence-'))
  const servers: ServerChild[] = []
  try {
    const ours = await spawnServer('ourServer', [dataDir])
    servers.push(ours)
    const ref = await spawnServer('refServer', [])
    servers.push(ref)
    const res = await fetch(`http://127.0.0.1:${ours.port}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"bench"}' })
    const workshop = (await res.json()) as WorkshopLinks
    const oursResult = await measure(ours, `ws://127.0.0.1:${ours.port}/sync/${workshop.id}/board?key=${workshop.keys.participant}`)
    const refResult = await measure(ref, `ws://127.0.0.1:${ref.port}/bench/board`)
    const lines = [
      `presence: ${CLIENTS} clients × 1 update/s, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up`,
      '',
      '| server | CPU % of one core | delivery p50 ms | delivery p99 ms | messages/client/s |',
      '|---|--:|--:|--:|--:|',
      ...([['ours', oursResult], ['reference', refResult]] as const).map(
        ([name, r]) => `| ${name} | ${r.cpuPercent.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.messagesPerClientPerSecond.toFixed(1)} |`,
      ),
      '',
      `ratio ours/reference: CPU ${(oursResult.cpuPercent / refResult.cpuPercent).toFixed(2)}`,
    ]
    console.log(lines.join('\n'))
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(
      join(resultsDir, `presence-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`),
      JSON.stringify({ environment: environment(), clients: CLIENTS, seconds: SECONDS, ours: oursResult, reference: refResult }, null, 2) + '\n',
    )
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
