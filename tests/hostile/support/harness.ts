import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import { startChildServer, type ChildServer } from '../../support/childServer.ts'
import { createWorkshop, tempDataDir, waitFor } from '../../support/server.ts'
import type { WorkshopLinks } from '../../../shared/api.ts'
import { syncProtocols } from '../../../shared/protocol.ts'

const here = dirname(fileURLToPath(import.meta.url))

export interface HealthReport {
  slowestMs: number
  polls: number
  failures: number
}

/** Polls `/healthz` from another process until `stop()`; the slowest answer tells whether the loop froze. */
export function watchHealth(baseUrl: string): { stop(): Promise<HealthReport> } {
  const child = spawn(process.execPath, [join(here, 'healthProbe.mjs'), `${baseUrl}/healthz`], { stdio: ['pipe', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    async stop() {
      child.stdin.end()
      await exited
      return JSON.parse(output) as HealthReport
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
  server: ChildServer,
  workshopId: string,
  docName: string,
  key: string,
  opts: { ext?: boolean; viaProtocol?: boolean } = {},
): Promise<RawSocket> {
  const query = opts.viaProtocol ? (opts.ext ? '?ext=1' : '') : `?key=${key}${opts.ext ? '&ext=1' : ''}`
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

/** Waits for an async check with a deadline (re-exported so tests import one module). */
export { waitFor }

/** The server's own worst event-loop delay since it started (from /metrics), in ms. */
export async function loopDelayMaxMs(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text()
  return Math.round(Number(/^s2s_event_loop_delay_max_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000)
}
