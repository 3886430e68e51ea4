import { describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from './support/childServer.ts'
import { synced, type TestClient } from './support/clients.ts'
import { createWorkshop, tempDataDir, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

const servers = useServers()

async function child(dataDir: string, env?: Record<string, string>): Promise<ChildServer> {
  const server = await startChildServer(dataDir, env)
  servers.defer(() => server.kill())
  return server
}

function client(server: ChildServer, workshopId: string, key: string): TestClient {
  const c = servers.client(server.wsUrl, workshopId, 'board', { key })
  return c
}

describe('a server process that dies', () => {
  // Two child servers start one after the other, each ~3 s of wall clock (mostly loading the
  // TypeScript modules through tsx) and several times that on a loaded machine: the timeout is a
  // cap against a hang, well above that, not a measure of speed.
  it('keeps every update it broadcast, even when SIGKILLed right after', { timeout: 60_000 }, async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    const first = await child(data.dir)
    const workshop = await createWorkshop(first.url)
    const key = workshop.keys.participant
    const writer = client(first, workshop.id, key)
    const witness = client(first, workshop.id, key)
    await synced(writer, witness)

    const signals = writer.doc.getMap<string>('signals')
    for (let i = 0; i < 30; i++) signals.set(`s${i}`, `signal ${i}`)
    // The server stores a batch before it broadcasts it: once the witness has it, it is on disk.
    await waitFor(() => witness.doc.getMap('signals').size === 30, 5_000, 'the witness to receive all 30')
    await first.kill()

    const second = await child(data.dir)
    const reader = client(second, workshop.id, key)
    await synced(reader)
    await waitFor(() => reader.doc.getMap('signals').size === 30, 5_000, 'all 30 after the restart')
    expect(reader.doc.getMap('signals').get('s29')).toBe('signal 29')
  })

  it('survives an uncaught exception and an unhandled rejection, and keeps syncing', async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    const server = await child(data.dir, { S2S_FAULT_INJECTION: '1' })
    const workshop = await createWorkshop(server.url)
    expect((await fetch(`${server.url}/__faults/uncaught`, { method: 'POST' })).status).toBe(202)
    expect((await fetch(`${server.url}/__faults/rejection`, { method: 'POST' })).status).toBe(202)
    await waitFor(
      () => server.output().includes('injected uncaught exception') && server.output().includes('injected unhandled rejection'),
      5_000,
      'both faults logged',
    )

    const a = client(server, workshop.id, workshop.keys.participant)
    const b = client(server, workshop.id, workshop.keys.participant)
    await synced(a, b)
    a.doc.getMap('signals').set('still', 'serving')
    await waitFor(() => b.doc.getMap('signals').get('still') === 'serving')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    // Syncing after both faults is the marker: a process that died of them would not have answered.
    expect(server.process.exitCode).toBeNull()
  })
})
