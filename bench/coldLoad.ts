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
 * figure is the document's load and not the worker's start. The reference keeps documents in
 * memory only, so its figure is a warm load of the same board (encode, send, client apply): the
 * floor any server has, measured in the same rounds, alternated with ours.
 */
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 7)

interface Round {
  oursMs: number
  refMs: number
  load: number
}

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
      ours = await spawnServer('ourServer', [dataDir])
      const oursMs = await coldLoad(oursAt(ours))
      await ours.stop()
      ours = undefined
      const refMs = await coldLoad(refAt)
      rounds.push({ oursMs, refMs, load: loadavg()[0]! })
    }

    const oursMedian = median(rounds.map((r) => r.oursMs))
    const refMedian = median(rounds.map((r) => r.refMs))
    const geoRatio = Math.exp(rounds.reduce((sum, r) => sum + Math.log(r.oursMs / r.refMs), 0) / rounds.length)
    console.log(
      [
        `| ${BOARD_MB} MB board, first client synced (ours cold from disk, reference warm; target < 200) | ours ms | reference ms | ratio |`,
        `|---|--:|--:|--:|`,
        ...rounds.map(
          (r, i) => `| round ${i + 1} (load ${r.load.toFixed(1)}) | ${r.oursMs.toFixed(0)} | ${r.refMs.toFixed(0)} | ${(r.oursMs / r.refMs).toFixed(2)} |`,
        ),
        `| median | ${oursMedian.toFixed(0)} | ${refMedian.toFixed(0)} | ${(oursMedian / refMedian).toFixed(2)} |`,
        `| geometric mean of the rounds' ratios | | | ${geoRatio.toFixed(2)} |`,
      ].join('\n'),
    )
    mkdirSync(resultsDir, { recursive: true })
    writeFileSync(
      join(resultsDir, `coldload-${new Date().toISOString().slice(0, 19).replaceAll(':', '-')}.json`),
      JSON.stringify({ environment: environment(), rounds, oursMedian, refMedian, geoRatio }, null, 2) + '\n',
    )
  } finally {
    await ours?.stop()
    await ref?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
