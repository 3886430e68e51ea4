import { runBoardBench } from './board/run.ts'
import { runClusterBench } from './cluster.ts'
import { runColdLoadBench } from './coldLoad.ts'
import { runExportBench } from './export.ts'
import { environment } from './report.ts'
import { runInstancesBench } from './instances.ts'
import { runPresenceBench } from './presence.ts'
import { runScaleBench } from './scale.ts'
import { runStoreBench } from './store.ts'
import { runSyncBench } from './sync.ts'
import { loadPool } from '../server/sync/load/loadPool.ts'

/**
 * `npm run bench`: every benchmark, or those named in BENCH_ONLY (comma-separated:
 * sync, store, cluster, presence, scale, coldload, board, instances, export). Figures are ratios within one run; the machine is shared and noisy.
 */
const SUITES: Record<string, () => Promise<void>> = {
  sync: runSyncBench,
  store: runStoreBench,
  cluster: runClusterBench,
  presence: async () => void (await runPresenceBench()),
  scale: runScaleBench,
  coldload: runColdLoadBench,
  board: async () => void (await runBoardBench()),
  instances: runInstancesBench,
  export: async () => {
    // CPU time of this process: other processes on the shared machine do not inflate it.
    const cpuMs = () => {
      const { user, system } = process.cpuUsage()
      return (user + system) / 1000
    }
    const result = runExportBench({ clock: cpuMs })
    console.log(`export of ${result.signals} signals, median CPU ms per format (budget 100):`)
    console.table(result.medianMs)
  },
}

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim())
console.log(environment())
for (const [name, run] of Object.entries(SUITES)) {
  if (only && !only.includes(name)) continue
  console.log(`\n## ${name}\n`)
  await run()
}
// The board bench runs the server in this process: its load pool's threads would keep it alive.
await loadPool.close()
