import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** How long a SIGTERM may take before the child is killed outright. */
const STOP_GRACE_MS = 10_000

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface ChildServer {
  url: string
  wsUrl: string
  process: ChildProcess
  output(): string
  /** SIGKILL: no shutdown code runs, as in a crash or a pulled plug. */
  kill(): Promise<void>
  stop(): Promise<void>
}

/**
 * The real `server/main.ts` in its own process, for what cannot be done in-process: a hard kill,
 * and proving the process survives its own uncaught errors. Listens on `port` (a free one if 0):
 * a restart on the same port is how clients find the server again.
 */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}, port = 0): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts'), '--port', String(port), '--data', dataDir], {
    cwd: root,
    // A finer CPU watch than production's, so the hostile tests' 200 ms bound is read to 10 ms.
    env: { ...process.env, LOOP_CPU_WATCH_MS: '10', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    const check = () => {
      const match = /http:\/\/localhost:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolvePort(`http://127.0.0.1:${match[1]}`)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  const send = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      child.kill(name)
    }
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    send(name)
    // A server stuck in its shutdown (a test that drove it into a corner) must not outlive the
    // test as an orphan eating the CPU the rest of the suite needs.
    const stuck = setTimeout(() => send('SIGKILL'), STOP_GRACE_MS)
    await exited
    clearTimeout(stuck)
  }
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/sync',
    process: child,
    output: () => output,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  }
}

/** A port that is free right now (the OS picks it; we release it for the child to take). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
