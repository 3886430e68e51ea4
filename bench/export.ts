/**
 * How long each export takes on a large board: the target is under 100 ms per text format for
 * 1,000 signals, measured from the live documents (reading them is part of every export).
 * Run by `npm run bench`; not a test, because timings on a shared CI machine are noise.
 */
import { exportHtml } from '../shared/export/html'
import { importWorkshop } from '../shared/export/importWorkshop'
import { exportMarkdown } from '../shared/export/markdown'
import { readExportSnapshot } from '../shared/export/snapshot'
import { exportSignalsCsv } from '../shared/export/csv'
import { buildLargeWorkshop } from '../shared/export/testing/workshops'
import { exportWorkshopJson } from '../shared/export/workshopJson'

export type BenchedFormat = 'md' | 'html' | 'csv' | 'json' | 'import'

export interface ExportBenchResult {
  readonly signals: number
  readonly runs: number
  /** Median wall time of one export, in milliseconds. */
  readonly medianMs: Readonly<Record<BenchedFormat, number>>
  /**
   * The same for the readable formats rendered from a snapshot already read (what a browser
   * holding live snapshots pays): the rest of `medianMs` is reading and validating the board.
   */
  readonly fromSnapshotMs: Readonly<Record<'md' | 'html' | 'csv', number>>
  /** Size of the output (for `import`: of the file read back). */
  readonly bytes: Readonly<Record<BenchedFormat, number>>
}

/**
 * Builds a board of `signals` signals (in ten trends, with stories and takeaways) and times each
 * format: a few warm-up runs, then the median of `runs`.
 *
 * @example
 * const { medianMs } = runExportBench()
 * console.table(medianMs) // { md: 30.2, html: 28.4, csv: 29.7, json: 34, import: 72.8 }
 */
export function runExportBench({
  signals = 1000,
  runs = 9,
  warmup = 3,
  clock = () => performance.now(),
}: {
  signals?: number
  runs?: number
  warmup?: number
  /**
   * Milliseconds from some origin. Wall time by default; on a busy machine pass the process's
   * CPU time (`() => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }`),
   * which other processes do not inflate.
   */
  clock?: () => number
} = {}): ExportBenchResult {
  const workshop = buildLargeWorkshop(signals)
  const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }
  const json = exportWorkshopJson(workshop, options)
  const tasks: Record<BenchedFormat, () => string | unknown> = {
    md: () => exportMarkdown(workshop, options),
    html: () => exportHtml(workshop, options),
    csv: () => exportSignalsCsv(workshop, options),
    json: () => exportWorkshopJson(workshop, options),
    import: () => importWorkshop(json),
  }
  const time = (task: () => unknown): { ms: number; output: unknown } => {
    for (let i = 0; i < warmup; i++) task()
    const times: number[] = []
    let output: unknown
    for (let i = 0; i < runs; i++) {
      const started = clock()
      output = task()
      times.push(clock() - started)
    }
    times.sort((a, b) => a - b)
    return { ms: Math.round(times[times.length >> 1]! * 10) / 10, output }
  }
  const medianMs = {} as Record<BenchedFormat, number>
  const bytes = {} as Record<BenchedFormat, number>
  const encoder = new TextEncoder()
  for (const [format, task] of Object.entries(tasks) as [BenchedFormat, () => unknown][]) {
    const { ms, output } = time(task)
    medianMs[format] = ms
    bytes[format] = encoder.encode(typeof output === 'string' ? output : json).byteLength
  }
  const snapshot = readExportSnapshot(workshop)
  const fromSnapshotMs = {
    md: time(() => exportMarkdown(snapshot, options)).ms,
    html: time(() => exportHtml(snapshot, options)).ms,
    csv: time(() => exportSignalsCsv(snapshot, options)).ms,
  }
  return { signals, runs, medianMs, fromSnapshotMs, bytes }
}
