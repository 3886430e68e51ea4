/**
 * Main-thread work per frame, from a Chromium performance trace: the renderer's main-thread
 * tasks summed between consecutive frame starts (`BeginMainThreadFrame`). This is the number the
 * 16 ms budget is about — the frame interval alone stays at 16.7 ms until a frame is dropped,
 * so it hides how close to the edge each frame was.
 */

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  /** Wall-clock start and duration, µs. */
  ts: number
  dur?: number
  /** Thread (CPU) duration, µs: what the task cost, without the time the OS ran something else. */
  tdur?: number
  args?: { name?: string }
}

export type Trace = { traceEvents: TraceEvent[] } | TraceEvent[]

/**
 * Main-thread work per frame (ms), in order: the page's main-thread tasks between consecutive
 * frame starts, as CPU time (`tdur`) — on a shared machine the wall-clock time also counts the
 * moments the OS ran someone else's process — and as wall-clock time.
 */
export function busyPerFrame(trace: Trace): { cpu: number[]; wall: number[] } {
  const thread = mainThread(trace)
  if (!thread) return { cpu: [], wall: [] }
  const frames = thread
    .filter((e) => e.name === 'BeginMainThreadFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b)
  const tasks = thread.filter(isTask)
  const cpu: number[] = []
  const wall: number[] = []
  for (let i = 0; i + 1 < frames.length; i++) {
    const from = frames[i]!
    const to = frames[i + 1]!
    let cpuSum = 0
    let wallSum = 0
    for (const task of tasks) {
      const start = Math.max(task.ts, from)
      const end = Math.min(task.ts + task.dur!, to)
      if (end <= start) continue
      const share = (end - start) / task.dur!
      wallSum += end - start
      cpuSum += (task.tdur ?? task.dur!) * share
    }
    cpu.push(cpuSum / 1000)
    wall.push(wallSum / 1000)
  }
  return { cpu, wall }
}

/** CPU time (ms) of the main thread between two user-timing marks (first occurrence of each). */
export function cpuBetweenMarks(trace: Trace, from: string, to: string): number {
  const thread = mainThread(trace)
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const start = events.find((e) => e.name === from)?.ts
  const end = events.find((e) => e.name === to)?.ts
  if (!thread || start === undefined || end === undefined) return Number.NaN
  let sum = 0
  for (const task of thread.filter(isTask)) {
    const s = Math.max(task.ts, start)
    const e = Math.min(task.ts + task.dur!, end)
    if (e > s) sum += (task.tdur ?? task.dur!) * ((e - s) / task.dur!)
  }
  return sum / 1000
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined && e.dur > 0

/** The page's renderer main thread: the `CrRendererMain` that produced frames. */
function mainThread(trace: Trace): TraceEvent[] | null {
  const events = Array.isArray(trace) ? trace : trace.traceEvents
  const candidates = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  for (const candidate of candidates) {
    const thread = events.filter((e) => e.pid === candidate.pid && e.tid === candidate.tid)
    if (thread.some((e) => e.name === 'BeginMainThreadFrame')) return thread
  }
  return null
}

/** Nearest-rank percentile of an unsorted list (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits
