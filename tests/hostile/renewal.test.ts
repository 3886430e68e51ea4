import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, synced } from '../support/clients.ts'
import { expectLoopBounded, openArena, waitFor, watchHealth, type Arena } from './support/harness.ts'

/**
 * "Start the board afresh" rebuilds a whole board (RoomRegistry.renew). Anyone can make a workshop
 * and fill its board to the size limit as its facilitator, then ask for a renewal: the rebuild is
 * the load pool's work, not the event loop's, and the server goes on answering everyone.
 */
describe('starting a full board afresh', { timeout: 180_000 }, () => {
  let arena: Arena
  beforeAll(async () => {
    arena = await openArena()
  }, 60_000)
  afterAll(() => arena.close())

  it('keeps the event loop free while a board near the size limit (6.9 MB) is rebuilt, and the board comes back whole', async () => {
    const { target, bystander, server } = arena
    const fiona = connectClient(server.wsUrl, target.id, 'board', { key: target.keys.facilitator })
    const ben = connectClient(server.wsUrl, bystander.id, 'board', { key: bystander.keys.participant })
    try {
      await synced(fiona, ben)
      // 4,500 cards of 1,500 characters, in changes of 300 (within a facilitator's content allowance).
      const text = 'Signals of change in everyday welfare, '.repeat(40).slice(0, 1_500)
      for (let from = 0; from < 4_500; from += 300)
        fiona.doc.transact(() => {
          for (let i = from; i < from + 300; i++) fiona.doc.getMap('signals').set(`card-${i}`, `${i} ${text}`)
        })
      const reader = connectClient(server.wsUrl, target.id, 'board', { key: target.keys.participant })
      await waitFor(() => reader.doc.getMap('signals').size === 4_500, 120_000, 'the full board stored and read back')
      reader.destroy()

      const health = await watchHealth(server.url)
      const response = await fetch(`${server.url}/api/workshops/${target.id}/board/renew`, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.keys.facilitator}` },
      })
      expect(response.status).toBe(200)
      const renewal = (await response.json()) as { bytesBefore: number }
      expect(renewal.bytesBefore).toBeGreaterThan(6_500_000)
      await expectLoopBounded(`renewal of a ${(renewal.bytesBefore / 1e6).toFixed(1)} MB board`, health, server.url)

      // Another workshop's writer went on; the renewed board comes back whole.
      ben.doc.getMap('signals').set('ben', 'Heat pumps in every sauna')
      const check = connectClient(server.wsUrl, bystander.id, 'board', { key: bystander.keys.participant })
      const renewed = connectClient(server.wsUrl, target.id, 'board', { key: target.keys.participant })
      try {
        await waitFor(() => check.doc.getMap('signals').get('ben') === 'Heat pumps in every sauna', 20_000, "the bystander's card")
        await waitFor(() => renewed.doc.getMap('signals').size === 4_500, 60_000, 'the renewed board read back')
        expect(renewed.doc.getMap('signals').get('card-4499')).toBe(`4499 ${text}`)
      } finally {
        check.destroy()
        renewed.destroy()
      }
    } finally {
      fiona.destroy()
      ben.destroy()
    }
  })
})
