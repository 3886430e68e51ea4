import { readText, writableText } from './support/probe.ts'
import { describe, expect, it } from 'vitest'
import { connectClient, synced } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { createWorkshop, startTestServer, waitFor } from './support/server.ts'
import { STORE_KINDS, useStores } from './support/stores.ts'

const storage = useStores()
const servers = useServers()

describe('sync over the y-websocket protocol', () => {
  it('two clients in one room see each other’s changes and presence; another room sees nothing', async () => {
    const { server, workshop } = await servers.workshop()
    const other = await createWorkshop(server.url)
    const key = { key: workshop.keys.participant }
    const anna = servers.client(server.wsUrl, workshop.id, 'board', key)
    const ben = servers.client(server.wsUrl, workshop.id, 'board', key)
    const stranger = servers.client(server.wsUrl, other.id, 'board', { key: other.keys.participant })
    await synced(anna, ben, stranger)

    anna.doc.getMap('signals').set('from', 'anna')
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna', role: 'participant' })
    await waitFor(() => ben.doc.getMap('signals').get('from') === 'anna', 5_000, 'ben to see anna’s change')
    await waitFor(() => [...ben.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'), 5_000, 'ben to see anna’s presence')
    ben.doc.getMap('signals').set('reply', 'ben')
    await waitFor(() => anna.doc.getMap('signals').get('reply') === 'ben')

    // A marker from the stranger's own room, sent after all of the above: had anything of Anna's
    // leaked to the stranger's socket, it would have arrived before this.
    const neighbour = servers.client(server.wsUrl, other.id, 'board', { key: other.keys.participant })
    await synced(neighbour)
    neighbour.doc.getMap('signals').set('marker', 'from the other room')
    neighbour.provider.awareness.setLocalStateField('user', { name: 'Neighbour', role: 'participant' })
    await waitFor(() => stranger.doc.getMap('signals').get('marker') === 'from the other room', 5_000, 'the marker')
    await waitFor(() => [...stranger.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Neighbour'), 5_000, 'the presence marker')
    expect([...stranger.doc.getMap('signals').keys()]).toEqual(['marker'])
    expect([...stranger.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna')).toBe(false)
  })

  it('a client that connects late receives the full state', async () => {
    const { server, workshop } = await servers.workshop()
    const key = { key: workshop.keys.participant }
    const early = servers.client(server.wsUrl, workshop.id, 'board', key)
    await synced(early)
    const text = writableText(early.doc)
    for (let i = 0; i < 50; i++) text.insert(text.length, `word${i} `)

    const late = servers.client(server.wsUrl, workshop.id, 'board', key)
    await synced(late)
    await waitFor(() => readText(late.doc) === text.toString())
  })

  it.each(STORE_KINDS)('after a restart on the same data (%s), a reconnecting client gets everything back', async (kind) => {
    const dataDir = servers.dataDir()
    const where = await storage(kind)
    const first = await startTestServer({ dataDir, ...where })
    const workshop = await createWorkshop(first.url)
    const writer = connectClient(first.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(writer)
    writer.doc.getMap('signals').set('s1', 'Care robots in elderly homes')
    await waitFor(() => first.registry.loaded(workshop.id, 'board')?.doc.getMap('signals').has('s1') === true)
    await first.registry.settle()
    writer.destroy()
    await first.close()

    const second = await servers.server({ dataDir, ...where })
    const reader = servers.client(second.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(reader)
    await waitFor(() => reader.doc.getMap('signals').get('s1') === 'Care robots in elderly homes')
  })
})
