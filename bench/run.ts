import { environment } from './report.ts'
import { runPresenceBench } from './presence.ts'
import { runSyncBench } from './sync.ts'

/**
 * `npm run bench`: every benchmark, or those named in BENCH_ONLY (comma-separated:
 * sync, presence). Figures are ratios within one run; the machine is shared and noisy.
 */
const SUITES: Record<string, () => Promise<void>> = {
  sync: runSyncBench,
  presence: runPresenceBench,
}

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim())
console.log(environment())
for (const [name, run] of Object.entries(SUITES)) {
  if (only && !only.includes(name)) continue
  console.log(`\n## ${name}\n`)
  await run()
}
