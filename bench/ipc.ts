import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

/**
 * The tiny protocol between `run.ts` and a server child. The child reads its own CPU time with
 * `process.cpuUsage()` at the edges of each measured phase, so the parent gets the exact user and
 * system time of that process only, without parsing /proc.
 */
export type ParentRequest = { type: 'phase'; edge: 'start' | 'end' } | { type: 'stop' }
export type ChildReport = { type: 'ready'; port: number } | { type: 'cpu'; user: number; system: number; mainThread: number; rss: number; heapUsed: number }

/**
 * The CPU time of this process's main thread so far, µs (Linux: the scheduler's run time of the
 * thread whose id is the process's), or NaN where it cannot be read. The rest of the process's
 * time is V8's helper threads (garbage collection, compilation), libuv's pool and any workers.
 */
function mainThreadMicros(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'latin1').split(' ')[0]) / 1000
  } catch {
    return Number.NaN
  }
}

/** Set by the parent: profile each measured phase (and only those) into this directory. */
export const PROFILE_DIR_ENV = 'BENCH_PROFILE_DIR'

/** The profiles' sampling interval, µs (BENCH_PROF_INTERVAL; the inspector's default is 1,000). */
const PROFILE_INTERVAL_MICROS = Number(process.env.BENCH_PROF_INTERVAL ?? 100)

/** Called by a server entry once it listens: answers the parent until told to stop. */
export function serveParent(name: string, port: number, close: () => Promise<void>): void {
  const report = (message: ChildReport) => process.send?.(message)
  const profileDir = process.env[PROFILE_DIR_ENV]
  const session = profileDir ? new Session() : undefined
  session?.connect()
  let phases = 0
  /** The last profile being written; exit waits for it. */
  let writing: Promise<void> = Promise.resolve()
  const cpu = () => {
    const { user, system } = process.cpuUsage()
    const { rss, heapUsed } = process.memoryUsage()
    report({ type: 'cpu', user, system, mainThread: mainThreadMicros(), rss, heapUsed })
  }
  process.on('message', (request: ParentRequest) => {
    if (request.type === 'stop') {
      void Promise.all([close(), writing]).finally(() => process.exit(0))
    } else if (request.edge === 'start') {
      // A full collection first (needs --expose-gc): garbage left by start-up and earlier phases
      // is then not collected, and billed, in the middle of this one.
      globalThis.gc?.()
      void (async () => {
        await session?.post('Profiler.enable')
        // Finer than the default 1 ms: a phase of a few hundred cheap updates is otherwise a few hundred samples.
        await session?.post('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_MICROS })
        await session?.post('Profiler.start')
        cpu()
      })()
    } else {
      cpu()
      if (!session) return
      writing = session.post('Profiler.stop').then(({ profile }) => {
        mkdirSync(profileDir!, { recursive: true })
        writeFileSync(join(profileDir!, `${name}-${process.pid}-phase${++phases}.cpuprofile`), JSON.stringify(profile))
      })
    }
  })
  // The parent died or let go of us: never linger holding a port.
  process.on('disconnect', () => process.exit(0))
  report({ type: 'ready', port })
}
