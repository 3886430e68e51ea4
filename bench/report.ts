import { cpus } from 'node:os'

export type Kind = 'ours' | 'ref'

/** One measured phase of one server: a burst of updates at the fixed rate, then the drain. */
export interface Phase {
  updates: number
  /** Clients that must apply each update: all but the sender. */
  receivers: number
  latenciesMs: number[]
  missing: number
  /** Server process CPU over the phase, µs. */
  userMicros: number
  systemMicros: number
  /** Of that, the server's main thread (NaN where it cannot be read). */
  mainThreadMicros: number
  /** CPU of the bench process itself (all clients), % of one core: near 100 = clients saturated. */
  clientCpuPercent: number
  /** Resident memory of the server at the end of the phase, bytes. */
  rssBytes: number
}

export interface Row {
  clients: number
  ours: Summary
  ref: Summary
  ratio: { p50: number; p99: number; cpu: number }
}

export interface Summary {
  p50Ms: number
  p99Ms: number
  /** Each phase's own p99: shows how much one stall of the shared machine moved the pooled p99. */
  p99PerPhase: number[]
  /** Median over phases of CPU / (updates × receivers): robust to a one-off GC or JIT burst. */
  cpuMicrosPerUpdatePerClient: number
  /** The same over all phases pooled, and each phase's value, for the record. */
  cpuPooled: number
  cpuPerPhase: number[]
  /** Median over phases of the main thread's CPU / (updates × receivers). */
  mainThreadMicrosPerUpdatePerClient: number
  /** The same of the rest of the process (each phase's own difference): V8's helper threads, libuv's pool, workers. */
  otherThreadsMicrosPerUpdatePerClient: number
  /** Share of the server's CPU spent in the kernel (socket writes on loopback are billed here). */
  systemShare: number
  updates: number
  pairs: number
  missing: number
  maxClientCpuPercent: number
  drops: number
  /** Largest resident memory of the server over the phases, MB. */
  rssMb: number
}

export function summarize(phases: readonly Phase[], drops: number): Summary {
  const sorted = Float64Array.from(phases.flatMap((p) => p.latenciesMs)).sort()
  const pairs = sum(phases.map((p) => p.updates * p.receivers))
  const user = sum(phases.map((p) => p.userMicros))
  const system = sum(phases.map((p) => p.systemMicros))
  const cpuPerPhase = phases.map((p) => (p.userMicros + p.systemMicros) / (p.updates * p.receivers))
  return {
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    p99PerPhase: phases.map((p) => percentile(Float64Array.from(p.latenciesMs).sort(), 99)),
    cpuMicrosPerUpdatePerClient: percentile(Float64Array.from(cpuPerPhase).sort(), 50, true),
    cpuPooled: (user + system) / pairs,
    cpuPerPhase,
    mainThreadMicrosPerUpdatePerClient: percentile(Float64Array.from(phases.map((p) => p.mainThreadMicros / (p.updates * p.receivers))).sort(), 50, true),
    otherThreadsMicrosPerUpdatePerClient: percentile(
      Float64Array.from(phases.map((p) => (p.userMicros + p.systemMicros - p.mainThreadMicros) / (p.updates * p.receivers))).sort(),
      50,
      true,
    ),
    systemShare: system / (user + system),
    updates: sum(phases.map((p) => p.updates)),
    pairs,
    missing: sum(phases.map((p) => p.missing)),
    maxClientCpuPercent: Math.max(...phases.map((p) => p.clientCpuPercent)),
    drops,
    rssMb: Math.max(...phases.map((p) => p.rssBytes)) / 1e6,
  }
}

export function row(clients: number, ours: Summary, ref: Summary): Row {
  return {
    clients,
    ours,
    ref,
    ratio: {
      p50: ours.p50Ms / ref.p50Ms,
      p99: ours.p99Ms / ref.p99Ms,
      cpu: ours.cpuMicrosPerUpdatePerClient / ref.cpuMicrosPerUpdatePerClient,
    },
  }
}

/** Nearest-rank percentile of an ascending array; `interpolate` averages the two middle values of an even-length median. */
export function percentile(sorted: Float64Array, p: number, interpolate = false): number {
  if (sorted.length === 0) return Number.NaN
  const rank = (p / 100) * sorted.length
  if (interpolate && Number.isInteger(rank) && rank < sorted.length) return (sorted[rank - 1]! + sorted[rank]!) / 2
  return sorted[Math.max(0, Math.ceil(rank) - 1)]!
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

export function environment(): string {
  const cores = cpus()
  return `node ${process.version}, ${process.platform} ${process.arch}, ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown'})`
}

/** `other`: what the second server is called in the headers (the reference, or a base build of ours). */
export function markdownTable(rows: readonly Row[], other = 'ref'): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a')
  const lines = [
    `| clients | ours p50 ms | ${other} p50 ms | ratio | ours p99 ms | ${other} p99 ms | ratio | ours CPU µs/update/client | ${other} | ratio | ours RSS MB | ${other} RSS MB |`,
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ]
  for (const r of rows) {
    lines.push(
      `| ${r.clients} | ${f(r.ours.p50Ms)} | ${f(r.ref.p50Ms)} | ${f(r.ratio.p50)} | ${f(r.ours.p99Ms)} | ${f(r.ref.p99Ms)} | ${f(r.ratio.p99)} | ` +
        `${f(r.ours.cpuMicrosPerUpdatePerClient)} | ${f(r.ref.cpuMicrosPerUpdatePerClient)} | ${f(r.ratio.cpu)} | ${r.ours.rssMb.toFixed(0)} | ${r.ref.rssMb.toFixed(0)} |`,
    )
  }
  return lines.join('\n')
}

/**
 * Where each server's CPU per update per client goes (medians over phases): its main thread, where
 * the sync code runs, and the rest of the process (V8's garbage collection and compilation
 * threads, libuv's pool, workers). Empty where the main thread's time cannot be read.
 */
export function threadsTable(rows: readonly Row[], other = 'ref'): string {
  if (rows.some((r) => !Number.isFinite(r.ours.mainThreadMicrosPerUpdatePerClient) || !Number.isFinite(r.ref.mainThreadMicrosPerUpdatePerClient))) return ''
  const f = (n: number) => n.toFixed(2)
  const rest = (s: Summary) => s.otherThreadsMicrosPerUpdatePerClient
  const lines = [`| clients | ours main thread µs/update/client | ${other} | ratio | ours other threads | ${other} | ratio |`, '|--:|--:|--:|--:|--:|--:|--:|']
  for (const r of rows) {
    const [oursMain, refMain] = [r.ours.mainThreadMicrosPerUpdatePerClient, r.ref.mainThreadMicrosPerUpdatePerClient]
    lines.push(
      `| ${r.clients} | ${f(oursMain)} | ${f(refMain)} | ${f(oursMain / refMain)} | ${f(rest(r.ours))} | ${f(rest(r.ref))} | ${f(rest(r.ours) / rest(r.ref))} |`,
    )
  }
  return lines.join('\n')
}

/** What could make a row untrustworthy, one line each (empty when all is well); `other` as in markdownTable. */
export function warnings(rows: readonly Row[], other = 'ref'): string[] {
  const out: string[] = []
  for (const r of rows) {
    for (const [kind, s] of [
      ['ours', r.ours],
      [other, r.ref],
    ] as const) {
      if (s.missing > 0) out.push(`${r.clients} clients, ${kind}: ${s.missing} of ${s.pairs} deliveries never arrived`)
      if (s.drops > 0) out.push(`${r.clients} clients, ${kind}: ${s.drops} connections dropped during the run`)
      if (s.maxClientCpuPercent > 80)
        out.push(`${r.clients} clients, ${kind}: the client process used ${s.maxClientCpuPercent.toFixed(0)}% of a core; latency includes client queueing`)
    }
  }
  return out
}
