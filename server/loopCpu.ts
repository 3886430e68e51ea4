import { threadCpuClock, type ThreadCpuClock } from './threadCpu.ts'

/**
 * The longest stretch of CPU the main thread spent without the event loop coming back to its
 * timers: the CPU-time twin of `monitorEventLoopDelay`. A tick every `resolutionMs` reads the
 * main thread's CPU clock; what one gap between two ticks used is the longest any task (or one
 * loop turn's batch of callbacks) held the loop. Unlike the wall clock it does not grow when a
 * loaded machine leaves the process waiting for a core, so a test can assert it: "no task took
 * more than 200 ms of CPU" is a property of the server, not of the machine it shares.
 *
 * On Linux the clock is the main thread's own (`/proc/self/task/<pid>/stat`, in kernel ticks
 * of 10 ms: worker threads do not count). Elsewhere it is `process.cpuUsage()`, the whole
 * process, which can only over-state.
 */
export class LoopCpuMonitor {
  private readonly clock: ThreadCpuClock
  private last: number
  private maxMs = 0
  private readonly timer: NodeJS.Timeout

  constructor(resolutionMs = 10) {
    // The main thread's id is the process id.
    this.clock = threadCpuClock(process.pid) ?? processCpuClock
    this.last = this.clock.readMs()
    this.timer = setInterval(() => {
      const now = this.clock.readMs()
      if (now - this.last > this.maxMs) this.maxMs = now - this.last
      this.last = now
    }, resolutionMs)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
    this.clock.close()
  }

  /** Longest stretch since start, in milliseconds of CPU. */
  get longestMs(): number {
    return Math.round(this.maxMs)
  }
}

/** Milliseconds of CPU the main thread has used (or the process, where threads cannot be told apart). */
/** The whole process: where one thread cannot be read alone. It can only over-state. */
const processCpuClock: ThreadCpuClock = {
  readMs() {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  },
  close() {},
}
