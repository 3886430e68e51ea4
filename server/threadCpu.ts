import { closeSync, openSync, readSync, readlinkSync } from 'node:fs'

/**
 * CPU time of one thread, for limits that must hold on a loaded machine: the wall clock there
 * measures everyone else's work too. Linux only (`/proc/self/task/<tid>/stat`, in kernel ticks of
 * 10 ms); where that is missing the callers fall back (see their doc comments).
 */
export interface ThreadCpuClock {
  /** Milliseconds of CPU the thread has used. */
  readMs(): number
  close(): void
}

/** USER_HZ is 100 on every Linux build Node supports. */
const MS_PER_KERNEL_TICK = 10

/** The clock of thread `tid` of this process, or undefined where threads cannot be told apart. */
export function threadCpuClock(tid: number): ThreadCpuClock | undefined {
  let fd: number
  try {
    fd = openSync(`/proc/self/task/${tid}/stat`, 'r')
  } catch {
    return undefined
  }
  const buffer = Buffer.alloc(1024)
  const readMs = (): number => {
    const length = readSync(fd, buffer, 0, buffer.length, 0)
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = buffer.toString('latin1', buffer.lastIndexOf(')', length) + 2, length).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_KERNEL_TICK
  }
  try {
    if (Number.isFinite(readMs())) return { readMs, close: () => closeSync(fd) }
  } catch {
    // A thread that has ended: no clock.
  }
  closeSync(fd)
  return undefined
}

/** The calling thread's id (Linux), for another thread to read its clock. */
export function currentThreadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').at(-1))
  } catch {
    return undefined
  }
}

/** What `process.threadCpuUsage` returns where Node has it (22.15, 23.9 and later). */
type ThreadCpuUsage = (previous?: NodeJS.CpuUsage) => NodeJS.CpuUsage

/**
 * The calling thread's CPU time in milliseconds, fine enough to time one piece of work on it (an
 * update's apply against the free 10 ms): `process.threadCpuUsage` where Node has it; else on
 * Linux the thread's run time from `/proc/thread-self/schedstat` (nanoseconds, brought up to date
 * at the kernel's tick, so a reading may lag by one tick of 1–4 ms); else the whole process
 * (`process.cpuUsage`). The whole process is no measure of one thread's work: V8's garbage
 * collector and compiler threads, the load pool's workers and libuv's pool run beside it, and on a
 * loaded machine, while the main thread waits for a core, their time piles up in its window (a
 * 38-byte update read 22 ms of process CPU for 0.2 ms of its own).
 */
export function callingThreadCpuMs(): () => number {
  const threadCpuUsage = (process as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage
  if (threadCpuUsage) {
    return () => {
      const { user, system } = threadCpuUsage.call(process)
      return (user + system) / 1000
    }
  }
  let fd: number | undefined
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r')
  } catch {
    // Not Linux, or no scheduler statistics: the process clock below.
  }
  if (fd !== undefined) {
    const schedstat = fd
    const buffer = Buffer.alloc(64)
    // The first field: nanoseconds on a CPU. Read by hand: no string or array per reading.
    const readMs = (): number => {
      const length = readSync(schedstat, buffer, 0, buffer.length, 0)
      let ns = 0
      for (let i = 0; i < length; i++) {
        const digit = buffer[i]! - 48
        if (digit < 0 || digit > 9) break
        ns = ns * 10 + digit
      }
      return ns / 1e6
    }
    try {
      if (readMs() > 0) return readMs
    } catch {
      // Unreadable: the process clock below.
    }
    closeSync(schedstat)
  }
  return () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
}

let ownClock: (() => number) | undefined

/**
 * The calling thread's CPU time in milliseconds (`callingThreadCpuMs`), its file opened once per
 * thread: every thread has its own instance of this module.
 */
export function ownThreadCpuMs(): number {
  ownClock ??= callingThreadCpuMs()
  return ownClock()
}
