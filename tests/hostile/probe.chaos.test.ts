import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol.ts'
import { startChildServer } from '../support/childServer.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop, tempDataDir } from '../support/server.ts'
import { rawSiblingBomb, siblingBomb, updateMessage } from './support/attacks.ts'
import { expectLoopBounded, openArena, rawSocket, watchHealth } from './support/harness.ts'

/**
 * The probe's largest attacks, at full size (slow to build, so in `npm run test:chaos`): the
 * sibling bombs that pinned the CPU until kill -9, and a log they had poisoned before the guard.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('the probe at full size', () => {
  it('1: two bombs of 80,000 invented writers (1.7 MB each) close the sender at once; the other workshop writes on', async () => {
    const bombs = [updateMessage(rawSiblingBomb(80_000)), updateMessage(rawSiblingBomb(80_000, 50_000_000))]
    const arena = await openArena()
    cleanups.push(() => arena.close())
    const health = await watchHealth(arena.server.url)
    for (const bomb of bombs) {
      const attacker = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
      attacker.send(bomb)
      expect((await attacker.closed).code).toBe(CloseCode.badMessage)
    }
    const writer = connectClient(arena.server.wsUrl, arena.bystander.id, 'board', { key: arena.bystander.keys.participant })
    cleanups.push(() => writer.destroy())
    await synced(writer)
    await expectLoopBounded(`finding 1 (bombs of ${(bombs[0]!.byteLength / 1e6).toFixed(1)} MB)`, health, arena.server.url)
  })

  it('1: a poisoned stored log does not freeze the restart: the row is quarantined and logged', async () => {
    const data = tempDataDir()
    cleanups.push(() => data.remove())
    let server = await startChildServer(data.dir)
    const workshop = await createWorkshop(server.url)
    await server.stop()
    const db = new Database(join(data.dir, 'workshops.sqlite'))
    const poison = db.prepare('INSERT INTO doc_updates (workshop_id, doc_name, data) VALUES (?, ?, ?)')
    poison.run(workshop.id, 'board', siblingBomb(3000))
    poison.run(workshop.id, 'board', siblingBomb(3000, 9_000_000))
    db.close()
    server = await startChildServer(data.dir)
    cleanups.push(() => server.kill())
    const health = await watchHealth(server.url)
    const reader = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    cleanups.push(() => reader.destroy())
    await synced(reader)
    expect(reader.doc.getMap('info').size).toBeGreaterThan(0)
    await expectLoopBounded('finding 1 (restart with a poisoned log)', health, server.url)
    expect(server.output()).toMatch(/quarantined stored update row \d+ of .*board: over \d+ writers at one position/)
  })
})
