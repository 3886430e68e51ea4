import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, createStory, deleteSignal, getStoryBody, readBoard, updateSignal } from '../shared/doc/index.ts'
import { LOCAL_ORIGIN } from '../shared/doc/origin.ts'
import { newDoc } from '../shared/doc/newDoc.ts'
import { CloseCode } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import type { DocConnection } from '../client/sync/docConnection.ts'
import { prepareCarryOver } from '../client/sync/carryOver.ts'
import { fetchPreviousBoard, offeredGeneration } from '../client/sync/renewal.ts'
import { appConnection, connectClient, synced } from './support/clients.ts'
import { useServers, type TestServer } from './support/fixture.ts'
import { createWorkshop, waitFor } from './support/server.ts'
import { STORE_KINDS, useStores } from './support/stores.ts'

/**
 * "Start the board afresh" (POST /api/workshops/:id/board/renew): the board's content in a new
 * document without the traces Yjs keeps of everything deleted; every copy of the old generation
 * is closed and refused (`CloseCode.renewed`), and the app carries over what it had not sent.
 */
const storage = useStores()
const servers = useServers()

const titles = (doc: Y.Doc) => [...readBoard(doc).signals.values()].map((signal) => signal.title).sort()
const boardJson = (doc: Y.Doc) => JSON.stringify(readBoard(doc), (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : value))

function renew(server: TestServer, workshopId: string, key: string) {
  return fetch(`${server.url}/api/workshops/${workshopId}/board/renew`, { method: 'POST', headers: { authorization: `Bearer ${key}` } })
}

/** The app's own connection to the board, offering `generation`, and the generations the server told it. */
function appBoard(server: TestServer, workshopId: string, key: string, doc: Y.Doc, generation: number | null) {
  const told: number[] = []
  const connection = appConnection({ doc, workshopId, docName: 'board', key, origin: server.url, generation, onGeneration: (g) => told.push(g) })
  servers.defer(() => connection.destroy())
  return { connection, told }
}

const closedWith = (connection: DocConnection) => connection.getState().closeCode

describe.each(STORE_KINDS)('starting the board afresh in %s', (kind) => {
  it('keeps the content, drops the traces, closes every copy of the old generation and refuses it from then on', { timeout: 60_000 }, async () => {
    const server = await servers.server(await storage(kind))
    const workshop = await createWorkshop(server.url)
    const { facilitator, participant } = workshop.keys
    const fiona = connectClient(server.wsUrl, workshop.id, 'board', { key: facilitator })
    const stock = connectClient(server.wsUrl, workshop.id, 'board', { key: participant })
    servers.defer(
      () => fiona.destroy(),
      () => stock.destroy(),
    )
    await synced(fiona, stock)
    const app = appBoard(server, workshop.id, participant, newDoc(), null)
    await waitFor(() => app.connection.getState().synced, 10_000, 'the app synced')
    expect(app.told).toEqual([0])

    // A session's churn: 60 cards, each retitled 40 times by 40 people in turn, and half deleted.
    const author = { participantId: randomId() }
    const ids = Array.from({ length: 60 }, (_, i) => addSignal(fiona.doc, { title: `Signal ${i}` }, author))
    for (let round = 0; round < 40; round++) {
      const someone = newDoc()
      Y.applyUpdate(someone, Y.encodeStateAsUpdate(fiona.doc))
      for (const [i, id] of ids.entries()) updateSignal(someone, id, { title: `Signal ${i}, draft ${round}` })
      Y.applyUpdate(fiona.doc, Y.encodeStateAsUpdate(someone, Y.encodeStateVector(fiona.doc)))
    }
    for (const id of ids.slice(30)) deleteSignal(fiona.doc, id)
    await waitFor(() => server.registry.withRoom(workshop.id, 'board', (room) => readBoard(room.doc).signals.size === 30), 10_000, 'the churn stored')
    const before = boardJson(fiona.doc)

    expect((await renew(server, workshop.id, participant)).status).toBe(403)
    const response = await renew(server, workshop.id, facilitator)
    expect(response.status).toBe(200)
    const renewal = (await response.json()) as { generation: number; bytesBefore: number; bytesAfter: number }
    expect(renewal.generation).toBe(1)
    expect(renewal.bytesAfter).toBeLessThan(renewal.bytesBefore / 3)

    // Every copy of the old generation is closed with `renewed`, the stock client for good.
    await waitFor(() => stock.closes.some((close) => close.code === CloseCode.renewed), 5_000, 'the stock client closed')
    await waitFor(() => closedWith(app.connection) === CloseCode.renewed, 5_000, 'the app closed')

    // The new generation: the same content, a fraction of the bytes, stored as one snapshot.
    const fresh = connectClient(server.wsUrl, workshop.id, 'board', { key: participant })
    servers.defer(() => fresh.destroy())
    await synced(fresh)
    expect(boardJson(fresh.doc)).toBe(before)
    expect(Y.encodeStateAsUpdate(fresh.doc).byteLength).toBe(renewal.bytesAfter)
    const stored = await server.store.load(workshop.id, 'board')
    expect(stored.logLength).toBe(0)
    expect((await server.store.getWorkshop(workshop.id))?.boardGeneration).toBe(1)

    // An app offering the old generation is refused before anything syncs; the new one syncs.
    const stale = newDoc()
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(fiona.doc))
    const refused = appBoard(server, workshop.id, participant, stale, 0)
    await waitFor(() => closedWith(refused.connection) === CloseCode.renewed, 5_000, 'the old copy refused')
    // Nothing of it reached the new generation: a newcomer gets exactly the renewed bytes.
    const newcomer = connectClient(server.wsUrl, workshop.id, 'board', { key: participant })
    servers.defer(() => newcomer.destroy())
    await synced(newcomer)
    expect(Y.encodeStateAsUpdate(newcomer.doc).byteLength).toBe(renewal.bytesAfter)
    const current = appBoard(server, workshop.id, participant, newDoc(), 1)
    await waitFor(() => current.connection.getState().synced, 10_000, 'the current copy synced')
    expect(current.told).toEqual([1])

    // The old generation's last state is there for any key of the workshop, as long as it is kept.
    const previous = await fetchPreviousBoard(workshop.id, participant, 0, (path, init) => fetch(`${server.url}${String(path)}`, init))
    const old = newDoc()
    Y.applyUpdate(old, previous!)
    expect(boardJson(old)).toBe(before)
    expect(await fetchPreviousBoard(workshop.id, participant, 7, (path, init) => fetch(`${server.url}${String(path)}`, init))).toBeNull()
  })
})

describe.each(STORE_KINDS)('a change the old board takes in while %s writes the new generation', (kind) => {
  it('is carried over into the new one, and the renewal ends', { timeout: 60_000 }, async () => {
    const server = await servers.server(await storage(kind))
    const workshop = await createWorkshop(server.url)
    const fiona = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.facilitator })
    servers.defer(() => fiona.destroy())
    await synced(fiona)
    const author = { participantId: randomId() }
    addSignal(fiona.doc, { title: 'Care robots' }, author)
    await waitFor(() => server.registry.withRoom(workshop.id, 'board', (room) => readBoard(room.doc).signals.size === 1), 5_000, 'the card stored')

    // As a message already on its way would: the old room takes a change while the store writes.
    const renewDoc = server.store.renewDoc.bind(server.store)
    server.store.renewDoc = async (...args) => {
      addSignal(server.registry.loaded(workshop.id, 'board')!.doc, { title: 'Landed during the switch' }, author)
      return renewDoc(...args)
    }
    expect((await renew(server, workshop.id, workshop.keys.facilitator)).status).toBe(200)

    const fresh = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.facilitator })
    servers.defer(() => fresh.destroy())
    await synced(fresh)
    expect(titles(fresh.doc)).toEqual(['Care robots', 'Landed during the switch'])
    // Stored in the new generation only as the carried-over change, never as an old one.
    const stored = newDoc()
    for (const update of (await server.store.load(workshop.id, 'board')).updates) Y.applyUpdate(stored, update)
    expect(titles(stored)).toEqual(['Care robots', 'Landed during the switch'])
    expect(stored.store.pendingStructs).toBeNull()
  })
})

describe('what an app had not sent when the board started afresh', () => {
  it('is carried over into the new generation, with what others did since kept, and nothing twice', { timeout: 60_000 }, async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const { facilitator } = workshop.keys
    const viaServer = (path: string | URL | Request, init?: RequestInit) => fetch(`${server.url}${String(path)}`, init)
    const author = { participantId: randomId() }

    // Anna's app syncs the board, generation 0, with three cards on it.
    const annaCopy = newDoc()
    const anna = appBoard(server, workshop.id, facilitator, annaCopy, offeredGeneration(annaCopy, null))
    await waitFor(() => anna.connection.getState().synced, 10_000, 'Anna synced')
    const [kept, edited, doomed] = ['Care robots', 'Four-day week', 'Heat waves'].map((title) => addSignal(annaCopy, { title }, author))
    // And a story begun, one paragraph long.
    const { storyId } = createStory(annaCopy, { title: 'Aino, 2040' }, author)
    const paragraphOf = (doc: Y.Doc) => (getStoryBody(doc, storyId)!.get(0) as Y.XmlElement).get(0) as Y.XmlText
    annaCopy.transact(() => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Aino wakes up in a quiet town.')])
      getStoryBody(annaCopy, storyId)!.insert(0, [paragraph])
    }, LOCAL_ORIGIN)
    await waitFor(() => anna.connection.getState().pending === 0, 5_000, 'the cards saved')

    // Her network drops; she goes on working.
    anna.connection.destroy()
    const offline = addSignal(annaCopy, { title: 'Library of things' }, author)
    updateSignal(annaCopy, edited!, { title: 'Four-day week in care' })
    deleteSignal(annaCopy, doomed!)
    paragraphOf(annaCopy).insert('Aino wakes up'.length, ' early')

    // Meanwhile the facilitator starts the board afresh, and Ben adds a card to the new one.
    expect((await renew(server, workshop.id, facilitator)).status).toBe(200)
    const ben = connectClient(server.wsUrl, workshop.id, 'board', { key: facilitator })
    servers.defer(() => ben.destroy())
    await synced(ben)
    addSignal(ben.doc, { title: 'Heat pumps' }, author)
    paragraphOf(ben.doc).insert('Aino wakes up in a quiet'.length, ', green')

    // Back online, her copy (generation 0) is refused; the app sets her changes aside, loads the
    // new generation and writes them into it.
    const back = appBoard(server, workshop.id, facilitator, annaCopy, offeredGeneration(annaCopy, anna.told.at(-1) ?? null))
    await waitFor(() => closedWith(back.connection) === CloseCode.renewed, 5_000, 'the old copy refused')
    const carry = prepareCarryOver(annaCopy, await fetchPreviousBoard(workshop.id, facilitator, 0, viaServer))
    const renewed = newDoc()
    const moved = appBoard(server, workshop.id, facilitator, renewed, offeredGeneration(renewed, null))
    await waitFor(() => moved.connection.getState().synced, 10_000, 'the new generation synced')
    expect(carry(renewed)).toBeGreaterThan(0)

    const expected = ['Care robots', 'Four-day week in care', 'Heat pumps', 'Library of things']
    await waitFor(() => titles(ben.doc).join() === expected.join(), 10_000, 'the carried changes at Ben’s')
    expect(readBoard(ben.doc).signals.has(kept!)).toBe(true)
    expect(readBoard(ben.doc).signals.has(offline)).toBe(true)
    // The paragraph both wrote in has both their words, each once.
    await waitFor(() => paragraphOf(ben.doc).toString() === 'Aino wakes up early in a quiet, green town.', 5_000, 'the story merged at Ben’s')
    await waitFor(() => moved.connection.getState().pending === 0, 5_000, 'the carried changes saved')
    const check = connectClient(server.wsUrl, workshop.id, 'board', { key: facilitator })
    servers.defer(() => check.destroy())
    await synced(check)
    expect(titles(check.doc)).toEqual(expected)
  })
})
