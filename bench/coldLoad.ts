import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnServer, type ServerChild } from './child.ts'
import { environment } from './report.ts'
import { BOARD_MB, coldLoad, createWorkshop, fillBoard } from './scale.ts'
import type { Endpoint } from './swarm.ts'
import { resultsDir } from './sync.ts'

/**
 * The cold load of a 5 MB board, repeated: a stock client connects to a document no one has open
 * and waits until it is synced. Ours restarts on the same data directory before each round (the
 * room is cold: store read, fold in the load pool, apply), with its load pool started, so that the
 * figure is the document's load and not the worker's start. Then, in the same server, the client
 * leaves, the room is unloaded once idle, and a client loads it cold again: the usual cold load,
 * a workshop opened again in a server that has been running (after a restart every buffer is
 * memory the process touches for the first time, which on this machine costs ~18 ms per 5 MB).
 * The reference keeps documents in memory only, so its figure is a warm load of the same board
 * (encode, send, client apply): the floor any server has, measured in the same rounds, alternated
 * with ours.
 */
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 7)

interface Round {
  /** Right after a restart. */
  oursMs: number
  /** In the same server, once the room was unloaded. */
  runningMs: number
  refMs: number
  load: number
}

/** Ours unloads a room this soon after its last client leaves (30 s by default). */
const ROOM_IDLE_MS = 200

export async function runColdLoadBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 's2s-bench-cold-'))
  let ours: ServerChild | undefined
  let ref: ServerChild | undefined
  try {
    ours = await spawnServer('ourServer', [dataDir])
    const workshop = await createWorkshop(ours.port)
    const oursAt = (server: ServerChild): Endpoint => ({
      serverUrl: `ws://127.0.0.1:${server.port}/sync/${workshop.id}`,
      room: 'board',
      params: { key: workshop.keys.participant },
    })
    await fillBoard(oursAt(ours))
    // Stopping stores and compacts: each round loads what a board left overnight is, one snapshot.
    await ours.stop()
    ours = undefined
    ref = await spawnServer('refServer', [])
    const refAt: Endpoint = { serverUrl: `ws://127.0.0.1:${ref.port}/bench`, room: 'board', params: {} }
    await fillBoard(refAt)

    const rounds: Round[] = []
    for (let i = 0; i < ROUNDS; i++) {
      ours = await spawnServer('ourServer', [dataDir, String(ROOM_IDLE_MS)])
      const oursMs = await coldLoad(oursAt(ours))
      await untilUnloaded(ours)
      const runningMs = await coldLoad(oursAt(ours))
      await ours.stop()
      ours = undefined
      const refMs = await coldLoad(refAt)
      rounds.push({ oursMs, runningMs, refMs, load: loadavg()[0]! })
    }

    const oursMedian = median(rounds.map((r) => r.oursMs))
    const runningMedian = median(rounds.map((r) => r.runningMs))
    const refMedian = median(rounds.map((r) => r.refMs))
    const geoRatio = geometricRatio(rounds.map((r) => r.oursMs / r.refMs))
    const runningGeoRatio = geometricRatio(rounds.map((r) => r.runningMs / r.refMs))
    const ratio = (ms: number, refMs: number) => (ms / refMs).toFixed(2)
    console.log(
      [
        `| ${BOARD_MB} MB board, first client synced (ours cold from disk, reference warm; target < 200) | ours after a restart, ms | ratio | ours in a running server, ms | ratio | reference ms |`,
        `|---|--:|--:|--:|--:|--:|`,
        ...rounds.map(
          (r, i) =>
            `| round ${i + 1} (load ${r.load.toFixed(1)}) | ${r.oursMs.toFixed(0)} | ${ratio(r.oursMs, r.refMs)} | ${r.runningMs.toFixed(0)} | ${ratio(r.runningMs, r.refMs)} | ${r.refMs.toFixed(0)} |`,
        ),
        `| median | ${oursMedian.toFixed(0)} | ${ratio(oursMedian, refMedian)} | ${runningMedian.toFixed(0)} | ${ratio(runningMedian, refMedian)} | ${refMedian.toFixed(0)} |`,
        `| geometric mean of the rounds' ratios | | ${geoRatio.toFixed(2)} | | ${runningGeoRatio.toFixed(2)} | |`,
      ].join('\n'),
    )
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(
      join(resultsDir, `coldload-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`),
      JSON.stringify({ environment: environment(), rounds, oursMedian, runningMedian, refMedian, geoRatio, runningGeoRatio }, null, 2) + '\n',
    )
  } finally {
    await ours?.stop()
    await ref?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Waits until the server holds no document in memory (`s2s_rooms_open` in /metrics). */
async function untilUnloaded(server: ServerChild): Promise<void> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text()
    if (/^s2s_rooms_open 0$/m.test(metrics)) return
    if (Date.now() > deadline) throw new Error('the rooms were not unloaded within 30 s')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function geometricRatio(ratios: number[]): number {
  return Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
