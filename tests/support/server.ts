import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../../server/app.ts'
import { defaultConfig, type Limits, type Tuning } from '../../server/config.ts'
import type { DocStore } from '../../server/store/docStore.ts'
import type { WorkshopLinks } from '../../shared/api.ts'

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 's2s-test-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface TestServerOptions {
  dataDir?: string
  limits?: Partial<Limits>
  tuning?: Partial<Tuning>
  store?: DocStore
  staticDir?: string
  /** PostgreSQL instead of SQLite, and Redis to link several instances (see tests/support/cluster.ts). */
  databaseUrl?: string
  redisUrl?: string
  /** Several instances must share one (see the README, "Running several instances"). */
  identitySecret?: string
  /** Proxies whose X-Forwarded-For is believed: tests can then speak for many addresses. */
  trustedProxies?: readonly string[]
  log?: (line: string) => void
}

/** A real server on a free loopback port, started in this process, logging nowhere. */
export async function startTestServer(options: TestServerOptions = {}): Promise<RunningServer & { wsUrl: string; dataDir: string }> {
  const dataDir = options.dataDir ?? tempDataDir().dir
  const config = defaultConfig({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    log: options.log ?? (() => {}),
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    identitySecret: options.identitySecret,
    limits: options.limits,
    tuning: options.tuning,
    staticDir: options.staticDir,
    trustedProxies: options.trustedProxies,
  })
  const server = await startServer(config, options.store)
  return Object.assign(server, { wsUrl: server.url.replace(/^http/, 'ws') + '/sync', dataDir })
}

export async function createWorkshop(baseUrl: string, body: Record<string, unknown> = { title: 'Everyday welfare 2040' }): Promise<WorkshopLinks> {
  const res = await fetch(`${baseUrl}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (res.status !== 201) throw new Error(`creating a workshop answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as WorkshopLinks
}

/** Polls until `check` returns true (or throws its last error after `timeoutMs`). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 15))
  }
}

/** A participant identity the server signed: `{participantId, token}` (POST /api/workshops/:id/identity). */
export async function mintIdentity(
  baseUrl: string,
  workshopId: string,
  key: string,
  token?: string,
): Promise<{ participantId: string; token: string; status: number }> {
  const res = await fetch(`${baseUrl}/api/workshops/${workshopId}/identity`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(token ? { token } : {}),
  })
  if (res.status !== 200 && res.status !== 201) throw new Error(`asking for an identity answered ${res.status}: ${await res.text()}`)
  return { ...((await res.json()) as { participantId: string; token: string }), status: res.status }
}
