import { execFile } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSignal, readBoard } from '../shared/doc/index.ts'
import { API_JOIN } from '../shared/joinCode.ts'
import { randomId } from '../shared/util/ids.ts'
import { connectClient, synced } from './support/clients.ts'
import { createWorkshop, startTestServer, tempDataDir, waitFor } from './support/server.ts'
import { startPostgres, type ThrowawayPostgres } from './support/services.ts'
import { useServers } from './support/fixture.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const run = promisify(execFile)

let postgres: ThrowawayPostgres
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.destroy()
})
const servers = useServers()

const migrate = (from: string, to: string) =>
  run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'migrate-store.ts'), '--from', from, '--to', to], { cwd: root })

describe('npm run migrate-store', () => {
  it('moves every workshop from SQLite to PostgreSQL: cards, history, join code; a second run only verifies', async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    const before = await startTestServer({ dataDir: data.dir })
    const workshops = [await createWorkshop(before.url), await createWorkshop(before.url, { title: 'Campus 2050' })]
    for (const [n, workshop] of workshops.entries()) {
      const client = connectClient(before.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
      await synced(client)
      for (let i = 0; i < 30; i++) addSignal(client.doc, { title: `Signal ${i + 1} of workshop ${n + 1}` }, { participantId: randomId() })
      await before.registry.settle()
      client.destroy()
    }
    const auth = { authorization: `Bearer ${workshops[0]!.keys.facilitator}` }
    expect((await fetch(`${before.url}/api/workshops/${workshops[0]!.id}/history`, { method: 'POST', headers: auth })).status).toBe(201)
    const code = ((await (await fetch(`${before.url}/api/workshops/${workshops[0]!.id}/join-code`, { headers: auth })).json()) as { code: string }).code
    await before.close()

    const url = await postgres.createDatabase()
    const first = await migrate(data.dir, url)
    expect(first.stdout).toContain('Done: 2 workshops (0 already there, verified)')
    const again = await migrate(data.dir, url)
    expect(again.stdout).toContain('Done: 2 workshops (2 already there, verified)')

    const after = await servers.server({ databaseUrl: url })
    for (const [n, workshop] of workshops.entries()) {
      const client = servers.client(after.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
      await synced(client)
      await waitFor(() => readBoard(client.doc).signals.size === 30, 5_000, `the 30 cards of workshop ${n + 1}`)
    }
    const history = (await (await fetch(`${after.url}/api/workshops/${workshops[0]!.id}/history`, { headers: auth })).json()) as {
      snapshots: { reason: string }[]
    }
    expect(history.snapshots.map((s) => s.reason)).toContain('manual')
    const joined = await fetch(`${after.url}${API_JOIN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    expect(await joined.json()).toEqual({ id: workshops[0]!.id, key: workshops[0]!.keys.participant })
    // Two runs of the script, each a cold start of tsx.
  }, 90_000)

  it('refuses a target that is not a PostgreSQL address, and a folder without data', async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    await expect(migrate(data.dir, 'mysql://nope')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run migrate-store') })
    await expect(migrate(data.dir, 'postgres://127.0.0.1:1/none')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('no workshops.sqlite') })
  })
})
