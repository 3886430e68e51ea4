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
