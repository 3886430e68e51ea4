import { describe, expect, it } from 'vitest'
import { addSignal, readBoard } from '../shared/doc/index.ts'
import { startChildServer } from './support/childServer.ts'
import { synced, type TestClient } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { randomId } from '../shared/util/ids.ts'
import { createWorkshop, waitFor } from './support/server.ts'

/**
 * A room's presence goes out at most once per interval, and a change after a quiet interval at
 * once. The server runs with a 1 s interval so that "at once" and "at the interval's end" are far
 * apart; what is asserted is the order in which a watcher sees things, against a card the sender
 * writes right after its move: the card is broadcast as soon as it is stored, never held for a tick.
 */
const INTERVAL_MS = 1_000
const author = { participantId: randomId() }

const servers = useServers()

interface Watch {
  /** What the watcher saw, in order: `cursor N` for the sender's moves, `card T` for cards. */
  seen: string[]
}

function watch(watcher: TestClient, sender: TestClient): Watch {
  const seen: string[] = []
  watcher.provider.awareness.on('change', () => {
    const cursor = (watcher.provider.awareness.getStates().get(sender.doc.clientID) as { cursor?: number } | undefined)?.cursor
    if (cursor !== undefined && seen.at(-1) !== `cursor ${cursor}` && !seen.includes(`cursor ${cursor}`)) seen.push(`cursor ${cursor}`)
  })
  let cards = new Set<string>()
  watcher.doc.on('update', () => {
    const now = new Set([...readBoard(watcher.doc).signals.values()].map((signal) => signal.title))
    for (const title of now) if (!cards.has(title)) seen.push(`card ${title}`)
    cards = now
  })
  return { seen }
}

describe('presence batching', () => {
  it('sends a change after a quiet interval at once, and coalesces what follows into one batch at the interval’s end', async () => {
    const server = await startChildServer(servers.dataDir(), { PRESENCE_INTERVAL_MS: String(INTERVAL_MS) })
    servers.defer(() => server.stop())
    const workshop = await createWorkshop(server.url)
    const open = () => servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.facilitator })
    const sender = open()
    const watcher = open()
    await synced(sender, watcher)
    const { seen } = watch(watcher, sender)
    const move = (cursor: number) => sender.provider.awareness.setLocalStateField('cursor', cursor)

    // Each says who it is (a state at clock 0, a client's first, is ignored by y-protocols); once
    // each has the other's, the last batch is out, and a whole interval without any makes the room quiet.
    for (const [client, name] of [
      [sender, 'Sender'],
      [watcher, 'Watcher'],
    ] as const)
      client.provider.awareness.setLocalStateField('user', { name })
    const knows = (viewer: TestClient, other: TestClient) => viewer.provider.awareness.getStates().get(other.doc.clientID)?.user !== undefined
    await waitFor(() => knows(watcher, sender) && knows(sender, watcher), 10_000, 'both clients’ presence')
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS * 1.5))

    // Leading edge: the move was sent before the card, and arrives before it.
    move(1)
    addSignal(sender.doc, { title: 'A' }, author)
    await waitFor(() => seen.includes('cursor 1') && seen.includes('card A'), 10_000, 'the move and card A')
    expect(seen).toEqual(['cursor 1', 'card A'])

    // Within the interval that move opened: nine moves in a burst, then a card. The card is not
    // held; the moves wait for the interval's end and arrive as one batch with the newest state.
    for (let cursor = 2; cursor <= 10; cursor++) move(cursor)
    addSignal(sender.doc, { title: 'B' }, author)
    await waitFor(() => seen.includes('cursor 10'), 10_000, 'the last move')
    expect(seen).toEqual(['cursor 1', 'card A', 'card B', 'cursor 10'])
  })
})
