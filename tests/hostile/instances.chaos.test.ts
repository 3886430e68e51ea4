import { afterEach, describe, expect, it } from 'vitest'
import type { ChildServer } from '../support/childServer.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { rawSiblingBomb, slowButAdmissible } from './support/attacks.ts'
import { expectLoopBounded, waitFor, watchHealth } from './support/harness.ts'
import { insertRows, startInstances, type Instances } from './support/instances.ts'

/**
 * The hostile-input guarantees with several instances: real PostgreSQL and Redis, two servers in
 * child processes. A poisoned log is written behind the servers' backs, as one from before the
 * guard (or a bug) would hold it; the servers must not fold it into a snapshot that no load
 * accepts, and must not merge it on their event loop in one piece.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function open(): Promise<Instances> {
  const instances = await startInstances()
  cleanups.push(() => instances.close())
  return instances
}

function client(server: ChildServer, workshopId: string, key: string): TestClient {
  const opened = connectClient(server.wsUrl, workshopId, 'board', { key })
  cleanups.push(() => opened.destroy())
  return opened
}

function cards(board: TestClient): number {
  return [...board.doc.getMap('signals').keys()].filter((key) => key.startsWith('card-')).length
}

function writeCards(board: TestClient, from: number, to: number): void {
  for (let i = from; i < to; i++) board.doc.getMap('signals').set(`card-${i}`, `Signal ${i}: heat waves reshape city life`)
}

describe('several instances under attack', () => {
  it('compaction sets a poisoned log aside instead of folding it into the snapshot; a cold start then loads every card', async () => {
    const instances = await open()
    // A small size budget: churn past it makes the room compact while the server runs (measured).
    const budget = { LOAD_ROW_BUDGET_MS: '250' }
    const first = await instances.start({ ...budget, MAX_DOC_BYTES: String(64 * 1024) })
    const workshop = await createWorkshop(first.url)
    const writer = client(first, workshop.id, workshop.keys.participant)
    await synced(writer)
    writeCards(writer, 0, 30)

    const poison = {
      // 1,000 writers at one key: folds in milliseconds, but no load accepts a snapshot holding it.
      bomb: rawSiblingBomb(1_000),
      // Under the guard's caps, over the CPU budget: over a second of CPU on a fast machine (at 60
      // keys, 170 ms: it loaded within the budget there).
      slow: slowButAdmissible(390, 200),
      garbage: new Uint8Array([1, 2, 3, 250, 251, 252]),
    }
    const [bomb, slow, garbage] = await insertRows(instances, workshop.id, 'board', [poison.bomb, poison.slow, poison.garbage])

    const health = await watchHealth(first.url)
    writeCards(writer, 30, 60)
    // Edits to one card, 2 KB each, until the log passes the budget (the content does not), which
    // the server notices at the next write after storing them.
    for (let i = 0; i < 60; i++) {
      writer.doc.getMap('signals').set('card-0', `Signal 0: ${String(i % 10).repeat(2_000)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await waitFor(
      async () => (await instances.sql('SELECT 1 FROM doc_updates WHERE workshop_id = $1 AND seq <= $2', [workshop.id, garbage])).length === 0,
      60_000,
      'the poisoned rows compacted',
    )
    await expectLoopBounded('compacting a poisoned log (PostgreSQL)', health, first.url)
    const kept = await instances.sql<{ seq: string; reason: string }>('SELECT seq, reason FROM quarantined_updates WHERE workshop_id = $1 ORDER BY seq', [
      workshop.id,
    ])
    expect(kept.map((row) => [Number(row.seq), row.reason.replace(/:.*/s, '')])).toEqual([
      [bomb, 'over 400 writers at one position'],
      [slow, 'did not load within 250 ms of CPU'],
      [garbage, 'unreadable'],
    ])

    // A cold start on the same database: every card is there, and nothing more is quarantined.
    await first.kill()
    const second = await instances.start(budget)
    const coldHealth = await watchHealth(second.url)
    const reader = client(second, workshop.id, workshop.keys.participant)
    await waitFor(() => reader.provider.synced, 30_000, 'the board to load')
    console.log(`cards after the cold start: ${cards(reader)} of 60`)
    expect(cards(reader)).toBe(60)
    await expectLoopBounded('cold start after the compaction (PostgreSQL)', coldHealth, second.url)
    expect(second.output()).not.toContain('quarantined')
  })

  it('a catch-up after the Redis link returns merges a poisoned log a slice at a time: no long turn on either instance', async () => {
    const instances = await open()
    const [first, second] = [await instances.start(), await instances.start()]
    const workshop = await createWorkshop(first.url)
    const writer = client(first, workshop.id, workshop.keys.participant)
    const reader = client(second, workshop.id, workshop.keys.participant)
    await synced(writer, reader)
    writeCards(writer, 0, 60)
    await waitFor(() => cards(reader) === 60, 20_000, 'the cards on the other instance')

    // Admitted by the guard (390 writers at each of 60 keys), folded within the budget in a worker,
    // and then hundreds of milliseconds of merging on the room's own thread; and two it refuses.
    await insertRows(instances, workshop.id, 'board', [slowButAdmissible(390, 60), rawSiblingBomb(3_000), new Uint8Array([1, 2, 3, 250, 251, 252])])
    const watches = [await watchHealth(first.url), await watchHealth(second.url)]
    await instances.redis.restart()
    await waitFor(() => reader.doc.getMap('signals').size >= 120, 60_000, 'the catch-up to reach the reader')
    for (const server of [first, second]) await waitFor(() => server.output().includes('2 stored rows left out of a catch-up'), 20_000, 'the catch-up')

    // The link works again: a card written on one instance reaches the other.
    writeCards(writer, 60, 61)
    await waitFor(() => cards(reader) === 61, 20_000, 'a card written after the catch-up')
    await expectLoopBounded('catch-up of a poisoned log, first instance', watches[0]!, first.url)
    await expectLoopBounded('catch-up of a poisoned log, second instance', watches[1]!, second.url)
  })
})
