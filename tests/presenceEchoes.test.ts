import { describe, expect, it } from 'vitest'
import { synced, type TestClient } from './support/clients.ts'
import { createWorkshop, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

/**
 * Stock y-websocket clients re-send every presence batch they receive (their awareness handler
 * ignores the origin), so in a room of 50 the server gets about 50 echoes of each batch. Echoes
 * must neither cost the sender its presence budget nor displace its own newest state.
 */
const CLIENTS = 50
const ROUNDS = 6
const LEAVERS = 10

const servers = useServers()

describe('presence in a room of stock clients', () => {
  it(`${CLIENTS} clients each moving a cursor all see every sender's latest position, and only leavers disappear`, async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    // Every provider in Node adds a process 'exit' listener.
    process.setMaxListeners(process.getMaxListeners() + CLIENTS)
    servers.defer(() => process.setMaxListeners(Math.max(10, process.getMaxListeners() - CLIENTS)))
    const clients: TestClient[] = []
    for (let i = 0; i < CLIENTS; i++) {
      const client = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
      clients.push(client)
    }
    await synced(...clients)

    // Several moves each, close together: the batches (and their echoes) overlap the next moves.
    for (let round = 1; round <= ROUNDS; round++) {
      clients.forEach((client, i) => client.provider.awareness.setLocalState({ user: { name: `Person ${i}`, role: 'participant' }, cursor: round }))
      await new Promise((resolve) => setTimeout(resolve, 60))
    }

    // Well under the 15 s renewal, which would otherwise repair a lost state by itself.
    const stays = clients.slice(0, CLIENTS - LEAVERS)
    const leavers = clients.slice(CLIENTS - LEAVERS)
    const latest = (viewer: TestClient, sender: TestClient) => viewer.provider.awareness.getStates().get(sender.doc.clientID)?.cursor
    await waitFor(() => clients.every((viewer) => clients.every((sender) => latest(viewer, sender) === ROUNDS)), 12_000, 'every cursor').catch(() => undefined)
    const missing = clients.flatMap((viewer, v) => clients.flatMap((sender, s) => (latest(viewer, sender) === ROUNDS ? [] : [`${v}←${s}`])))
    expect(missing.length, `latest states not delivered: ${missing.slice(0, 10).join(', ')}`).toBe(0)

    // Some leave. An echo is not a claim: those who stay are never removed from anyone's view.
    const wronglyRemoved: string[] = []
    const stayIds = new Set(stays.map((client) => client.doc.clientID))
    for (const viewer of stays) {
      viewer.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
        for (const id of removed) if (stayIds.has(id)) wronglyRemoved.push(`${viewer.doc.clientID}: ${id}`)
      })
    }
    for (const leaver of leavers) leaver.destroy()
    await waitFor(
      () => stays.every((viewer) => leavers.every((leaver) => !viewer.provider.awareness.getStates().has(leaver.doc.clientID))),
      20_000,
      'the leavers to be gone from every view',
    )
    // A later marker: everyone who stays moves once more and everyone sees it.
    for (const client of stays) client.provider.awareness.setLocalStateField('cursor', ROUNDS + 1)
    await waitFor(() => stays.every((viewer) => stays.every((sender) => latest(viewer, sender) === ROUNDS + 1)), 20_000, 'the last move')
    expect(wronglyRemoved).toEqual([])
  }, 60_000)
})
