import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { WebSocket } from 'ws'
import { startChildServer, type ChildServer } from '../../support/childServer.ts'
import { createWorkshop, tempDataDir, waitFor } from '../../support/server.ts'
import type { WorkshopLinks } from '../../../shared/api.ts'
import { syncProtocols } from '../../../shared/protocol.ts'

const here = dirname(fileURLToPath(import.meta.url))

export interface HealthReport {
  slowestMs: number
  p99Ms: number
  polls: number
  failures: number
}

/**
 * Polls `/healthz` from another process until `stop()`; resolves once the first poll is answered,
 * so that the attack that follows is watched from its first message.
 */
export async function watchHealth(baseUrl: string): Promise<{ stop(): Promise<HealthReport> }> {
  const child = spawn(process.execPath, [join(here, 'healthProbe.mjs'), `${baseUrl}/healthz`], { stdio: ['pipe', 'pipe', 'inherit'] })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('\n')) resolve()
    })
    void exited.then(() => resolve())
  })
  return {
    async stop() {
      child.stdin.end()
      await exited
      return JSON.parse(output.slice(output.indexOf('\n') + 1)) as HealthReport
    },
  }
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024)
}

export interface Arena {
  server: ChildServer
  dataDir: string
  /** A workshop the attacker has the keys of, and one they do not. */
  target: WorkshopLinks
  bystander: WorkshopLinks
  close(): Promise<void>
}

/** A real server in a child process with two workshops: the attacked one and an innocent one. */
export async function openArena(env: Record<string, string> = {}): Promise<Arena> {
  const data = tempDataDir()
  const server = await startChildServer(data.dir, env)
  const target = await createWorkshop(server.url, { title: 'Target' })
  const bystander = await createWorkshop(server.url, { title: 'Bystander' })
  return {
    server,
    dataDir: data.dir,
    target,
    bystander,
    async close() {
      await server.kill()
      data.remove()
    },
  }
}

export interface RawSocket {
  ws: WebSocket
  received: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  send(message: Uint8Array): void
}

/** A bare WebSocket speaking whatever bytes the attacker chooses. */
export async function rawSocket(
  server: Pick<ChildServer, 'wsUrl'>,
  workshopId: string,
  docName: string,
  key: string,
  opts: { ext?: boolean; viaProtocol?: boolean; identity?: string } = {},
): Promise<RawSocket> {
  const identity = opts.identity ? `&identity=${opts.identity}` : ''
  const query = opts.viaProtocol ? (opts.ext ? '?ext=1' : '') : `?key=${key}${opts.ext ? '&ext=1' : ''}${identity}`
  const ws = new WebSocket(`${server.wsUrl}/${workshopId}/${docName}${query}`, opts.viaProtocol ? syncProtocols(key) : [])
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, received, closed, send: (message) => ws.send(message) }
}

/**
 * How `socket` was closed, or a "still open" note once `ms` have passed: a limit that stopped
 * working leaves the socket open, and the assertion on this then says so.
 */
export async function closeWithin(socket: RawSocket, ms: number): Promise<{ code: number; reason: string } | string> {
  let timer: NodeJS.Timeout | undefined
  const stillOpen = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`still open after ${ms / 1000} s`), ms)))
  try {
    return await Promise.race([socket.closed, stillOpen])
  } finally {
    clearTimeout(timer)
  }
}

/** How many connections or messages the server refused for `reason` since it started (from /metrics). */
export async function refusals(baseUrl: string, reason: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text()
  return Number(new RegExp(`^s2s_rejected_messages_total\\{reason="${reason}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0)
}

/** Stops (or starts again) reading what the server sends: it waits in the kernel's buffers, then in the server's. */
export function reading(socket: RawSocket, on: boolean): void {
  const tcp = (socket.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket
  if (on) tcp.resume()
  else tcp.pause()
}

/** Waits for an async check with a deadline (re-exported so tests import one module). */
export { waitFor }

/**
 * The most CPU the server's main thread spent in one event-loop turn since it started (from
 * /metrics, counted per busy stretch: see server/loopWatch.ts), in ms. This is what the tests bound at 200 ms: CPU time is the server's own doing,
 * where the wall clock on a shared machine also measures everyone else's tests.
 */
const TASK_CPU_BOUND_MS = 200

async function loopFigures(baseUrl: string): Promise<{ taskCpuMaxMs: number; delayMaxMs: number }> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text()
  const seconds = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN)
  return {
    taskCpuMaxMs: Math.round(seconds('s2s_event_loop_task_cpu_max_seconds') * 1000),
    delayMaxMs: Math.round(seconds('s2s_event_loop_delay_max_seconds') * 1000),
  }
}

/**
 * Stops the watch and asserts what every attack must leave true: every /healthz poll from the other
 * process was answered, and no event-loop turn of the server took `TASK_CPU_BOUND_MS` of CPU.
 * The wall-clock p99 is printed beside it.
 */
export async function expectLoopBounded(
  label: string,
  watch: { stop(): Promise<HealthReport> },
  baseUrl: string,
  boundMs = TASK_CPU_BOUND_MS,
): Promise<HealthReport> {
  const health = await watch.stop()
  const loop = await loopFigures(baseUrl)
  console.log(describeLoad(label, health, loop))
  expect(health.failures, `${label}: unanswered /healthz polls`).toBe(0)
  expect(loop.taskCpuMaxMs, `${label}: longest event-loop task, ms of CPU`).toBeLessThan(boundMs)
  return health
}

/** One line for the README's figures: the wall clock from outside, the CPU from inside. */
function describeLoad(label: string, health: HealthReport, loop: { taskCpuMaxMs: number; delayMaxMs: number }): string {
  return `${label}: /healthz answered ${health.polls - health.failures} of ${health.polls} polls, p99 ${health.p99Ms} ms, slowest ${health.slowestMs} ms; longest task ${loop.taskCpuMaxMs} ms of CPU (event-loop delay ${loop.delayMaxMs} ms wall)`
}
