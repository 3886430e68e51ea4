import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WorkshopLinks } from '../shared/api.ts'
import { spawnServer, type ServerChild } from './child.ts'
import { environment, markdownTable, row, summarize, threadsTable, warnings, type Kind, type Phase, type Row } from './report.ts'
import { connectSwarm } from './remoteSwarm.ts'
import type { Clients, Endpoint } from './swarm.ts'

/**
 * Update fan-out: our sync server against @y/websocket-server, same clients, same load, same
 * run. Each server is its own child process so its CPU time is exactly its own; the clients live
 * here. The machine is noisy, so what matters is the ratio within one run.
 *
 * Environment: BENCH_CLIENTS=10,50,200  BENCH_SECONDS=4 (per measured phase)  BENCH_ROUNDS=4
 * (of ABBA: eight phases per server; on this machine one phase in four or five is an outlier)
 * BENCH_RATE=20 (updates/s)  BENCH_PROF=1 (a CPU profile of every measured phase of both
 * servers, in bench/results/prof, sampled every BENCH_PROF_INTERVAL µs, default 100)
 * BENCH_SPLIT_FROM=500 / BENCH_SWARM_PROCESSES=4 (swarms this large are split over that many child
 * processes: see remoteSwarm.ts). BENCH_AGAINST=<dir>: instead of the reference, our server from
 * another checkout (a `git worktree` of the commit to compare with, its node_modules installed or
 * linked, its bench/ourServer.ts speaking the same ipc.ts), to measure one change with the same
 * alternation and clients as the reference. BENCH_WARMUP_SECONDS=3: longer warm-ups run one
 * swarm at a time, and past 30 s the waiting swarm's stock clients, having heard nothing for that
 * long, reconnect (y-websocket's message timeout). BENCH_NODE_FLAGS: V8 flags for our server only
 * (not for a BENCH_AGAINST build), to measure one against our own build.
 */
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '10,50,200').split(',').map(Number)
const RATE = Number(process.env.BENCH_RATE ?? 20)
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 4) * 1000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
/**
 * Warm-up runs faster than the measured load so that the hot paths reach optimised code first,
 * but at most ~5000 deliveries/s: more and the clients here fall behind into the measured phases.
 */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3) * 1000
const warmupRate = (clients: number) => Math.max(RATE, Math.min(100, Math.floor(5_000 / (clients - 1))))
const SENDERS = 5
const AGAINST = process.env.BENCH_AGAINST ? resolve(process.env.BENCH_AGAINST) : undefined
export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results')
const profileDir = process.env.BENCH_PROF ? join(resultsDir, 'prof') : undefined

// Ctrl-C: the children are detached (own process group), so they would not get the signal.
const live = new Set<ServerChild>()
const dataDirs = new Set<string>()
process.once('SIGINT', () => {
  for (const child of live) child.kill()
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
  process.exit(130)
})

async function createWorkshop(port: number): Promise<WorkshopLinks> {
  const res = await fetch(`http://127.0.0.1:${port}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'bench' }),
  })
  if (res.status !== 201) throw new Error(`creating a workshop answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as WorkshopLinks
}

/** A new workshop's board on our server, as its participants reach it. */
async function boardOf(port: number): Promise<Endpoint> {
  const workshop = await createWorkshop(port)
  return { serverUrl: `ws://127.0.0.1:${port}/sync/${workshop.id}`, room: 'board', params: { key: workshop.keys.participant } }
}

/**
 * One measured phase: server CPU from just before the first send to the last delivery. A full GC
 * first, in both servers alike, so that earlier garbage is not billed to this phase.
 */
async function measure(swarm: Clients, server: ServerChild, clients: number): Promise<Phase> {
  const before = await server.phase('start')
  const parentBefore = process.cpuUsage()
  const started = performance.now()
  const result = await swarm.run(RATE, MEASURE_MS, SENDERS)
  const after = await server.phase('end')
  const parent = process.cpuUsage(parentBefore)
  const wallMs = performance.now() - started
  return {
    updates: result.sent,
    receivers: clients - 1,
    latenciesMs: result.latenciesMs,
    missing: result.missing,
    userMicros: after.user - before.user,
    systemMicros: after.system - before.system,
    mainThreadMicros: after.mainThread - before.mainThread,
    // The busiest process of clients: this one, or one of the child processes of a split swarm.
    clientCpuPercent: (Math.max(parent.user + parent.system, result.busiestClientCpuMicros ?? 0) / 1000 / wallMs) * 100,
    rssBytes: after.rss,
  }
}

/**
 * Both servers fresh, both swarms connected, a warm-up each (JIT, first SQLite pages),
 * then ROUNDS groups of four measured phases, ABBA and BAAB in turn (2 × ROUNDS per server), so
 * drift of the noisy machine hits both alike.
 */
async function benchRow(clients: number, first: Kind): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), 's2s-bench-'))
  dataDirs.add(dataDir)
  const servers: Partial<Record<Kind, ServerChild>> = {}
  const swarms: Partial<Record<Kind, Clients>> = {}
  try {
    // allSettled: if one fails to start, the other must still be stopped below.
    const other = AGAINST ? spawnServer('ourServer', [join(dataDir, 'base')], profileDir, AGAINST) : spawnServer('refServer', [], profileDir)
    const started = await Promise.allSettled([spawnServer('ourServer', [dataDir], profileDir), other])
    for (const [i, kind] of (['ours', 'ref'] as const).entries()) {
      const result = started[i]!
      if (result.status === 'fulfilled') live.add((servers[kind] = result.value))
    }
    for (const result of started) if (result.status === 'rejected') throw result.reason
    const ours = servers.ours!
    const ref = servers.ref!
    const endpoints: Record<Kind, Endpoint> = {
      ours: await boardOf(ours.port),
      ref: AGAINST ? await boardOf(ref.port) : { serverUrl: `ws://127.0.0.1:${ref.port}/bench`, room: 'board', params: {} },
    }
    const second: Kind = first === 'ours' ? 'ref' : 'ours'
    for (const kind of [first, second]) swarms[kind] = await connectSwarm(endpoints[kind], clients)
    for (const kind of [first, second]) await swarms[kind]!.run(warmupRate(clients), WARMUP_MS, SENDERS)
    const phases: Record<Kind, Phase[]> = { ours: [], ref: [] }
    const abba = [first, second, second, first]
    const order = Array.from({ length: ROUNDS }, (_, i) => (i % 2 === 0 ? abba : abba.toReversed())).flat()
    for (const kind of order) phases[kind].push(await measure(swarms[kind]!, servers[kind]!, clients))
    return row(clients, summarize(phases.ours, swarms.ours!.drops), summarize(phases.ref, swarms.ref!.drops))
  } finally {
    for (const swarm of Object.values(swarms)) swarm.destroy()
    await Promise.all(
      Object.values(servers).map(async (server) => {
        await server.stop()
        live.delete(server)
      }),
    )
    rmSync(dataDir, { recursive: true, force: true })
    dataDirs.delete(dataDir)
  }
}

export async function runSyncBench(): Promise<void> {
  const env = environment()
  const method = `${RATE} updates/s from ${Math.min(SENDERS, ...CLIENT_COUNTS)} senders, ${WARMUP_MS / 1000} s warm-up at ≤100/s, ${2 * ROUNDS} × ${MEASURE_MS / 1000} s measured per server in ABBA order; CPU = median of phases`
  console.log(`${env}\n${method}\n`)
  const rows: Row[] = []
  for (const [i, clients] of CLIENT_COUNTS.entries()) {
    const started = Date.now()
    rows.push(await benchRow(clients, i % 2 === 0 ? 'ours' : 'ref'))
    console.log(`  ${clients} clients done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  if (AGAINST) console.log(`\n"base" is our server from ${AGAINST}`)
  console.log(`\n${markdownTable(rows, AGAINST ? 'base' : 'ref')}\n`)
  const threads = threadsTable(rows, AGAINST ? 'base' : 'ref')
  if (threads) console.log(`Where the CPU goes (the main thread runs the sync code; the other threads collect garbage and compile):\n\n${threads}\n`)
  for (const line of warnings(rows, AGAINST ? 'base' : 'ref')) console.log(`warning: ${line}`)
  mkdirSync(resultsDir, { recursive: true })
  const file = join(resultsDir, `sync-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`)
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        environment: env,
        method,
        ...(AGAINST ? { against: AGAINST } : {}),
        rate: RATE,
        measureMs: MEASURE_MS,
        rounds: ROUNDS,
        warmupMs: WARMUP_MS,
        senders: SENDERS,
        rows,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`results: ${file}`)
}
