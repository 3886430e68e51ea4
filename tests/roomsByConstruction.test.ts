import { describe, expect, it } from 'vitest'
import { addSignal, initDraft, readBoard, setPrivateMode } from '../shared/doc/index.ts'
import { draftDocName } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import type { DocStore } from '../server/store/docStore.ts'
import { SqliteDocStore } from '../server/store/sqliteStore.ts'
import { synced, type TestClient } from './support/clients.ts'
import { createWorkshop, mintIdentity, startTestServer, tempDataDir, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

const servers = useServers()

/** The real SQLite store, with a tally of the calls made to each of its methods. */
function countingStore(dir: string): { store: DocStore; calls: Map<string, number> } {
  const calls = new Map<string, number>()
  const real = new SqliteDocStore(dir)
  const store = new Proxy(real, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver)
      if (typeof value !== 'function' || typeof name !== 'string') return value
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store, calls }
}

async function setup(roomIdleMs = 30_000) {
  const data = tempDataDir()
  const { store, calls } = countingStore(data.dir)
  const server = await startTestServer({ dataDir: data.dir, store, tuning: { roomIdleMs } })
  servers.defer(() => data.remove())
  servers.defer(() => server.close())
  const open = (workshopId: string, docName: string, params: Record<string, string>): TestClient => {
    const client = servers.client(server.wsUrl, workshopId, docName, params)
    return client
  }
  return { server, calls, open }
}

describe('rooms by construction', () => {
  it('work that throws still releases every room it opened: the room count goes back to zero', async () => {
    const { server } = await setup(50)
    const workshop = await createWorkshop(server.url)
    await waitFor(() => server.registry.size === 0, 5_000, 'the new workshop’s rooms to unload')

    const failing = server.registry.withRooms(workshop.id, ['board', 'control'], () => {
      expect(server.registry.size).toBe(2)
      throw new Error('reveal failed half-way')
    })
    await expect(failing).rejects.toThrow('reveal failed half-way')
    await waitFor(() => server.registry.size === 0, 5_000, 'the rooms of the failed work to unload')
    expect(server.metrics.rooms).toBe(0)
  })

  it('a room held by work is not unloaded under it, however long the work takes', async () => {
    const { server } = await setup(20)
    const workshop = await createWorkshop(server.url)
    let finish!: () => void
    const holding = server.registry.withRoom(
      workshop.id,
      'board',
      (board) => new Promise<number>((resolve) => (finish = () => resolve(readBoard(board.doc).signals.size))),
    )
    // The control room, not held, unloads after the idle time: a marker that the board's has passed too.
    await waitFor(() => server.registry.loaded(workshop.id, 'control') === undefined, 5_000, 'the control room to unload')
    expect(server.registry.loaded(workshop.id, 'board')).toBeDefined()
    finish()
    expect(await holding).toBe(0)
    await waitFor(() => server.registry.size === 0, 5_000, 'the board to unload once released')
  })

  it('a reveal releases every draft it opened', async () => {
    const { server, open } = await setup(50)
    const workshop = await createWorkshop(server.url)
    const facilitator = open(workshop.id, 'control', { key: workshop.keys.facilitator })
    await synced(facilitator)
    setPrivateMode(facilitator.doc, { on: true })
    const people = await Promise.all([0, 1, 2].map(() => mintIdentity(server.url, workshop.id, workshop.keys.participant)))
    const drafts = people.map((person) => open(workshop.id, draftDocName(randomId()), { key: workshop.keys.participant, identity: person.token }))
    await synced(...drafts)
    drafts.forEach((draft, i) => {
      const author = { participantId: people[i]!.participantId }
      initDraft(draft.doc, { ...author, name: `Person ${i + 1}` })
      addSignal(draft.doc, { title: `Private ${i + 1}` }, author)
    })
    await server.registry.settle()
    setPrivateMode(facilitator.doc, { on: false })
    const board = open(workshop.id, 'board', { key: workshop.keys.facilitator })
    await waitFor(() => readBoard(board.doc).signals.size === 3, 10_000, 'the revealed cards')
    for (const client of [...drafts, facilitator, board]) client.destroy()
    await waitFor(() => server.registry.size === 0, 5_000, 'every room to unload')
  })
})

describe('authentication', () => {
  it('reads the workshop once per authentication: opening a workshop (identity, control, board) is three reads', async () => {
    const { server, calls, open } = await setup()
    const workshop = await createWorkshop(server.url)
    calls.clear()
    const identity = await mintIdentity(server.url, workshop.id, workshop.keys.participant)
    const control = open(workshop.id, 'control', { key: workshop.keys.participant, identity: identity.token })
    const board = open(workshop.id, 'board', { key: workshop.keys.participant, identity: identity.token })
    await synced(control, board)
    expect(calls.get('getWorkshop')).toBe(3)

    calls.clear()
    expect((await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.keys.facilitator}` } })).status).toBe(200)
    expect(calls.get('getWorkshop')).toBe(1)
  })
})
