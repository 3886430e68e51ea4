/**
 * Several instances: the same clients and load spread over 1, 2 and 3 `npm start` processes that
 * share a throwaway PostgreSQL and Redis (`BENCH_ONLY=instances npm run bench`). Reports fan-out
 * latency (p50/p99, sender to every other client), the instances' CPU per update delivered, and
 * Redis's own CPU: the cost the relay adds. On one 2-core machine the instances, PostgreSQL,
 * Redis and the clients all share two cores, so this measures overhead, not capacity.
 *
 * Environment: BENCH_INSTANCE_CLIENTS=30  BENCH_SECONDS=4  BENCH_RATE=20 (updates/s per sender).
 */
import { readFileSync } from 'node:fs'
import { type WebsocketProvider } from 'y-websocket'
import { StockProvider } from '../tests/support/stockProvider.ts'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { addSignal, readBoard, updateSignal } from '../shared/doc/index.ts'
import { randomId } from '../shared/util/ids.ts'
import { startChildServer, type ChildServer } from '../tests/support/childServer.ts'
import { startPostgres, startRedis } from '../tests/support/services.ts'
import { createWorkshop, tempDataDir, waitFor } from '../tests/support/server.ts'

const CLIENTS = Number(process.env.BENCH_INSTANCE_CLIENTS ?? 30)
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 4) * 1000
const RATE = Number(process.env.BENCH_RATE ?? 20)
const SENDERS = 5
// Every y-websocket provider in Node listens for process exit; a hundred are expected here.
process.setMaxListeners(0)
/** Linux counts process CPU in ticks of 10 ms (USER_HZ 100). */
const TICK_MS = 10

/** utime + stime of a process, ms. */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN

interface InstancesRow {
  instances: number
  clients: number
  updates: number
  deliveries: number
  p50Ms: number
  p99Ms: number
  instanceCpuMicrosPerDelivery: number
  redisCpuMicrosPerUpdate: number
}

async function measure(count: number, env: Record<string, string>, redisPid: number | undefined): Promise<InstancesRow> {
  const dirs = Array.from({ length: count }, () => tempDataDir())
  const servers: ChildServer[] = []
  const clients: { doc: Y.Doc; provider: WebsocketProvider }[] = []
  try {
    for (const dir of dirs) servers.push(await startChildServer(dir.dir, env))
    const workshop = await createWorkshop(servers[0]!.url)
    const latencies: number[] = []
    let measuring = false
    for (let i = 0; i < CLIENTS; i++) {
      const server = servers[i % count]!
      const doc = new Y.Doc()
      const provider = new StockProvider(`${server.wsUrl}/${workshop.id}`, 'board', doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { key: workshop.keys.participant },
        disableBc: true,
      })
      // Each sender keeps rewriting the title of its own card with the time it wrote it: the
      // board stays five cards, so reading it on every update costs the clients little.
      const seen = new Map<string, string>()
      doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== provider) return
        const now = performance.timeOrigin + performance.now()
        for (const signal of readBoard(doc).signals.values()) {
          if (seen.get(signal.id) === signal.title) continue
          seen.set(signal.id, signal.title)
          const sentAt = Number(signal.title.slice(2))
          if (measuring && Number.isFinite(sentAt)) latencies.push(now - sentAt)
        }
      })
      clients.push({ doc, provider })
    }
    await waitFor(() => clients.every((client) => client.provider.synced), 30_000, 'clients to sync')
    const senders = clients.slice(0, SENDERS)
    const cards = senders.map((sender) => addSignal(sender.doc, { title: 'warming up' }, { participantId: randomId() }))
    await waitFor(() => clients.every((client) => readBoard(client.doc).signals.size === SENDERS), 30_000, 'the senders’ cards everywhere')
    measuring = true
    const pids = servers.map((server) => server.process.pid)
    const before = { servers: pids.reduce<number>((sum, pid) => sum + cpuMs(pid), 0), redis: cpuMs(redisPid) }
    let sent = 0
    const timer = setInterval(() => {
      for (const [i, sender] of senders.entries()) updateSignal(sender.doc, cards[i]!, { title: `t ${performance.timeOrigin + performance.now()}` })
      sent++
    }, 1000 / RATE)
    await new Promise((resolve) => setTimeout(resolve, MEASURE_MS))
    clearInterval(timer)
    const updates = sent * SENDERS
    // Updates of one card that arrive together count once: wait until deliveries stop growing.
    let delivered = -1
    while (delivered !== latencies.length) {
      delivered = latencies.length
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
    const after = { servers: pids.reduce<number>((sum, pid) => sum + cpuMs(pid), 0), redis: cpuMs(redisPid) }
    const sorted = [...latencies].sort((a, b) => a - b)
    return {
      instances: count,
      clients: CLIENTS,
      updates,
      deliveries: latencies.length,
      p50Ms: Math.round(percentile(sorted, 0.5) * 10) / 10,
      p99Ms: Math.round(percentile(sorted, 0.99) * 10) / 10,
      instanceCpuMicrosPerDelivery: Math.round(((after.servers - before.servers) * 1000) / Math.max(1, latencies.length)),
      redisCpuMicrosPerUpdate: count === 1 ? 0 : Math.round(((after.redis - before.redis) * 1000) / Math.max(1, updates)),
    }
  } finally {
    for (const client of clients) {
      client.provider.destroy()
      client.doc.destroy()
    }
    for (const server of servers) await server.stop()
    for (const dir of dirs) dir.remove()
  }
}

export async function runInstancesBench(): Promise<void> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()])
  try {
    const rows: InstancesRow[] = []
    for (const count of [1, 2, 3]) {
      // A database of its own per row; Redis only with several instances (one alone needs none).
      const env: Record<string, string> = { DATABASE_URL: await postgres.createDatabase() }
      if (count > 1) env.REDIS_URL = redis.url
      rows.push(await measure(count, env, redis.pid))
    }
    console.log(`${CLIENTS} clients spread over the instances, ${SENDERS} senders at ${RATE} updates/s each, ${MEASURE_MS / 1000} s; all on PostgreSQL`)
    console.table(rows)
  } finally {
    await Promise.allSettled([postgres.destroy(), redis.stop()])
  }
}
