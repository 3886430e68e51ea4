import { afterEach, describe, expect, it } from 'vitest'
import { connectClient, synced, type TestClient } from './support/clients.ts'
import { createWorkshop, startTestServer, tempDataDir, waitFor } from './support/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/**
 * A client that has nothing gets the room's kept full state (encoded once, at load from the
 * load pool's fold, then once per change): it must always be the document as it is now.
 */
describe('the full state a new client receives', () => {
  it('is the stored board after a restart, and follows every change after it', async () => {
    const data = tempDataDir()
    cleanups.push(() => data.remove())
    const first = await startTestServer({ dataDir: data.dir })
    const workshop = await createWorkshop(first.url)
    const open = (url: string): TestClient => {
      const client = connectClient(url, workshop.id, 'board', { key: workshop.keys.participant })
      cleanups.push(() => client.destroy())
      return client
    }
    const writer = open(first.wsUrl)
    await synced(writer)
    const signals = writer.doc.getMap<string>('signals')
    for (let i = 0; i < 60; i++) signals.set(`s${i}`, `signal ${i} `.padEnd(2_000, 'heat waves reshape city life; '))
    const witness = open(first.wsUrl)
    await waitFor(() => witness.doc.getMap('signals').size === 60, 10_000, 'the witness to have all 60')
    writer.destroy()
    witness.destroy()
    // Closing stores and compacts: the restart loads one snapshot row.
    await first.close()

    const second = await startTestServer({ dataDir: data.dir })
    cleanups.push(() => second.close())
    const reader = open(second.wsUrl)
    await synced(reader)
    expect(reader.doc.getMap('signals').size).toBe(60)
    expect(String(reader.doc.getMap('signals').get('s59'))).toMatch(/^signal 59 heat waves/)

    reader.doc.getMap('signals').set('after', 'written after the restart')
    reader.doc.getMap('signals').delete('s0')
    // Each change must reach the next newcomer, however many came before it.
    for (const expected of ['after', 'again']) {
      const newcomer = open(second.wsUrl)
      await waitFor(() => newcomer.doc.getMap('signals').has(expected), 10_000, `a newcomer to see "${expected}"`)
      expect(newcomer.doc.getMap('signals').has('s0')).toBe(false)
      expect(newcomer.doc.getMap('signals').size).toBe(expected === 'after' ? 60 : 61)
      newcomer.doc.getMap('signals').set('again', 'and once more')
    }
  })
})
