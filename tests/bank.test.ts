import { describe, expect, it } from 'vitest'
import { addSignal, heldSignals, importSignals, initBank, joinAsParticipant } from '../shared/doc/index.ts'
import type { BankResponse } from '../shared/bank/fromWorkshop.ts'
import { connectClient, synced, upgradeStatus } from './support/clients.ts'
import { useServers, type TestServer } from './support/fixture.ts'
import { createWorkshop, waitFor, mintIdentity } from './support/server.ts'

/** GET /api/workshops/:id/bank: an earlier workshop's signals, for its facilitator only. */
describe('the signal bank endpoint', () => {
  const servers = useServers()
  const bankOf = (server: TestServer) => (id: string, key?: string) =>
    fetch(`${server.url}/api/workshops/${id}/bank`, { headers: key ? { authorization: `Bearer ${key}` } : {} })

  it('gives the earlier workshop’s signals, with their links, to its facilitator and to nobody else', async () => {
    const server = await servers.server()
    const get = bankOf(server)
    const earlier = await createWorkshop(server.url, { title: 'Spring scan' })
    const other = await createWorkshop(server.url, { title: 'Someone else’s workshop' })
    const identity = await mintIdentity(server.url, earlier.id, earlier.keys.participant)
    const client = connectClient(server.wsUrl, earlier.id, 'board', { key: earlier.keys.participant, identity: identity.token })
    await synced(client)
    const anna = { participantId: identity.participantId }
    joinAsParticipant(client.doc, anna, 'Anna')
    addSignal(client.doc, { title: 'Care robots at home', sourceUrl: 'https://example.org/robots', category: 'technological' }, anna)
    addSignal(client.doc, { title: 'Etätyö mökiltä' }, anna)
    await waitFor(
      async () => ((await (await get(earlier.id, earlier.keys.facilitator)).json()) as BankResponse).signals.length === 2,
      5_000,
      'the signals to be stored',
    )
    client.destroy()

    const response = await get(earlier.id, earlier.keys.facilitator)
    expect(response.status).toBe(200)
    const bank = (await response.json()) as BankResponse
    expect(bank.title).toBe('Spring scan')
    expect(bank.signals).toEqual([
      {
        title: 'Care robots at home',
        description: '',
        whyItMatters: '',
        sourceUrl: 'https://example.org/robots',
        sources: [],
        theme: '',
        category: 'technological',
      },
      { title: 'Etätyö mökiltä', description: '', whyItMatters: '', sourceUrl: '', sources: [], theme: '', category: '' },
    ])
    // Nothing about who wrote them travels.
    expect(JSON.stringify(bank)).not.toContain('Anna')

    expect((await get(earlier.id)).status).toBe(401)
    // A key of that workshop in the wrong role is forbidden, as everywhere in the API.
    expect((await get(earlier.id, earlier.keys.participant)).status).toBe(403)
    expect((await get(earlier.id, earlier.keys.screen)).status).toBe(403)
    expect((await get(earlier.id, other.keys.facilitator)).status).toBe(401)
    expect((await get('A'.repeat(22), earlier.keys.facilitator)).status).toBe(404)
    expect((await get('bad', earlier.keys.facilitator)).status).toBe(400)
  })

  it('keeps held-back signals in a document only facilitators can open or change', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url, { title: 'Held back' })
    const status = (key: string) => upgradeStatus(`${server.wsUrl}/${workshop.id}/bank?key=${key}`)
    expect(await status(workshop.keys.participant)).toBe(403)
    expect(await status(workshop.keys.screen)).toBe(403)
    expect(await status(workshop.keys.facilitator)).toBe(101)

    // What a facilitator holds back is stored: another facilitator device sees it.
    const fiona = servers.client(server.wsUrl, workshop.id, 'bank', { key: workshop.keys.facilitator })
    await synced(fiona)
    initBank(fiona.doc)
    importSignals(fiona.doc, [{ title: 'Held back card' }], { participantId: 'FionaFionaFionaFiona01' })
    const other = servers.client(server.wsUrl, workshop.id, 'bank', { key: workshop.keys.facilitator })
    await waitFor(() => heldSignals(other.doc).length === 1, 5_000, 'the held-back card on another facilitator device')
  })
})
