import { performance } from 'node:perf_hooks'
import { ownThreadCpuMs } from './threadCpu.ts'

/**
 * How often the watch ticks by default (production; `LOOP_CPU_WATCH_MS`). Messages and store
 * batches, nearly all a server does, are timed where they run and read the CPU clock themselves
 * (see `held`); the tick is for everything else. Each tick wakes the process: on a machine
 * whose processors sleep between updates a wake-up costs 100–200 µs of CPU however little it
 * does, and this tick and prom-client's sampler at ten a second each were about an eighth of the
 * server's CPU in a room of 10 (issue 16). The price: a block nobody timed shows in the delay
 * only if it spans a tick (a 300 ms one about one time in three).
 */
const DEFAULT_RESOLUTION_MS = 1_000

/** Timed work after which the CPU clock is read again. */
const CPU_READ_AFTER_MS = 10

/**
 * How long the event loop was kept from other work at worst, from one timer (prom-client's own
 * sampler is set to the same second).
 *
 * - **Wall clock**: the exact duration of the work every message and store batch starts, timed
 *   where it runs (two reads of a clock that needs no system call), and, for the rest, how late
 *   each tick came (what held the loop meanwhile, as `monitorEventLoopDelay` measures it).
 * - **CPU**: the most the main thread used in one busy stretch: from a reading taken between
 *   turns (a tick, or the last reading before the loop went idle) to a later one before the loop
 *   idles again. The clock is read once 10 ms of timed work has added up (at the end of the
 *   message or batch that reached it) and at a tick once the loop has been busy for 10 ms; so
 *   one turn of many timed pieces counts whole, over-stated by what ran between the stretch's
 *   first reading and the idle before it (under 10 ms of timed work, and any untimed work), and by
 *   turns that follow without any idle until the next tick. Unlike the wall clock it does not
 *   grow when a loaded machine leaves the process waiting for a core, so a test can assert it:
 *   "no turn took more than 200 ms of CPU" is a property of the server, not of the machine it
 *   shares (the tests tick every 10 ms). The clock is the calling thread's where it can be read
 *   alone, so worker threads do not count; elsewhere the whole process's, which can only
 *   over-state (see `callingThreadCpuMs`).
 */
export class LoopWatch {
  private readonly timer: NodeJS.Timeout
  private lastTickAt = performance.now()
  /** The CPU clock where the current busy stretch is counted from. */
  private stretchCpuMs: number
  /** The last reading, and the loop's idle time then (it grows only while the loop waits). */
  private lastCpuMs: number
  private lastIdleMs = performance.eventLoopUtilization().idle
  /** Timed work since the CPU clock was last read, ms. */
  private heldSinceRead = 0
  /** The loop's busy time when the CPU clock was last read. */
  private lastReadUtilization = performance.eventLoopUtilization()
  private lateMaxMs = 0
  private workMaxMs = 0
  private cpuMaxMs = 0

  constructor(private readonly resolutionMs = DEFAULT_RESOLUTION_MS) {
    this.lastCpuMs = this.stretchCpuMs = ownThreadCpuMs()
    this.timer = setInterval(() => this.tick(), resolutionMs)
    this.timer.unref()
  }

  private tick(): void {
    const now = performance.now()
    const late = now - this.lastTickAt - this.resolutionMs
    if (late > this.lateMaxMs) this.lateMaxMs = late
    this.lastTickAt = now
    // An idle server reads the clock (a file read) about never; quiet ticks fold into the next reading.
    if (performance.eventLoopUtilization(this.lastReadUtilization).active >= CPU_READ_AFTER_MS) this.readCpu(true)
    // A tick runs between turns, so the stretch ends here even unread. Without this a loop kept busy
    // by many short turns (a board filled in large changes, each read at its end) never reached the
    // tick's threshold and summed into one stretch: 216 "ms in one turn" of turns of 30 ms.
    // Counting on from the last reading over-states by under 10 ms of work, as documented above.
    else this.stretchCpuMs = this.lastCpuMs
  }

  /** `betweenTurns`: a tick, which runs before the next turn's work: the next stretch starts here. */
  private readCpu(betweenTurns: boolean): void {
    const cpu = ownThreadCpuMs()
    const utilization = performance.eventLoopUtilization()
    // The loop waited since the last reading: that reading closed a stretch, and the next starts there.
    if (utilization.idle > this.lastIdleMs) this.stretchCpuMs = this.lastCpuMs
    if (cpu - this.stretchCpuMs > this.cpuMaxMs) this.cpuMaxMs = cpu - this.stretchCpuMs
    if (betweenTurns) this.stretchCpuMs = cpu
    this.lastCpuMs = cpu
    this.lastIdleMs = utilization.idle
    this.lastReadUtilization = utilization
    this.heldSinceRead = 0
  }

  /** Notes work that held the loop from `startedAt` (a `performance.now()`) until now. */
  held(startedAt: number): void {
    const ms = performance.now() - startedAt
    if (ms > this.workMaxMs) this.workMaxMs = ms
    this.heldSinceRead += ms
    if (this.heldSinceRead >= CPU_READ_AFTER_MS) this.readCpu(false)
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** Longest delay seen since start, in milliseconds (wall clock). */
  get maxDelayMs(): number {
    return Math.round(Math.max(this.workMaxMs, this.lateMaxMs))
  }

  /** Most main-thread CPU in one busy stretch since start, in milliseconds. */
  get longestCpuMs(): number {
    return Math.round(this.cpuMaxMs)
  }
}
