import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../support/childServer.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop, tempDataDir } from '../support/server.ts'
import { CloseCode } from '../../shared/protocol.ts'
import { rawSiblingBomb, siblingBomb, slowButAdmissible, syncStep1Message, updateMessage } from './support/attacks.ts'
import { expectLoopBounded, rawSocket, waitFor, watchHealth } from './support/harness.ts'
import { useServers } from '../support/fixture.ts'

/**
 * Finding 1's second half: the updates were already in the stored log, so every restart froze
 * again. Now a stored document is applied in a worker thread with a time budget per row; what the
 * guard refuses, what does not decode and what runs over budget is moved to the quarantine table
 * (kept, not deleted) and logged with its workshop and row, and the rest of the board loads.
 */
const servers = useServers()

const BUDGET_MS = 250

describe('a poisoned stored log', { timeout: 90_000 }, () => {
  it('loads without freezing: poisoned rows are quarantined and logged, the good ones load, and the next restart meets them no more', async () => {
    const data = tempDataDir()
    servers.defer(() => data.remove())
    const env = { LOAD_ROW_BUDGET_MS: String(BUDGET_MS) }
    let server: ChildServer = await startChildServer(data.dir, env)
    const workshop = await createWorkshop(server.url)
    const writer = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(writer)
    for (let i = 0; i < 60; i++) writer.doc.getMap('signals').set(`card-${i}`, `Signal ${i}: heat waves reshape city life`)
    const reader = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(reader)
    while (reader.doc.getMap('signals').size < 60) await new Promise((resolve) => setTimeout(resolve, 20))
    writer.destroy()
    reader.destroy()
    await server.stop()

    // Written behind the server's back, as a log from before the guard (or a bug) would hold them.
    const db = new Database(join(data.dir, 'workshops.sqlite'))
    const insert = db.prepare<[string, string, Uint8Array]>('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?)')
    const poison = {
      // ~390² scan steps at each of 200 positions, under the guard's writer cap: over a second of
      // CPU on a fast machine (at 60 positions, 170 ms: some machines loaded it within the budget).
      slow: slowButAdmissible(390, 200),
      bomb: rawSiblingBomb(3000),
      garbage: new Uint8Array([1, 2, 3, 250, 251, 252]),
    }
    const seqs = Object.fromEntries(Object.entries(poison).map(([name, bytes]) => [name, Number(insert.run(workshop.id, 'board', bytes).lastInsertRowid)]))
    db.close()

    server = await startChildServer(data.dir, env)
    servers.defer(() => server.kill())
    const health = await watchHealth(server.url)
    const board = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    // Generous: a worker stopped over budget is replaced, and test machines are shared.
    await waitFor(() => board.provider.synced, 30_000, 'the board to load')
    const signals = board.doc.getMap('signals')
    expect(signals.size).toBe(60)
    expect(signals.get('card-59')).toBe('Signal 59: heat waves reshape city life')
    expect(signals.has('k')).toBe(false)
    expect(signals.has('slow-0')).toBe(false)
    await expectLoopBounded('poisoned log at restart', health, server.url)

    const where = `${workshop.id}/board`
    expect(server.output()).toContain(`quarantined stored update row ${seqs.slow} of ${where}: did not load within ${BUDGET_MS} ms of CPU`)
    expect(server.output()).toMatch(new RegExp(`quarantined stored update row ${seqs.bomb} of ${where}: over 400 writers at one position`))
    expect(server.output()).toContain(`quarantined stored update row ${seqs.garbage} of ${where}: unreadable`)
    // Kept, byte for byte, out of the log.
    const stored = new Database(join(data.dir, 'workshops.sqlite'), { readonly: true })
    const kept = stored.prepare<[], { seq: number; data: Buffer }>('SELECT seq, data FROM quarantined_updates ORDER BY seq').all()
    const stillInLog = stored.prepare<[number], { n: number }>('SELECT count(*) AS n FROM doc_updates WHERE seq >= ?').get(seqs.slow!)
    stored.close()
    expect(kept.map((row) => row.seq)).toEqual([seqs.slow, seqs.bomb, seqs.garbage])
    expect(kept.map((row) => new Uint8Array(row.data))).toEqual([poison.slow, poison.bomb, poison.garbage])
    expect(stillInLog?.n).toBe(0)

    // The next restart loads the board without meeting them again.
    board.destroy()
    await server.stop()
    server = await startChildServer(data.dir, env)
    const again = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await waitFor(() => again.provider.synced, 30_000, 'the board to load again')
    expect(again.doc.getMap('signals').size).toBe(60)
    expect(server.output()).not.toContain('quarantined')
  })
})

/**
 * The guard's other half: each update may bring 16 writers to a position, so many small updates
 * could together pile thousands there. Before the count in all, 78 updates of 16 writers passed
 * (1,248 writers at one key), the room compacted them into its snapshot at shutdown, and the next
 * start quarantined that snapshot whole: 60 cards → 0.
 */
describe('many small updates at one position', { timeout: 90_000 }, () => {
  it('are refused once the writers there in all pass the cap, and every honest card survives a restart', async () => {
    // 40 updates of 16 invented writers each, all setting the same key: each under the per-update cap.
    const { outcome, dataDir, workshop } = await attackThenStop((send) => {
      for (let u = 0; u < 40; u++) send(siblingBomb(16, 5_000_000 + u * 16))
    })
    expect(outcome?.code).toBe(CloseCode.badMessage)
    expect(outcome?.reason).toBe('update refused: over 400 writers at one position in all')

    // The restart compacted the board on its way down and loads it again.
    const server = await startChildServer(dataDir)
    servers.defer(() => server.kill())
    const again = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await waitFor(() => again.provider.synced, 30_000, 'the board to load again')
    expect([...again.doc.getMap('signals').keys()].filter((key) => key.startsWith('card-'))).toHaveLength(61)
    expect(server.output()).not.toContain('quarantined')
  })

  it('are refused once the contested positions cost too much in all, and the board loads after a restart in a bounded time', async () => {
    // Rounds of 16 new writers at each of 60 keys, one key per update: each update passes the
    // per-update and per-position caps; 25 rounds would put 400 writers at every key.
    const { outcome, dataDir, workshop } = await attackThenStop((send) => {
      let client = 5_000_000
      for (let round = 0; round < 25; round++) for (let key = 0; key < 60; key++, client += 16) send(siblingBomb(16, client, 'signals', `contested-${key}`))
    })
    expect(outcome?.code).toBe(CloseCode.badMessage)
    expect(outcome?.reason).toBe('update refused: contested positions costing over 500000 steps in all')

    // The cold load applies what was admitted on the main thread in one piece: bounded by the count.
    const server = await startChildServer(dataDir)
    servers.defer(() => server.kill())
    const health = await watchHealth(server.url)
    const again = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await waitFor(() => again.provider.synced, 30_000, 'the board to load again')
    expect([...again.doc.getMap('signals').keys()].filter((key) => key.startsWith('card-'))).toHaveLength(61)
    expect(server.output()).not.toContain('quarantined')
    await expectLoopBounded('contested board at restart', health, server.url)
  })
})

/**
 * A board of 60 honest cards; the attacker's updates on a raw socket, then a marker (a sync step
 * 1, answered once the server has read everything before it); one more honest card written after
 * the attack and seen by a second client; then a clean stop, which compacts the board. Returns how
 * the attacker's socket ended (undefined: the marker was answered, the attacker is still there).
 */
async function attackThenStop(attack: (send: (update: Uint8Array) => void) => void) {
  const data = tempDataDir()
  servers.defer(() => data.remove())
  // The attacker and the honest writer have no identity, so they would share one writing
  // allowance (tests/hostile/tombstones.test.ts): raised out of the way of the caps under test.
  const server: ChildServer = await startChildServer(data.dir, { WRITE_BURST_PER_PERSON: '100000000', WRITE_BURST_PER_WORKSHOP: '100000000' })
  servers.defer(() => server.kill())
  const workshop = await createWorkshop(server.url)
  const writer = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
  await synced(writer)
  for (let i = 0; i < 60; i++) writer.doc.getMap('signals').set(`card-${i}`, `Signal ${i}: heat waves reshape city life`)

  const attacker = await rawSocket(server, workshop.id, 'board', workshop.keys.participant)
  attack((update) => attacker.send(updateMessage(update)))
  attacker.send(syncStep1Message())
  const answered = waitFor(() => attacker.received.some((m) => m[0] === 0 && m[1] === 1), 30_000, 'an answer to the marker')
  const outcome = await Promise.race([attacker.closed, answered.then(() => undefined)])

  // The honest writer goes on.
  writer.doc.getMap('signals').set('card-60', 'Signal 60: written after the attack')
  const reader = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
  await synced(reader)
  await waitFor(() => reader.doc.getMap('signals').has('card-60'), 20_000, 'the card written after the attack')
  writer.destroy()
  reader.destroy()
  await server.stop()
  return { outcome, dataDir: data.dir, workshop }
}
