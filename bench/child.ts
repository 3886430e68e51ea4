import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROFILE_DIR_ENV, type ChildReport, type ParentRequest } from './ipc.ts'

const here = dirname(fileURLToPath(import.meta.url))

export interface CpuTime {
  user: number
  system: number
  /** Of that, the main thread's (NaN where it cannot be read). */
  mainThread: number
  /** Memory of the server process at that moment, bytes. */
  rss: number
  heapUsed: number
}

export interface ServerChild {
  readonly port: number
  /** Marks the start or end of a measured phase; answers the server's CPU time so far, in µs. */
  phase(edge: 'start' | 'end'): Promise<CpuTime>
  /** Asks for a clean exit, then kills the whole process group if it does not come. */
  stop(): Promise<void>
  /** Kills the process group at once (Ctrl-C of the bench). */
  kill(): void
}

/**
 * Starts `bench/<entry>.ts` in its own process (and process group, so that `stop` can reach
 * anything it spawned). With `profileDir`, the child writes a CPU profile of each measured phase.
 * `checkout`: another checkout of the project (with its own node_modules) to take the entry from.
 */
export async function spawnServer(entry: string, args: string[], profileDir?: string, checkout?: string): Promise<ServerChild> {
  const script = checkout ? join(checkout, 'bench', `${entry}.ts`) : join(here, `${entry}.ts`)
  // BENCH_NODE_FLAGS (see sync.ts) are for this checkout's server, not for the one compared with.
  const flags = checkout ? [] : (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, ['--expose-gc', ...flags, '--import', 'tsx', script, ...args], {
    ...(checkout ? { cwd: checkout } : {}),
    env: profileDir ? { ...process.env, [PROFILE_DIR_ENV]: profileDir } : process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // The group, not just the pid: nothing the child started may outlive the bench.
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // ESRCH: the group is already gone.
    }
  }
  // Requests are answered in order, so a FIFO of waiting callers is enough.
  const waiting: ((cpu: CpuTime) => void)[] = []
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 30 s`)), 30_000)
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code} before listening`)))
    child.on('message', (report: ChildReport) => {
      if (report.type === 'ready') {
        clearTimeout(timer)
        resolve(report.port)
      } else waiting.shift()?.({ user: report.user, system: report.system, mainThread: report.mainThread, rss: report.rss, heapUsed: report.heapUsed })
    })
  }).catch((error: unknown) => {
    killGroup()
    throw error
  })
  const request = (message: ParentRequest) => child.send(message)
  return {
    port,
    phase: (edge) =>
      new Promise<CpuTime>((resolve) => {
        waiting.push(resolve)
        request({ type: 'phase', edge })
      }),
    async stop() {
      if (child.connected) request({ type: 'stop' })
      const timeout = new Promise((resolve) => setTimeout(resolve, 5_000).unref())
      await Promise.race([exited, timeout])
      killGroup()
      if (child.connected) child.disconnect()
    },
    kill: killGroup,
  }
}
