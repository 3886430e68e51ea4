import { readText, writableText } from './support/probe.ts'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../shared/protocol.ts'
import { connectClient, synced } from './support/clients.ts'
import { createWorkshop, waitFor, type TestServerOptions } from './support/server.ts'
import { useServers, type TestServer } from './support/fixture.ts'

const servers = useServers()

/** A server (with `options`) and a workshop on it, with a participant typing into the board's probe text. */
async function typist(options: TestServerOptions) {
  const server = await servers.server(options)
  const workshop = await createWorkshop(server.url)
  const writer = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
  await synced(writer)
  return { server, workshop, writer, text: writableText(writer.doc), room: () => server.registry.loaded(workshop.id, 'board')! }
}

/** The size limit of the boards in `facilitatorOnSmallBoard`. */
const LIMIT = 64 * 1024

/** A server whose boards hold `LIMIT` bytes, a workshop on it, and its facilitator on the board. */
async function facilitatorOnSmallBoard() {
  const server = await servers.server({ limits: { maxDocBytes: LIMIT } })
  const workshop = await createWorkshop(server.url)
  const facilitator = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.facilitator })
  await synced(facilitator)
  return { server, workshop, facilitator, signals: facilitator.doc.getMap('signals'), room: () => server.registry.loaded(workshop.id, 'board')! }
}

/** The board's probe text as the store holds it, and how long its log is. */
async function stored(server: TestServer, workshopId: string): Promise<{ text: string; logLength: number }> {
  const { updates, logLength } = await server.store.load(workshopId, 'board')
  const reloaded = new Y.Doc()
  for (const update of updates) Y.applyUpdate(reloaded, update)
  return { text: readText(reloaded), logLength }
}

/** A counter's value from the server's /metrics. */
async function metric(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1])
}

/** A raw socket, to send what no well-behaved client would. */
async function rawSocket(url: string): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(url)
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  servers.defer(() => ws.terminate())
  return { ws, closed }
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('bad input on the sync endpoint', () => {
  const cases: [string, (valid: Uint8Array) => Uint8Array | string, number][] = [
    ['malformed bytes', () => new Uint8Array([0, 2, 200, 255, 255, 255, 255, 15, 1, 2, 3]), CloseCode.badMessage],
    ['a truncated message', (valid) => valid.subarray(0, Math.floor(valid.length / 2)), CloseCode.badMessage],
    ['an unknown message type', () => new Uint8Array([77, 1, 2]), CloseCode.badMessage],
    ['a text frame', () => 'hello', CloseCode.badMessage],
    ['an oversize message', () => new Uint8Array(64 * 1024 + 1), 1009],
  ]

  for (const [name, makeBad, expectedCode] of cases) {
    it(`${name}: the sender is closed, others keep syncing, the store holds no garbage`, async () => {
      const server = await servers.server({ limits: { maxMessageBytes: 64 * 1024 } })
      const workshop = await createWorkshop(server.url)
      const key = workshop.keys.participant
      const a = connectClient(server.wsUrl, workshop.id, 'board', { key })
      const b = connectClient(server.wsUrl, workshop.id, 'board', { key })
      servers.defer(
        () => a.destroy(),
        () => b.destroy(),
      )
      await synced(a, b)

      const source = new Y.Doc()
      writableText(source).insert(0, 'A perfectly valid sentence that gets cut in half.')
      const valid = syncUpdateFrame(Y.encodeStateAsUpdate(source))
      const attacker = await rawSocket(`${server.wsUrl}/${workshop.id}/board?key=${key}`)
      attacker.ws.send(makeBad(valid))
      const closed = await attacker.closed
      expect(closed.code).toBe(expectedCode)

      a.doc.getMap('signals').set('after', 'still syncing')
      await waitFor(() => b.doc.getMap('signals').get('after') === 'still syncing')
      expect(readText(b.doc)).not.toContain('cut in half')
      await server.registry.settle()

      const stored = await server.store.load(workshop.id, 'board')
      const reloaded = new Y.Doc()
      for (const update of stored.updates) Y.applyUpdate(reloaded, update)
      expect(reloaded.getMap('signals').get('after')).toBe('still syncing')
      expect(readText(reloaded)).toBe('')
      expect(reloaded.store.pendingStructs).toBeNull()
      const metrics = await (await fetch(`${server.url}/metrics`)).text()
      expect(metrics).toMatch(/s2s_rejected_messages_total\{reason="(bad_message|too_large)"\} [1-9]/)
    })
  }
})

describe('rooms in memory', () => {
  it('unload when idle and reload intact', async () => {
    const server = await servers.server({ tuning: { roomIdleMs: 50 } })
    const workshop = await createWorkshop(server.url)
    const key = { key: workshop.keys.participant }
    const writer = connectClient(server.wsUrl, workshop.id, 'board', key)
    await synced(writer)
    writableText(writer.doc).insert(0, 'Aino wakes up in 2040.')
    await waitFor(() => readText(server.registry.loaded(workshop.id, 'board')?.doc).length === 22)
    writer.destroy()

    await waitFor(() => server.registry.loaded(workshop.id, 'board') === undefined, 5_000, 'the idle room to unload')
    expect(server.metrics.rooms).toBe(server.registry.size)
    const stored = await server.store.load(workshop.id, 'board')
    expect(stored.logLength).toBe(0) // compacted into one snapshot on the way out

    const reader = servers.client(server.wsUrl, workshop.id, 'board', key)
    await synced(reader)
    await waitFor(() => readText(reader.doc) === 'Aino wakes up in 2040.')
  })

  it('compacts the update log past the threshold', async () => {
    const { server, workshop, text, room } = await typist({ tuning: { compactAfterUpdates: 20, compactAtMostEveryMs: 0 } })
    for (let i = 0; i < 60; i++) {
      text.insert(text.length, `${i} `)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    await waitFor(() => readText(room().doc).length === text.length)
    await server.registry.settle()
    const { logLength, text: storedText } = await stored(server, workshop.id)
    expect(logLength).toBeLessThanOrEqual(20)
    expect(storedText).toBe(text.toString())
  })

  it('compacts a room at most so often, however fast small updates come', async () => {
    const { server, workshop, text, room } = await typist({ tuning: { compactAfterUpdates: 20, compactAtMostEveryMs: 60_000 } })
    for (let i = 0; i < 100; i++) {
      text.insert(text.length, `${i} `)
      await waitFor(() => readText(room().doc).length === text.length, 5_000, 'the letters')
      await server.registry.settle()
    }
    // Every 20 updates before: 4 of these 100. Now one, then none for a minute; nothing lost.
    expect(await metric(server, 's2s_compactions_total')).toBe(1)
    expect((await stored(server, workshop.id)).text).toBe(text.toString())
  })
})

describe('resource limits', () => {
  it('closes connections past the per-address limit with a reason, and keeps the others', async () => {
    const server = await servers.server({ limits: { maxConnectionsPerIp: 2 } })
    const workshop = await createWorkshop(server.url)
    const key = { key: workshop.keys.participant }
    const a = connectClient(server.wsUrl, workshop.id, 'board', key)
    const b = connectClient(server.wsUrl, workshop.id, 'board', key)
    servers.defer(
      () => a.destroy(),
      () => b.destroy(),
    )
    await synced(a, b)
    const third = await rawSocket(`${server.wsUrl}/${workshop.id}/board?key=${workshop.keys.participant}`)
    expect(await third.closed).toEqual({ code: CloseCode.busy, reason: 'too many connections from this address' })
    a.doc.getMap('signals').set('k', 'v')
    await waitFor(() => b.doc.getMap('signals').get('k') === 'v')
  })

  it('refuses a new document when the room limit is reached and none is idle', async () => {
    const server = await servers.server({ limits: { maxRoomsInMemory: 2 } })
    const first = await createWorkshop(server.url)
    const second = await createWorkshop(server.url)
    const board = connectClient(server.wsUrl, first.id, 'board', { key: first.keys.participant })
    const control = connectClient(server.wsUrl, first.id, 'control', { key: first.keys.participant })
    servers.defer(
      () => board.destroy(),
      () => control.destroy(),
    )
    await synced(board, control)
    const refused = await rawSocket(`${server.wsUrl}/${second.id}/board?key=${second.keys.participant}`)
    expect((await refused.closed).code).toBe(CloseCode.busy)
    expect(server.registry.size).toBe(2)
    board.doc.getMap('signals').set('still', 'working')
    await waitFor(() => server.registry.loaded(first.id, 'board')?.doc.getMap('signals').get('still') === 'working')
  })
})

describe('presence limits', () => {
  function awarenessFrame(clientId: number, clock: number, state: object): Uint8Array {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    const outer = encoding.createEncoder()
    encoding.writeVarUint(outer, 1)
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
    return encoding.toUint8Array(outer)
  }

  it('smooths a fast caret without cutting it off, and the newest state arrives', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const watcher = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(watcher)
    const typist = await rawSocket(`${server.wsUrl}/${workshop.id}/board?key=${workshop.keys.participant}`)
    // 80 caret moves a second for three seconds: above the sustained budget, below a flood.
    for (let clock = 1; clock <= 240; clock++) {
      typist.ws.send(awarenessFrame(4242, clock, { user: { name: 'Fast typist' }, cursor: clock }))
      await new Promise((resolve) => setTimeout(resolve, 12))
    }
    await waitFor(() => watcher.provider.awareness.getStates().get(4242)?.cursor === 240, 5_000, 'the newest caret position')
    expect(typist.ws.readyState).toBe(WebSocket.OPEN)
  })

  it('closes a presence flood with a clear reason; others are unaffected', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const a = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    const b = connectClient(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    servers.defer(
      () => a.destroy(),
      () => b.destroy(),
    )
    await synced(a, b)
    const flooder = await rawSocket(`${server.wsUrl}/${workshop.id}/board?key=${workshop.keys.participant}`)
    for (let clock = 1; clock <= 1000; clock++) flooder.ws.send(awarenessFrame(777, clock, { user: { name: 'Flood' } }))
    expect(await flooder.closed).toEqual({ code: CloseCode.rateLimited, reason: 'presence flood: over 300 updates a second' })
    a.doc.getMap('signals').set('after', 'the flood')
    await waitFor(() => b.doc.getMap('signals').get('after') === 'the flood')
  })
})

describe('document size limit', () => {
  it('refuses writes to a document grown past the limit by slow appends, with a clear close; reading still works', async () => {
    const server = await servers.server({ limits: { maxDocBytes: 64 * 1024 } })
    const workshop = await createWorkshop(server.url)
    const writer = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant, ext: '1' })
    await synced(writer)
    const text = writableText(writer.doc)
    // 8 KiB at a time, like a slow paste loop: the tenth append crosses 64 KiB.
    for (let i = 0; i < 10 && writer.closes.length === 0; i++) {
      text.insert(text.length, 'x'.repeat(8 * 1024))
      await new Promise((resolve) => setTimeout(resolve, 30))
    }
    await waitFor(() => writer.closes.some((c) => c.code === CloseCode.rateLimited), 5_000, 'the writer to be stopped')
    expect(writer.closes.find((c) => c.code === CloseCode.rateLimited)?.reason).toBe('document size limit reached')
    const reader = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(reader)
    expect(readText(reader.doc).length).toBeGreaterThan(0)
    expect(readText(reader.doc).length).toBeLessThanOrEqual(64 * 1024)
  })

  it('frees room for participants at once when a facilitator cleans up a full document', async () => {
    const { server, workshop, signals, room } = await facilitatorOnSmallBoard()
    // Past the limit, within the facilitator's margin.
    signals.set('big', 'x'.repeat(LIMIT + 1024))
    await waitFor(() => room().doc.getMap('signals').has('big'), 5_000, 'the big value')
    const first = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(first)
    first.doc.getMap('signals').set('card', 'x'.repeat(1024))
    await waitFor(() => first.closes.length > 0, 5_000, 'the participant to be refused')
    expect(first.closes[0]).toEqual({ code: CloseCode.rateLimited, reason: 'document size limit reached' })
    // The facilitator deletes it; a participant's card fits again, without waiting.
    signals.delete('big')
    await waitFor(() => !room().doc.getMap('signals').has('big'), 5_000, 'the deletion')
    await server.registry.settle()
    const second = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
    await synced(second)
    second.doc.getMap('signals').set('card', 'x'.repeat(1024))
    await waitFor(() => room().doc.getMap('signals').has('card') || second.closes.length > 0, 5_000, 'the card')
    expect(second.closes).toEqual([])
  })

  it('measures a document over the limit only when a deletion may have made room', async () => {
    const { server, workshop, signals, room } = await facilitatorOnSmallBoard()
    signals.set('big', 'x'.repeat(LIMIT + 1024))
    await waitFor(() => room().doc.getMap('signals').has('big'), 5_000, 'the big value')
    /** A participant's card, refused: the document is full. */
    const refusedCard = async () => {
      const participant = servers.client(server.wsUrl, workshop.id, 'board', { key: workshop.keys.participant })
      await synced(participant)
      participant.doc.getMap('signals').set('card', 'x'.repeat(100))
      await waitFor(() => participant.closes.length > 0, 5_000, 'the card to be refused')
      expect(participant.closes[0]?.reason).toBe('document size limit reached')
    }
    await refusedCard()
    const measuredOnce = await metric(server, 's2s_size_measures_total')
    // The facilitator's small changes fit the margin: none measures the document (each did before).
    for (let i = 0; i < 15; i++) {
      signals.set(`note ${i}`, 'n')
      await waitFor(() => room().doc.getMap('signals').has(`note ${i}`), 5_000, 'the note')
    }
    for (let i = 0; i < 15; i++) {
      signals.delete(`note ${i}`)
      await waitFor(() => !room().doc.getMap('signals').has(`note ${i}`), 5_000, 'the deletion')
    }
    await server.registry.settle()
    expect(await metric(server, 's2s_size_measures_total')).toBe(measuredOnce)
    // Something was deleted since: the next card measures once, and still does not fit.
    await refusedCard()
    expect(await metric(server, 's2s_size_measures_total')).toBe(measuredOnce + 1)
    // Nothing deleted since that measure: refused again without one.
    await refusedCard()
    expect(await metric(server, 's2s_size_measures_total')).toBe(measuredOnce + 1)
    expect(await metric(server, 's2s_compactions_total')).toBeLessThanOrEqual(1)
  })

  it("never refuses a participant who writes nothing, though a reconnect's answer carries every deletion again", async () => {
    const { server, workshop, facilitator, signals, room } = await facilitatorOnSmallBoard()
    // Over the limit, with deletions in its history.
    for (let i = 0; i < 20; i++) signals.set(`note ${i}`, 'n')
    for (let i = 0; i < 20; i += 2) signals.delete(`note ${i}`)
    signals.set('big', 'x'.repeat(LIMIT + 1024))
    await waitFor(() => room().doc.getMap('signals').has('big'), 5_000, 'the big value')
    await server.registry.settle()
    const measures = await metric(server, 's2s_size_measures_total')
    // What y-websocket answers the server's step 1 with when it has everything: no structs, and
    // the document's whole delete set (ten ranges).
    const answer = Y.encodeStateAsUpdate(facilitator.doc, Y.encodeStateVector(room().doc))
    expect(Y.decodeUpdate(answer).structs).toEqual([])
    expect(Y.decodeUpdate(answer).ds.clients.size).toBeGreaterThan(0)
    const participant = await rawSocket(`${server.wsUrl}/${workshop.id}/board?key=${workshop.keys.participant}`)
    const answered = new Promise<void>((resolve) => participant.ws.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve()))
    participant.ws.send(syncUpdateFrame(answer))
    // A marker: the server answers a step 1 only once it has handled what came before it.
    const stepOne = encoding.createEncoder()
    encoding.writeVarUint(stepOne, 0)
    encoding.writeVarUint(stepOne, 0)
    encoding.writeVarUint8Array(stepOne, Y.encodeStateVector(facilitator.doc))
    participant.ws.send(encoding.toUint8Array(stepOne))
    await answered
    expect(participant.ws.readyState).toBe(WebSocket.OPEN)
    // Nothing to store, check or measure (before: 4429 "document size limit reached").
    expect(await metric(server, 's2s_size_measures_total')).toBe(measures)
  })

  it('measures a document just under the limit now and then, not on every small change', async () => {
    // Measuring encodes the whole document: ~200 ms of the server's one thread at the default 8 MiB.
    const limit = 64 * 1024
    const { server, writer, text, room } = await typist({ limits: { maxDocBytes: limit } })
    // Content a few changes short of the limit (the writer's document is the server's).
    text.insert(0, 'x')
    text.insert(1, 'x'.repeat(limit - 200 - Y.encodeStateAsUpdate(writer.doc).byteLength))
    // Then a letter typed and taken back, fifty times, each stored before the next (as a person
    // types): the content stays where it is.
    for (let i = 0; i < 50 && writer.closes.length === 0; i++) {
      text.insert(text.length, 'a')
      await waitFor(() => readText(room().doc).endsWith('a'), 5_000, 'the letter')
      text.delete(text.length - 1, 1)
      await waitFor(() => readText(room().doc).endsWith('x'), 5_000, 'the letter taken back')
      await server.registry.settle()
    }
    expect(writer.closes).toEqual([])
    const measures = await metric(server, 's2s_size_measures_total')
    // Before, every tenth of these 100 changes measured it (10 measures: 2 s at 8 MiB). Now once a
    // sixteenth of the limit is stored since, or after a few seconds.
    expect(measures).toBeGreaterThanOrEqual(1)
    expect(measures).toBeLessThanOrEqual(2)
    expect(Y.encodeStateAsUpdate(room().doc).byteLength).toBeLessThanOrEqual(limit)
  })
})
