import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../shared/protocol.ts'
import { connectClient, synced } from './support/clients.ts'
import { failingStore } from './support/failingStore.ts'
import { createWorkshop, tempDataDir, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

const servers = useServers()

describe('when the disk is full', () => {
  it('refuses new changes with a clear close, keeps them on the client, fails /healthz, and catches up when the disk recovers', async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    const store = failingStore(data.dir)
    const server = await servers.server({ dataDir: data.dir, store })
    const workshop = await createWorkshop(server.url)
    const key = { key: workshop.keys.participant, ext: '1' }
    const anna = connectClient(server.wsUrl, workshop.id, 'board', key)
    const ben = connectClient(server.wsUrl, workshop.id, 'board', key)
    const carol = connectClient(server.wsUrl, workshop.id, 'board', key)
    servers.defer(
      () => anna.destroy(),
      () => ben.destroy(),
      () => carol.destroy(),
    )
    await synced(anna, ben, carol)
    anna.doc.getMap('signals').set('before', 'stored')
    await waitFor(() => ben.doc.getMap('signals').get('before') === 'stored')

    store.failing = true
    anna.doc.getMap('signals').set('during', 'written while the disk was full')
    await waitFor(() => anna.closes.some((c) => c.code === CloseCode.storeUnavailable), 5_000, 'Anna to be told')
    expect(anna.closes.find((c) => c.code === CloseCode.storeUnavailable)?.reason).toMatch(/could not be saved/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503)
    // Presence is never stored, so it still flows: Carol's, sent after Anna's refused change, is the
    // marker. Had the server passed that change on, Ben would have had it before this.
    carol.provider.awareness.setLocalStateField('user', { name: 'Carol', role: 'participant' })
    await waitFor(() => [...ben.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Carol'), 5_000, 'Carol’s presence')
    expect(ben.doc.getMap('signals').get('during')).toBeUndefined()
    expect(anna.doc.getMap('signals').get('during')).toBe('written while the disk was full')

    store.failing = false
    await waitFor(() => ben.doc.getMap('signals').get('during') === 'written while the disk was full', 10_000, 'the change to go through')
    await waitFor(async () => (await fetch(`${server.url}/healthz`)).status === 200, 5_000, '/healthz to recover')

    await server.registry.settle()
    const stored = await store.load(workshop.id, 'board')
    const reloaded = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(reloaded, update)
    expect(reloaded.getMap('signals').toJSON()).toEqual({ before: 'stored', during: 'written while the disk was full' })
    expect(reloaded.store.pendingStructs).toBeNull()
  })
})
