import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode } from '../shared/protocol.ts'
import { connectClient, synced } from './support/clients.ts'
import { createWorkshop, startTestServer, waitFor } from './support/server.ts'

/**
 * A lecture hall shares one address, so the per-address limit is high (README, "A hall behind
 * one address"); what keeps one abuser in check are the limits here: a workshop's own connection
 * cap, and one queue budget for everything sent whole to connections of one address.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

function closedOf(url: string): Promise<{ code: number; reason: string }> {
  const ws = new WebSocket(url)
  cleanups.push(() => ws.terminate())
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

describe('connection limits for a hall behind one address', () => {
  it('caps the connections of one workshop; another workshop still gets in', async () => {
    const server = await startTestServer({ limits: { maxConnectionsPerWorkshop: 2 } })
    cleanups.push(() => server.close())
    const full = await createWorkshop(server.url)
    const other = await createWorkshop(server.url)
    const [a, b] = [0, 1].map(() => connectClient(server.wsUrl, full.id, 'board', { key: full.keys.participant }))
    cleanups.push(
      () => a!.destroy(),
      () => b!.destroy(),
    )
    await synced(a!, b!)
    expect(await closedOf(`${server.wsUrl}/${full.id}/board?key=${full.keys.participant}`)).toEqual({
      code: CloseCode.busy,
      reason: 'too many connections to this workshop',
    })
    const elsewhere = connectClient(server.wsUrl, other.id, 'board', { key: other.keys.participant })
    cleanups.push(() => elsewhere.destroy())
    await synced(elsewhere)
  })

  it('tells a connection to retry when a document sent whole would pass its address’s queue budget', async () => {
    const server = await startTestServer({ limits: { maxQueuedBytesPerIp: 100 * 1024 } })
    cleanups.push(() => server.close())
    const workshop = await createWorkshop(server.url)
    const writer = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    cleanups.push(() => writer.destroy())
    await synced(writer)
    const signals = writer.doc.getMap<string>('signals')
    // One update, applied as it arrives: as twenty, some could still wait in the writer's inbox
    // (server/sync/inbox.ts) when the joiner asks, and the joiner would get a smaller document.
    writer.doc.transact(() => {
      for (let i = 0; i < 20; i++) signals.set(`s${i}`, `${i} `.repeat(4000))
    })
    // A stock client asks for the whole document (200 KB) on joining: over the budget of 100 KB.
    const joiner = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    cleanups.push(() => joiner.destroy())
    await waitFor(() => joiner.closes.length > 0, 5_000, 'the joiner to be told to retry')
    expect(joiner.closes[0]).toEqual({ code: CloseCode.busy, reason: 'server busy: too much waiting for this address; retrying' })
    expect(writer.closes).toEqual([])
  })
})
