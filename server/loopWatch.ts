import { monitorEventLoopDelay } from 'node:perf_hooks'

/**
 * Sampling every this often catches any block longer than it (seen at least this much short).
 * `monitorEventLoopDelay`'s usual 10 ms meant a hundred wake-ups a second whether or not anything
 * happened: on a server handling a few updates a second they cost more CPU than the updates
 * themselves (issue 16: about a third of the fan-out CPU at 10 clients).
 */
const BACKGROUND_RESOLUTION_MS = 100

/**
 * How long the event loop was kept from other work at worst.
 *
 * Two measures: a coarse background sampler for anything (an HTTP import, a timer's work), and
 * the exact duration of the work every message and store batch starts, timed where it runs (two
 * reads of a clock that needs no system call). No timer per message: a probe timer would be a
 * wake-up of its own for every message.
 */
export class LoopWatch {
  private readonly background = monitorEventLoopDelay({ resolution: BACKGROUND_RESOLUTION_MS })
  private workMaxMs = 0

  constructor() {
    this.background.enable()
  }

  /** Notes work that held the loop from `startedAt` (a `performance.now()`) until now. */
  held(startedAt: number): void {
    const ms = performance.now() - startedAt
    if (ms > this.workMaxMs) this.workMaxMs = ms
  }

  stop(): void {
    this.background.disable()
  }

  /** Longest delay seen since start, in milliseconds. */
  get maxDelayMs(): number {
    return Math.round(Math.max(this.workMaxMs, this.background.max / 1e6))
  }
}
