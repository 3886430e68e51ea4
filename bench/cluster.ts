/**
 * The clustering assistant on 1,000 signals, in Node and in Chromium (the same code, bundled):
 * `BENCH_ONLY=cluster npm run bench`. The budget is 200 ms in the browser for "Suggest groups".
 * 1,000 realistic notes: the 168 labelled ones, each repeated with a different extra word from
 * another note (seeded), so the vocabulary of the set grows as a real wall's does.
 */
import { build } from 'esbuild'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suggestClusters } from '../shared/cluster/index.ts'
import { mulberry32 } from '../shared/doc/testing/prng.ts'
import { launchChromium } from '../tests/e2e/support/browser.ts'
import { loadLabelled } from '../tests/support/clusterQuality.ts'

export function thousandNotes(): { id: string; title: string; description: string }[] {
  const base = loadLabelled()
  const random = mulberry32(18)
  const words = base.flatMap((s) => s.title.split(/\s+/))
  return Array.from({ length: 1000 }, (_, i) => {
    const s = base[i % base.length]!
    const extra = i < base.length ? '' : ` ${words[Math.floor(random() * words.length)]}`
    return { id: `n${String(i).padStart(4, '0')}`, title: s.title + extra, description: s.description }
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function runClusterBench(): Promise<void> {
  const notes = thousandNotes()
  const node: number[] = []
  const cpu: number[] = []
  const cpuMs = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  let groups = 0
  for (let run = 0; run < 7; run++) {
    const start = performance.now()
    const startCpu = cpuMs()
    groups = suggestClusters(notes).clusters.length
    node.push(performance.now() - start)
    cpu.push(cpuMs() - startCpu)
  }

  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const bundle = await build({ entryPoints: [join(root, 'shared/cluster/index.ts')], bundle: true, format: 'iife', globalName: 'Cluster', write: false, minify: true })
  const browser = await launchChromium()
  let chromium: number[]
  try {
    const page = await browser.newPage()
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
    chromium = await page.evaluate((input) => {
      const { suggestClusters } = (window as unknown as { Cluster: { suggestClusters: (n: unknown) => unknown } }).Cluster
      const times: number[] = []
      for (let run = 0; run < 7; run++) {
        const start = performance.now()
        suggestClusters(input)
        times.push(performance.now() - start)
      }
      return times
    }, notes)
  } finally {
    await browser.close()
  }
  console.log(`suggestClusters on ${notes.length} signals (${groups} groups): Node median ${median(node).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (first run ${node[0]!.toFixed(0)} ms wall, ${cpu[0]!.toFixed(0)} ms CPU); Chromium median ${median(chromium).toFixed(0)} ms (first run ${chromium[0]!.toFixed(0)} ms); budget 200 ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`)
}
