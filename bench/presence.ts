import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { WorkshopLinks } from '../shared/api.ts'
import { spawnServer, type ServerChild } from './child.ts'
import { environment } from './report.ts'
import { resultsDir } from './sync.ts'

/**
 * Presence at scale: N stock y-websocket clients (exactly as a third-party client would connect,
 * echoes of every batch they receive included) each moving a cursor once a second, against our
 * server and @y/websocket-server in the same run. Reports each server's CPU as % of one core, the
 * share of other people's changes one client (the probe) saw, and how long a change took to reach
 * it (p50/p99): batching must not make cursors feel laggy nor lose a move.
 */
const CLIENTS = Number(process.env.BENCH_PRESENCE_CLIENTS ?? 200)
const SECONDS = Number(process.env.BENCH_PRESENCE_SECONDS ?? 10)
const WARMUP_SECONDS = 3
/** After the measured window, changes still in flight may arrive for this long. */
const DRAIN_MS = 1_500

export interface PresenceResult {
  clients: number
  cpuPercent: number
  p50Ms: number
  p99Ms: number
  /** Changes by others sent in the window, and how many of them the probe saw. */
  sent: number
  seen: number
  deliveredPercent: number
  rssMb: number
  /** CPU of this process (all the clients), % of one core: near 100 means the clients, not the server, set the latency. */
  clientCpuPercent: number
}

interface Cursor {
  user: { name: string; color: string; role: string }
  cursor: { x: number; y: number }
  /** Sender index and its move number: identifies one change. */
  move: string
  sentAt: number
  measured: boolean
}

async function connectAll(url: string, room: string, params: Record<string, string>, count: number): Promise<WebsocketProvider[]> {
  process.setMaxListeners(process.getMaxListeners() + count)
  const providers: WebsocketProvider[] = []
  // In batches, as people arrive: a join storm is a separate measurement.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => {
      const doc = new Y.Doc()
      return new WebsocketProvider(url, room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params,
        awareness: new Awareness(doc),
        disableBc: true,
      })
    })
    providers.push(...batch)
    const deadline = Date.now() + 60_000
    while (!batch.every((p) => p.synced)) {
      if (Date.now() > deadline) throw new Error('presence clients did not sync in 60 s')
      await sleep(20)
    }
  }
  return providers
}

export async function measurePresence(
  server: ServerChild,
  url: string,
  room: string,
  params: Record<string, string>,
  clients: number,
): Promise<PresenceResult> {
  const providers = await connectAll(url, room, params, clients)
  const probe = providers[0]!.awareness
  const latencies: number[] = []
  const seen = new Set<string>()
  let sent = 0
  let measuring = false
  probe.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    const now = performance.now()
    for (const id of [...added, ...updated]) {
      const state = probe.getStates().get(id) as Cursor | undefined
      if (!state?.measured || seen.has(state.move)) continue
      seen.add(state.move)
      latencies.push(now - state.sentAt)
    }
  })
  const moves = providers.map(() => 0)
  const move = (i: number) => {
    const measured = measuring && i !== 0
    if (measured) sent++
    const state: Cursor = {
      user: { name: `Person ${i}`, color: '#0072B2', role: 'participant' },
      cursor: { x: Math.random(), y: Math.random() },
      move: `${i}:${++moves[i]!}`,
      sentAt: performance.now(),
      measured,
    }
    providers[i]!.awareness.setLocalState(state)
  }
  // Each client moves once a second, spread evenly over the second.
  const timers: NodeJS.Timeout[] = []
  providers.forEach((_, i) =>
    timers.push(
      setTimeout(
        () => {
          move(i)
          timers.push(setInterval(() => move(i), 1000))
        },
        (i * 1000) / clients,
      ),
    ),
  )
  await sleep(WARMUP_SECONDS * 1000)
  const before = await server.phase('start')
  const clientBefore = process.cpuUsage()
  measuring = true
  const started = performance.now()
  await sleep(SECONDS * 1000)
  measuring = false
  const after = await server.phase('end')
  const wallMs = performance.now() - started
  const clientCpu = process.cpuUsage(clientBefore)
  await sleep(DRAIN_MS)
  timers.forEach((timer) => clearInterval(timer))
  for (const provider of providers) {
    provider.destroy()
    provider.doc.destroy()
  }
  process.setMaxListeners(Math.max(10, process.getMaxListeners() - clients))
  latencies.sort((a, b) => a - b)
  const cpuMicros = after.user - before.user + (after.system - before.system)
  return {
    clients,
    cpuPercent: (cpuMicros / 1000 / wallMs) * 100,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
    p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    sent,
    seen: seen.size,
    deliveredPercent: (seen.size / sent) * 100,
    rssMb: after.rss / 2 ** 20,
    clientCpuPercent: ((clientCpu.user + clientCpu.system) / 1000 / wallMs) * 100,
  }
}

/** One row per server per client count, for the README table. */
export function presenceLines(rows: readonly { ours: PresenceResult; ref: PresenceResult }[]): string[] {
  return [
    '| clients | server | CPU % of one core | delivered % | delivery p50 ms | p99 ms | clients CPU % |',
    '|--:|---|--:|--:|--:|--:|--:|',
    ...rows.flatMap(({ ours, ref }) =>
      (
        [
          ['ours', ours],
          ['reference', ref],
        ] as const
      ).map(
        ([name, r]) =>
          `| ${r.clients} | ${name} | ${r.cpuPercent.toFixed(1)} | ${r.deliveredPercent.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.clientCpuPercent.toFixed(0)} |`,
      ),
    ),
    '',
    ...rows.map(
      ({ ours, ref }) =>
        `ratio ours/reference at ${ours.clients}: CPU ${(ours.cpuPercent / ref.cpuPercent).toFixed(2)}, p99 ${(ours.p99Ms / ref.p99Ms).toFixed(2)}`,
    ),
  ]
}

export async function runPresenceBench(): Promise<{ ours: PresenceResult; ref: PresenceResult }[]> {
  const counts = (process.env.BENCH_PRESENCE_CLIENTS ?? `${CLIENTS}`).split(',').map(Number)
  const rows: { ours: PresenceResult; ref: PresenceResult }[] = []
  for (const clients of counts) {
    const dataDir = mkdtempSync(join(tmpdir(), 's2s-bench-presence-'))
    const servers: ServerChild[] = []
    try {
      const ours = await spawnServer('ourServer', [dataDir])
      servers.push(ours)
      const ref = await spawnServer('refServer', [])
      servers.push(ref)
      const res = await fetch(`http://127.0.0.1:${ours.port}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"title":"bench"}',
      })
      const workshop = (await res.json()) as WorkshopLinks
      const oursResult = await measurePresence(ours, `ws://127.0.0.1:${ours.port}/sync/${workshop.id}`, 'board', { key: workshop.keys.participant }, clients)
      const refResult = await measurePresence(ref, `ws://127.0.0.1:${ref.port}/bench`, 'board', {}, clients)
      rows.push({ ours: oursResult, ref: refResult })
      console.log(presenceLines([{ ours: oursResult, ref: refResult }]).join('\n'))
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  console.log(
    [`\npresence: stock y-websocket clients × 1 move/s, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up`, '', ...presenceLines(rows)].join('\n'),
  )
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(
    join(resultsDir, `presence-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`),
    JSON.stringify({ environment: environment(), seconds: SECONDS, rows }, null, 2) + '\n',
  )
  return rows
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
