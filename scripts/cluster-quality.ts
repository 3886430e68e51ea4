/**
 * Prints the clustering assistant's quality table (see tests/support/clusterQuality.ts):
 *
 *     npm run cluster-quality [-- --threshold 0.2] [--attach 0.08] [--sweep]
 *
 * `--sweep` prints the development set's ARI for a grid of merge and attach thresholds, which is
 * how the defaults were chosen (the held-out column is printed for the record, never to choose).
 */
import { ATTACH_THRESHOLD, CLUSTER_THRESHOLD } from '../shared/cluster/index.ts'
import { evaluate, loadLabelled, subset, type Method } from '../tests/support/clusterQuality.ts'

const args = process.argv.slice(2)
const thresholdArg = args.indexOf('--threshold')
const threshold = thresholdArg >= 0 ? Number(args[thresholdArg + 1]) : CLUSTER_THRESHOLD
const attachArg = args.indexOf('--attach')
const attach = attachArg >= 0 ? Number(args[attachArg + 1]) : ATTACH_THRESHOLD
const signals = loadLabelled()
const f = (x: number) => x.toFixed(2)

if (args.includes('--sweep')) {
  console.log('threshold  attach  dev ARI  dev purity  test ARI')
  for (let t = 0.06; t <= 0.2001; t += 0.02) {
    for (const a of [0.02, 0.04, 0.06, 0.08, 0.1, 1]) {
      const dev = evaluate('assistant', subset(signals, 'dev', 'all'), { threshold: t, attach: a })
      const test = evaluate('assistant', subset(signals, 'test', 'all'), { threshold: t, attach: a })
      console.log(`${t.toFixed(2)}       ${a.toFixed(2)}    ${f(dev.ari)}     ${f(dev.purity)}        ${f(test.ari)}`)
    }
  }
} else {
  console.log(`threshold ${threshold}, attach ${attach}; ${signals.length} signals, ${new Set(signals.map((s) => s.group)).size} gold groups`)
  console.log('| split | method | ARI all | purity all | ARI en | purity en | ARI fi | purity fi | cross-language pairs found | groups | unclustered |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|')
  for (const split of ['dev', 'test', 'all'] as const) {
    for (const method of ['assistant', 'titleWord', 'random'] as Method[]) {
      const all = evaluate(method, subset(signals, split, 'all'), { threshold, attach })
      const en = evaluate(method, subset(signals, split, 'en'), { threshold, attach })
      const fi = evaluate(method, subset(signals, split, 'fi'), { threshold, attach })
      console.log(
        `| ${split} | ${method} | ${f(all.ari)} | ${f(all.purity)} | ${f(en.ari)} | ${f(en.purity)} | ${f(fi.ari)} | ${f(fi.purity)} | ${f(all.crossLanguage)} | ${all.groups} | ${all.unclustered} |`,
      )
    }
  }
}
