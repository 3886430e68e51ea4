import { performance } from 'node:perf_hooks'
import { ownThreadCpuMs } from './threadCpu.ts'

/**
 * How often the watch ticks by default (production; `LOOP_CPU_WATCH_MS`). Messages and store
 * batches, nearly all a server does, are timed where they run and read the CPU clock themselves
 * (see `held`); the tick is for everything else. Each tick wakes the process: on a machine
 * whose processors sleep between updates a wake-up costs 100–200 µs of CPU however little it
 * does, and ten a second were an eighth of the server's CPU at 10 clients (issue 16).
 */
const DEFAULT_RESOLUTION_MS = 1_000

/** Busy time after which the CPU clock is read again: what a reading may over-state by. */
const CPU_READ_AFTER_MS = 10

/**
 * How long the event loop was kept from other work at worst, from one timer (prom-client's own
 * sampler is set to the same second).
 *
 * - **Wall clock**: the exact duration of the work every message and store batch starts, timed
 *   where it runs (two reads of a clock that needs no system call), and, for the rest, how late
 *   each tick came (what held the loop meanwhile, as `monitorEventLoopDelay` measures it).
 * - **CPU**: the main thread's own clock, read once 10 ms of timed work has added up since the
 *   last reading, and at a tick once the loop has been busy for 10 ms since then; what the gap
 *   between two readings used is the longest any task (or one loop turn's batch of callbacks)
 *   held the loop, over-stated by the gap's other busy work (under 10 ms of timed work, and what
 *   untimed work ran since the last tick). Unlike the wall clock it does not grow when a loaded
 *   machine leaves the process waiting for a core, so a test can assert it: "no turn took more
 *   than 200 ms of CPU" is a property of the server, not of the machine it shares (the tests tick
 *   every 10 ms). The clock is the calling thread's (see `callingThreadCpuMs`): worker threads do
 *   not count.
 */
export class LoopWatch {
  private readonly timer: NodeJS.Timeout
  private lastTickAt = performance.now()
  private lastCpuMs: number
  /** Timed work since the CPU clock was last read, ms. */
  private heldSinceRead = 0
  /** The loop's busy time when the CPU clock was last read. */
  private lastReadUtilization = performance.eventLoopUtilization()
  private lateMaxMs = 0
  private workMaxMs = 0
  private cpuMaxMs = 0

  constructor(private readonly resolutionMs = DEFAULT_RESOLUTION_MS) {
    this.lastCpuMs = ownThreadCpuMs()
    this.timer = setInterval(() => this.tick(), resolutionMs)
    this.timer.unref()
  }

  private tick(): void {
    const now = performance.now()
    const late = now - this.lastTickAt - this.resolutionMs
    if (late > this.lateMaxMs) this.lateMaxMs = late
    this.lastTickAt = now
    // An idle server reads the clock (a file read) about never; quiet ticks fold into the next reading.
    if (performance.eventLoopUtilization(this.lastReadUtilization).active >= CPU_READ_AFTER_MS) this.readCpu()
  }

  private readCpu(): void {
    const cpu = ownThreadCpuMs()
    if (cpu - this.lastCpuMs > this.cpuMaxMs) this.cpuMaxMs = cpu - this.lastCpuMs
    this.lastCpuMs = cpu
    this.heldSinceRead = 0
    this.lastReadUtilization = performance.eventLoopUtilization()
  }

  /** Notes work that held the loop from `startedAt` (a `performance.now()`) until now. */
  held(startedAt: number): void {
    const ms = performance.now() - startedAt
    if (ms > this.workMaxMs) this.workMaxMs = ms
    this.heldSinceRead += ms
    if (this.heldSinceRead >= CPU_READ_AFTER_MS) this.readCpu()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** Longest delay seen since start, in milliseconds (wall clock). */
  get maxDelayMs(): number {
    return Math.round(Math.max(this.workMaxMs, this.lateMaxMs))
  }

  /** Most main-thread CPU between two readings since start, in milliseconds. */
  get longestCpuMs(): number {
    return Math.round(this.cpuMaxMs)
  }
}
