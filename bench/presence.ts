import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import { Awareness } from 'y-protocols/awareness'
import { type WebsocketProvider } from 'y-websocket'
import { StockProvider } from '../tests/support/stockProvider.ts'
import * as Y from 'yjs'
import type { WorkshopLinks } from '../shared/api.ts'
import { spawnServer, type ServerChild } from './child.ts'
import type { PresenceReport, PresenceRequest } from './presenceClients.ts'
import { environment } from './report.ts'
import { monotonicMs } from './swarm.ts'
import { resultsDir } from './sync.ts'

/**
 * Presence at scale: N stock y-websocket clients (exactly as a third-party client would connect,
 * echoes of every batch they receive included) each moving a cursor once a second, against our
 * server and @y/websocket-server in the same run. Reports each server's CPU as % of one core, the
 * share of other people's changes one client (the probe) saw, and how long a change took to reach
 * it (p50/p99): batching must not make cursors feel laggy nor lose a move. Beside it, our
 * server's own share of that delay (receipt to send, s2s_presence_delay_seconds).
 *
 * The probe is alone in this process; the other clients are split over BENCH_PRESENCE_PROCESSES
 * child processes (bench/presenceClients.ts): in one process their event loop, not the server,
 * set the delays. Send and arrival times are read on the machine's shared monotonic clock.
 */
const CLIENTS = Number(process.env.BENCH_PRESENCE_CLIENTS ?? 200)
const SECONDS = Number(process.env.BENCH_PRESENCE_SECONDS ?? 10)
const PROCESSES = Math.max(1, Number(process.env.BENCH_PRESENCE_PROCESSES ?? 4))
const WARMUP_SECONDS = 3
/** After the measured window, changes still in flight may arrive for this long. */
const DRAIN_MS = 1_500
const here = dirname(fileURLToPath(import.meta.url))

export interface PresenceResult {
  clients: number
  cpuPercent: number
  p50Ms: number
  p99Ms: number
  /** Our server's own share, receipt to send (from its histogram, interpolated in its buckets); null for the reference. */
  serverP50Ms: number | null
  serverP99Ms: number | null
  serverMeanMs: number | null
  /** Changes by others sent in the window, and how many of them the probe saw. */
  sent: number
  seen: number
  deliveredPercent: number
  rssMb: number
  /** CPU of the busiest process of clients, % of one core: near 100 means the clients, not the server, set the latency. */
  clientCpuPercent: number
}

interface Cursor {
  user: { name: string; color: string; role: string }
  cursor: { x: number; y: number }
  /** Sender index and its move number: identifies one change. */
  move: string
  /** `monotonicMs()` of the sending process: the same clock in every process. */
  sentAt: number
  measured: boolean
}

export async function connectPresenceClients(url: string, room: string, params: Record<string, string>, count: number): Promise<WebsocketProvider[]> {
  process.setMaxListeners(process.getMaxListeners() + count)
  const providers: WebsocketProvider[] = []
  // In batches, as people arrive: a join storm is a separate measurement.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => {
      const doc = new Y.Doc()
      return new StockProvider(url, room, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params,
        awareness: new Awareness(doc),
        disableBc: true,
      })
    })
    providers.push(...batch)
    // A cap, not a measure: on the shared machine a batch took over a minute at load 20–60.
    const deadline = Date.now() + 180_000
    while (!batch.every((p) => p.synced)) {
      if (Date.now() > deadline) throw new Error(`presence clients did not sync in 180 s: ${batch.filter((p) => p.synced).length} of ${batch.length}`)
      await sleep(20)
    }
  }
  return providers
}

/**
 * Moves each client's cursor once a second, spread evenly over the second by its index among all
 * `clients` (`first` is the index of `providers[0]`). Moves made while measuring are marked so;
 * the probe's (index 0) never are.
 */
export function cursorMover(providers: WebsocketProvider[], first: number, clients: number) {
  const moves = providers.map(() => 0)
  let measuring = false
  let sent = 0
  const move = (local: number) => {
    const i = first + local
    const measured = measuring && i !== 0
    if (measured) sent++
    const state: Cursor = {
      user: { name: `Person ${i}`, color: '#0072B2', role: 'participant' },
      cursor: { x: Math.random(), y: Math.random() },
      move: `${i}:${++moves[local]!}`,
      sentAt: monotonicMs(),
      measured,
    }
    providers[local]!.awareness.setLocalState(state)
  }
  const timers: NodeJS.Timeout[] = []
  providers.forEach((_, local) =>
    timers.push(
      setTimeout(
        () => {
          move(local)
          timers.push(setInterval(() => move(local), 1000))
        },
        ((first + local) * 1000) / clients,
      ),
    ),
  )
  return {
    /** Starts or ends the measured window; answers the measured moves sent in it. */
    measure(on: boolean): number {
      measuring = on
      if (on) sent = 0
      return sent
    },
    stop(): void {
      timers.forEach((timer) => clearTimeout(timer))
      for (const provider of providers) {
        provider.destroy()
        provider.doc.destroy()
      }
      process.setMaxListeners(Math.max(10, process.getMaxListeners() - providers.length))
    },
  }
}

interface ClientHost {
  child: ChildProcess
  next(): Promise<PresenceReport>
  send(request: PresenceRequest): void
}

function startClientHost(): ClientHost {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'presenceClients.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  })
  const waiting: ((report: PresenceReport) => void)[] = []
  child.on('message', (report: PresenceReport) => waiting.shift()?.(report))
  child.once('exit', (code) => {
    for (const resolve of waiting.splice(0)) resolve({ type: 'failed', message: `presence client host exited with ${code}` })
  })
  return { child, next: () => new Promise((resolve) => waiting.push(resolve)), send: (request) => child.send(request) }
}

/** Asks every host, answers every host's report (in host order). */
async function askAll(hosts: ClientHost[], request: () => PresenceRequest): Promise<PresenceReport[]> {
  return Promise.all(
    hosts.map((host) => {
      const answer = host.next()
      host.send(request())
      return answer
    }),
  )
}

export async function measurePresence(
  server: ServerChild,
  url: string,
  room: string,
  params: Record<string, string>,
  clients: number,
  /** Our server's /metrics, for its own share of the delay. */
  metricsUrl?: string,
): Promise<PresenceResult> {
  const others = clients - 1
  const sizes = Array.from({ length: PROCESSES }, (_, i) => Math.floor(others / PROCESSES) + (i < others % PROCESSES ? 1 : 0)).filter((n) => n > 0)
  const firsts = sizes.map((_, i) => 1 + sizes.slice(0, i).reduce((a, b) => a + b, 0))
  const hosts = sizes.map(startClientHost)
  try {
    // One host after another, in batches (see connectPresenceClients): a join storm is a row of its own.
    for (const [i, host] of hosts.entries()) {
      const answer = host.next()
      host.send({ type: 'connect', url, room, params, first: firsts[i]!, count: sizes[i]!, clients })
      const report = await answer
      if (report.type === 'failed') throw new Error(report.message)
    }
    const probeProviders = await connectPresenceClients(url, room, params, 1)
    const probe = probeProviders[0]!.awareness
    const latencies: number[] = []
    const seen = new Set<string>()
    probe.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
      const now = monotonicMs()
      for (const id of [...added, ...updated]) {
        const state = probe.getStates().get(id) as Cursor | undefined
        if (!state?.measured || seen.has(state.move)) continue
        seen.add(state.move)
        latencies.push(now - state.sentAt)
      }
    })
    const probeMover = cursorMover(probeProviders, 0, clients)
    await sleep(WARMUP_SECONDS * 1000)
    const before = await server.phase('start')
    const histogramBefore = metricsUrl ? await presenceHistogram(metricsUrl) : undefined
    const clientBefore = process.cpuUsage()
    for (const host of hosts) host.send({ type: 'measure', on: true })
    const started = performance.now()
    await sleep(SECONDS * 1000)
    const measured = await askAll(hosts, () => ({ type: 'measure', on: false }))
    const after = await server.phase('end')
    const wallMs = performance.now() - started
    const histogramAfter = metricsUrl ? await presenceHistogram(metricsUrl) : undefined
    const clientCpu = process.cpuUsage(clientBefore)
    await sleep(DRAIN_MS)
    probeMover.stop()
    let sent = 0
    let busiestClientMicros = clientCpu.user + clientCpu.system
    for (const report of measured) {
      if (report.type !== 'measured') throw new Error(report.type === 'failed' ? report.message : 'presence client host answered out of turn')
      sent += report.sent
      busiestClientMicros = Math.max(busiestClientMicros, report.cpuMicros)
    }
    latencies.sort((a, b) => a - b)
    const cpuMicros = after.user - before.user + (after.system - before.system)
    const share = histogramBefore && histogramAfter ? histogramShare(histogramBefore, histogramAfter) : undefined
    return {
      clients,
      cpuPercent: (cpuMicros / 1000 / wallMs) * 100,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
      p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
      serverP50Ms: share?.p50Ms ?? null,
      serverP99Ms: share?.p99Ms ?? null,
      serverMeanMs: share?.meanMs ?? null,
      sent,
      seen: seen.size,
      deliveredPercent: (seen.size / sent) * 100,
      rssMb: after.rss / 2 ** 20,
      clientCpuPercent: (busiestClientMicros / 1000 / wallMs) * 100,
    }
  } finally {
    for (const host of hosts) {
      if (host.child.connected) host.send({ type: 'stop' })
      setTimeout(() => {
        try {
          process.kill(-host.child.pid!, 'SIGKILL')
        } catch {
          // ESRCH: already gone.
        }
      }, 1_000).unref()
    }
  }
}

/** s2s_presence_delay_seconds as scraped: cumulative bucket counts by upper bound, sum and count. */
interface Histogram {
  buckets: [number, number][]
  sum: number
  count: number
}

async function presenceHistogram(metricsUrl: string): Promise<Histogram> {
  const text = await (await fetch(metricsUrl)).text()
  const buckets: [number, number][] = []
  let sum = 0
  let count = 0
  for (const line of text.split('\n')) {
    const bucket = /^s2s_presence_delay_seconds_bucket\{le="([^"]+)"\} (\S+)$/.exec(line)
    if (bucket) buckets.push([bucket[1] === '+Inf' ? Infinity : Number(bucket[1]), Number(bucket[2])])
    else if (line.startsWith('s2s_presence_delay_seconds_sum ')) sum = Number(line.split(' ')[1])
    else if (line.startsWith('s2s_presence_delay_seconds_count ')) count = Number(line.split(' ')[1])
  }
  return { buckets: buckets.sort((a, b) => a[0] - b[0]), sum, count }
}

/** The window's share: p50/p99 interpolated within buckets (as Prometheus' histogram_quantile), and the mean, ms. */
function histogramShare(before: Histogram, after: Histogram): { p50Ms: number; p99Ms: number; meanMs: number } {
  const buckets = after.buckets.map(([le, n], i) => [le, n - (before.buckets[i]?.[1] ?? 0)] as [number, number])
  const count = after.count - before.count
  const quantile = (q: number) => {
    const rank = q * count
    let lowerLe = 0
    let lowerCount = 0
    for (const [le, cumulative] of buckets) {
      if (cumulative >= rank) {
        if (le === Infinity) return lowerLe * 1000
        return (lowerLe + ((le - lowerLe) * (rank - lowerCount)) / Math.max(1, cumulative - lowerCount)) * 1000
      }
      lowerLe = le
      lowerCount = cumulative
    }
    return NaN
  }
  return { p50Ms: quantile(0.5), p99Ms: quantile(0.99), meanMs: ((after.sum - before.sum) / Math.max(1, count)) * 1000 }
}

/** A server whose clients could not all join (the reference, flooded at 500): the row says so instead of ending the bench. */
interface PresenceFailure {
  clients: number
  failed: string
}

type PresenceRow = { ours: PresenceResult; ref: PresenceResult | PresenceFailure }

/** One row per server per client count, for the README table. */
export function presenceLines(rows: readonly PresenceRow[]): string[] {
  return [
    '| clients | server | CPU % of one core | delivered % | delivery p50 ms | p99 ms | server share p50 / p99 ms | busiest client process CPU % |',
    '|--:|---|--:|--:|--:|--:|--:|--:|',
    ...rows.flatMap(({ ours, ref }) =>
      (
        [
          ['ours', ours],
          ['reference', ref],
        ] as const
      ).map(([name, r]) =>
        'failed' in r
          ? `| ${r.clients} | ${name} | ${r.failed} | | | | | |`
          : `| ${r.clients} | ${name} | ${r.cpuPercent.toFixed(1)} | ${r.deliveredPercent.toFixed(1)} | ${r.p50Ms.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.serverP50Ms === null ? '–' : `${r.serverP50Ms.toFixed(1)} / ${r.serverP99Ms!.toFixed(1)}`} | ${r.clientCpuPercent.toFixed(0)} |`,
      ),
    ),
    '',
    ...rows.map(({ ours, ref }) =>
      'failed' in ref
        ? `ratio ours/reference at ${ours.clients}: the reference did not finish`
        : `ratio ours/reference at ${ours.clients}: CPU ${(ours.cpuPercent / ref.cpuPercent).toFixed(2)}, p99 ${(ours.p99Ms / ref.p99Ms).toFixed(2)}`,
    ),
  ]
}

export async function runPresenceBench(): Promise<PresenceRow[]> {
  const counts = (process.env.BENCH_PRESENCE_CLIENTS ?? `${CLIENTS}`).split(',').map(Number)
  const rows: PresenceRow[] = []
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
      const oursResult = await measurePresence(
        ours,
        `ws://127.0.0.1:${ours.port}/sync/${workshop.id}`,
        'board',
        { key: workshop.keys.participant },
        clients,
        `http://127.0.0.1:${ours.port}/metrics`,
      )
      const refResult = await measurePresence(ref, `ws://127.0.0.1:${ref.port}/bench`, 'board', {}, clients).catch((error: unknown): PresenceFailure => ({
        clients,
        failed: error instanceof Error ? error.message : String(error),
      }))
      rows.push({ ours: oursResult, ref: refResult })
      console.log(presenceLines([{ ours: oursResult, ref: refResult }]).join('\n'))
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  console.log(
    [
      `\npresence: stock y-websocket clients × 1 move/s, ${SECONDS} s measured after ${WARMUP_SECONDS} s warm-up; the probe alone in this process, the others in ${PROCESSES} child processes`,
      '',
      ...presenceLines(rows),
    ].join('\n'),
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
