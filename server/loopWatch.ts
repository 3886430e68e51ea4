import { performance } from 'node:perf_hooks'
import { threadCpuClock, type ThreadCpuClock } from './threadCpu.ts'

/**
 * How often the watch ticks by default (production; `LOOP_CPU_WATCH_MS`). A tick sees any block
 * longer than it. A 10 ms tick meant a hundred wake-ups a second whether or not anything
 * happened: on a server handling a few updates a second they cost more CPU than the updates
 * themselves (issue 16: about a third of the fan-out CPU at 10 clients).
 */
const DEFAULT_RESOLUTION_MS = 100

/** The thread CPU clock's own resolution (a kernel tick): less busy time than this reads as 0 or 10. */
const CPU_CLOCK_TICK_MS = 10

/**
 * How long the event loop was kept from other work at worst, from one timer (issue 16: there
 * were two, beside prom-client's own, each waking the server ten times a second).
 *
 * - **Wall clock**: how late each tick came (what held the loop meanwhile, as
 *   `monitorEventLoopDelay` measures it), and the exact duration of the work every message and
 *   store batch starts, timed where it runs (two reads of a clock that needs no system call).
 * - **CPU**: the main thread's own clock, read at a tick once the loop has been busy for 10 ms
 *   since the last reading; what the gap between two readings used is the longest any task (or
 *   one loop turn's batch of callbacks) held the loop, over-stated by at most the gap's other busy
 *   time (under 10 ms) and the clock's own 10 ms steps. Unlike the wall
 *   clock it does not grow when a loaded machine leaves the process waiting for a core, so a test
 *   can assert it: "no turn took more than 200 ms of CPU" is a property of the server, not of the
 *   machine it shares. On Linux the clock is the main thread's (`/proc/self/task/<pid>/stat`, in
 *   kernel ticks of 10 ms: worker threads do not count); elsewhere `process.cpuUsage()`, the
 *   whole process, which can only over-state (the more, the longer the loop stays idle while
 *   worker threads run: their CPU piles up until the next reading).
 */
export class LoopWatch {
  private readonly clock: ThreadCpuClock
  private readonly timer: NodeJS.Timeout
  private lastTickAt = performance.now()
  private lastCpuMs: number
  /** The loop's busy time when the CPU clock was last read. */
  private lastReadUtilization = performance.eventLoopUtilization()
  private lateMaxMs = 0
  private workMaxMs = 0
  private cpuMaxMs = 0

  constructor(private readonly resolutionMs = DEFAULT_RESOLUTION_MS) {
    // The main thread's id is the process id.
    this.clock = threadCpuClock(process.pid) ?? processCpuClock
    this.lastCpuMs = this.clock.readMs()
    this.timer = setInterval(() => this.tick(), resolutionMs)
    this.timer.unref()
  }

  private tick(): void {
    const now = performance.now()
    const late = now - this.lastTickAt - this.resolutionMs
    if (late > this.lateMaxMs) this.lateMaxMs = late
    this.lastTickAt = now
    // The CPU clock (a file read) is read only once the loop has been busy for one of the clock's
    // own steps since the last reading: an idle server then reads it about never, instead of ten
    // times a second. Quiet ticks fold into the next reading (see the class comment).
    const utilization = performance.eventLoopUtilization(this.lastReadUtilization)
    if (utilization.active < CPU_CLOCK_TICK_MS) return
    const cpu = this.clock.readMs()
    if (cpu - this.lastCpuMs > this.cpuMaxMs) this.cpuMaxMs = cpu - this.lastCpuMs
    this.lastCpuMs = cpu
    this.lastReadUtilization = performance.eventLoopUtilization()
  }

  /** Notes work that held the loop from `startedAt` (a `performance.now()`) until now. */
  held(startedAt: number): void {
    const ms = performance.now() - startedAt
    if (ms > this.workMaxMs) this.workMaxMs = ms
  }

  stop(): void {
    clearInterval(this.timer)
    this.clock.close()
  }

  /** Longest delay seen since start, in milliseconds (wall clock). */
  get maxDelayMs(): number {
    return Math.round(Math.max(this.workMaxMs, this.lateMaxMs))
  }

  /** Most main-thread CPU between two ticks since start, in milliseconds. */
  get longestCpuMs(): number {
    return Math.round(this.cpuMaxMs)
  }
}

/** The whole process: where one thread cannot be read alone. It can only over-state. */
const processCpuClock: ThreadCpuClock = {
  readMs() {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  },
  close() {},
}
