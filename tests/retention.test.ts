import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addSignal, readBoard } from '../shared/doc/index.ts'
import { randomId } from '../shared/util/ids.ts'
import type { WorkshopLinks } from '../shared/api.ts'
import { startRetention } from '../server/workshops/retention.ts'
import { connectClient, synced, upgradeStatus } from './support/clients.ts'
import { useServers, type TestServer } from './support/fixture.ts'
import { capturedLogger } from './support/logLines.ts'
import { createWorkshop, waitFor } from './support/server.ts'

/**
 * RETENTION_DAYS (off by default): a workshop nobody has changed for that many days is deleted
 * with all its data. A month cannot pass in a test: the store's `touched_at` is set back instead,
 * in the SQLite file itself, while no server has it open.
 */
const servers = useServers()
const DAY_MS = 24 * 60 * 60 * 1000
const DELETED = 'workshop deleted: unchanged for RETENTION_DAYS'

function lastTouched(dataDir: string, daysAgo: number, workshop: WorkshopLinks): void {
  const db = new Database(join(dataDir, 'workshops.sqlite'))
  try {
    db.prepare('UPDATE workshops SET touched_at = ? WHERE id = ?').run(Date.now() - daysAgo * DAY_MS, workshop.id)
  } finally {
    db.close()
  }
}

/** A workshop with a card on its board, stored. */
async function workshopWithCard(server: TestServer, title: string): Promise<WorkshopLinks> {
  const workshop = await createWorkshop(server.url, { title })
  const facilitator = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.facilitator })
  try {
    await synced(facilitator)
    addSignal(facilitator.doc, { title: `A card in ${title}` }, { participantId: randomId() })
    await waitFor(() => server.registry.withRoom(workshop.id, 'board', (board) => readBoard(board.doc).signals.size === 1), 5_000, 'the card at the server')
    await server.registry.settle()
  } finally {
    facilitator.destroy()
  }
  return workshop
}

/** Workshops by title, each with a card, as if last changed that many days ago; no server has them open. */
async function workshopsLastTouched<Title extends string>(
  daysAgo: Record<Title, number>,
): Promise<{ dataDir: string; workshops: Record<Title, WorkshopLinks> }> {
  const dataDir = servers.dataDir()
  const server = await servers.server({ dataDir })
  const workshops = {} as Record<Title, WorkshopLinks>
  for (const title of Object.keys(daysAgo) as Title[]) workshops[title] = await workshopWithCard(server, title)
  await server.close()
  for (const title of Object.keys(daysAgo) as Title[]) lastTouched(dataDir, daysAgo[title], workshops[title])
  return { dataDir, workshops }
}

const boardUrl = (server: TestServer, workshop: WorkshopLinks) => `${server.wsUrl}/${workshop.id}/board?key=${workshop.keys.participant}`

describe('retention (RETENTION_DAYS)', () => {
  it('is off by default; set, it deletes at start a workshop unchanged for longer, with all its data, and keeps the rest', async () => {
    const { dataDir, workshops } = await workshopsLastTouched({ 'Spring 2026': 40, 'Last week': 7 })
    const { 'Spring 2026': spring, 'Last week': lastWeek } = workshops

    // Off by default: forty days unchanged, and kept.
    const unset = await servers.server({ dataDir })
    expect(await upgradeStatus(boardUrl(unset, spring))).toBe(101)
    await unset.close()

    const log = capturedLogger()
    const server = await servers.server({ dataDir, limits: { retentionDays: 30 }, logger: log.logger })
    await waitFor(() => log.lines().some((line) => line.msg === DELETED), 10_000, 'the sweep at start')
    expect(log.lines().filter((line) => line.msg === DELETED)).toEqual([expect.objectContaining({ workshop: spring.id, days: 30 })])
    // Its link leads nowhere, and nothing of it is left in the store.
    expect(await upgradeStatus(boardUrl(server, spring))).toBe(404)
    expect(await server.store.getWorkshop(spring.id)).toBeUndefined()
    expect(await server.store.listDocs(spring.id)).toEqual([])
    // Last week's is kept, card and all.
    const reader = servers.client(server.wsUrl, lastWeek.id, 'board', { key: lastWeek.keys.participant })
    await synced(reader)
    expect([...readBoard(reader.doc).signals.values()].map((signal) => signal.title)).toEqual(['A card in Last week'])
  })

  it('keeps a workshop someone has open, however long unchanged, and deletes it at a sweep after they leave', async () => {
    // The watched one unchanged longer, so a sweep (the longest unchanged first) comes to it before
    // the other: once the other is deleted, its turn is over, kept or not.
    const { dataDir, workshops } = await workshopsLastTouched({ Quiet: 40, Watched: 41 })
    const { Quiet: quiet, Watched: watched } = workshops

    const server = await servers.server({ dataDir })
    // Someone reads the watched workshop's board (reading changes nothing).
    const reader = servers.client(server.wsUrl, watched.id, 'board', { key: watched.keys.participant })
    await synced(reader)
    const log = capturedLogger()
    const sweep = () => {
      const stop = startRetention(30, server.store, server.registry, log.logger)
      servers.defer(stop)
    }
    sweep()
    await waitFor(() => log.lines().some((line) => line.msg === DELETED), 10_000, 'the sweep')
    expect(log.lines().filter((line) => line.msg === DELETED)).toEqual([expect.objectContaining({ workshop: quiet.id })])
    expect(await server.store.getWorkshop(watched.id)).toBeDefined()
    expect(reader.closes).toEqual([])

    reader.destroy()
    await waitFor(() => !server.registry.hasPeers(watched.id), 5_000, 'the reader gone')
    sweep()
    await waitFor(() => log.lines().filter((line) => line.msg === DELETED).length === 2, 10_000, 'the next sweep')
    expect(await server.store.getWorkshop(watched.id)).toBeUndefined()
  })
})
