import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './childServer.ts'

/**
 * Throwaway PostgreSQL and Redis servers for tests: real engines on free loopback ports in
 * temporary directories, stopped and removed afterwards. PostgreSQL refuses to run as root (CI
 * runs as root), so there it runs as the `postgres` user Debian's package creates.
 */

function postgresBinDir(): string {
  const candidates: string[] = []
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim())
  } catch {
    // No pg_config (only the server package): look where Debian puts each version.
  }
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))) candidates.push(join('/usr/lib/postgresql', version, 'bin'))
  }
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
  if (!found) throw new Error('PostgreSQL server binaries not found: apt-get install postgresql')
  return found
}

const runningAsRoot = process.getuid?.() === 0

function asServiceUser(command: string, args: string[]): [string, string[]] {
  return runningAsRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

export interface ThrowawayPostgres {
  port: number
  /** A fresh, empty database on this server. */
  createDatabase(): Promise<string>
  /** `pg_ctl stop -m fast`: every connection is cut, as when the database goes away. */
  stop(): Promise<void>
  /** Starts the same cluster again on the same port. */
  start(): Promise<void>
  destroy(): Promise<void>
}

let databases = 0

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir()
  const dir = mkdtempSync(join(tmpdir(), 's2s-pg-'))
  chmodSync(dir, 0o755)
  const data = join(dir, 'data')
  if (runningAsRoot) {
    const { uid, gid } = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    }
    chownSync(dir, uid, gid)
  }
  const run = (tool: string, args: string[]) => {
    const [command, fullArgs] = asServiceUser(join(bin, tool), args)
    execFileSync(command, fullArgs, { stdio: 'pipe' })
  }
  run('initdb', ['-D', data, '-U', 's2s', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const port = await freePort()
  // fsync off: a test cluster never survives a power cut, and two cores are shared.
  const options = `-k ${dir} -h 127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  const start = async () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start'])
  const stop = async () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  await start()
  let stopped = false
  return {
    port,
    async createDatabase() {
      const name = `s2s_${process.pid}_${++databases}`
      const admin = new pg.Client({ connectionString: `postgres://s2s@127.0.0.1:${port}/postgres` })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      return `postgres://s2s@127.0.0.1:${port}/${name}`
    },
    stop: async () => {
      await stop()
      stopped = true
    },
    start: async () => {
      await start()
      stopped = false
    },
    async destroy() {
      if (!stopped) await stop().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface ThrowawayRedis {
  port: number
  url: string
  /** Process id of the running redis-server (for CPU measurements). */
  readonly pid: number | undefined
  /**
   * Kills Redis (its memory is gone: nothing is saved), runs `whileDown`, and starts it again on
   * the same port.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>
  stop(): Promise<void>
}

export async function startRedis(): Promise<ThrowawayRedis> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined
  const launch = async () => {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000)
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)))
    })
    child = started
  }
  const kill = async () => {
    const current = child
    child = undefined
    if (!current || current.exitCode !== null) return
    const exited = new Promise((resolve) => current.once('exit', resolve))
    current.kill('SIGKILL')
    await exited
  }
  await launch()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid
    },
    async restart(whileDown) {
      await kill()
      await whileDown?.()
      await launch()
    },
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
