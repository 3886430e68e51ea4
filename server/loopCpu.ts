import { closeSync, openSync, readSync } from 'node:fs'

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
  private readonly clock: CpuClock
  private last: number
  private maxMs = 0
  private readonly timer: NodeJS.Timeout

  constructor(resolutionMs = 10) {
    this.clock = mainThreadCpuClock()
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
interface CpuClock {
  readMs(): number
  close(): void
}

function mainThreadCpuClock(): CpuClock {
  const processClock = {
    readMs() {
      const { user, system } = process.cpuUsage()
      return (user + system) / 1000
    },
    close() {},
  }
  let fd: number
  try {
    fd = openSync(`/proc/self/task/${process.pid}/stat`, 'r')
  } catch {
    return processClock
  }
  const buffer = Buffer.alloc(1024)
  const read = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0)
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = buffer.toString('latin1', buffer.lastIndexOf(')', length) + 2, length).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_KERNEL_TICK
  }
  if (!Number.isFinite(read())) {
    closeSync(fd)
    return processClock
  }
  return { readMs: read, close: () => closeSync(fd) }
}

/** USER_HZ is 100 on every Linux build Node supports. */
const MS_PER_KERNEL_TICK = 10
