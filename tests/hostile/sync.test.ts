import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { awarenessMessage, orphanUpdate, queryAwarenessMessage, siblingBomb, syncStep1Message, updateMessage } from './support/attacks.ts'
import { closeWithin, expectLoopBounded, openArena, rawSocket, reading, refusals, rssMiB, waitFor, watchHealth, type Arena } from './support/harness.ts'

/**
 * Findings 1–3, 8 and 9 of the hostile probe, each against a real server in a child process,
 * with /healthz polled from a third process throughout. Figures are printed for the README.
 */
/**
 * Before these fixes the same attacks blocked the loop for seconds or for good. Asserted after each
 * (`expectLoopBounded`): /healthz answered every poll, and no event-loop turn since the server
 * started took 200 ms of CPU. The wall-clock latency is printed, not asserted: on a shared,
 * loaded machine it measures the machine.
 */
/**
 * The budget tests send updates far over the default struct limit (5,000), which makes each
 * costly on any machine: the limit is raised for them (stock clients, which send whatever they hold
 * in one update, are also how they send it). They send them without a participant identity, so
 * all of them share one writing allowance (tests/hostile/tombstones.test.ts): raised out of the way.
 */
const BULK = { MAX_STRUCTS_PER_UPDATE: '20000', WRITE_BURST_PER_PERSON: '100000000', WRITE_BURST_PER_WORKSHOP: '100000000' }

describe('hostile messages on the sync socket', { timeout: 60_000 }, () => {
  let arena: Arena
  const clients: TestClient[] = []
  beforeAll(async () => {
    arena = await openArena()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await arena.close()
  })

  /** A writer in the other workshop whose change must still arrive while the attack runs. */
  async function bystanderStillWrites(label: string, where: Arena = arena): Promise<void> {
    const writer = connectClient(where.server.wsUrl, where.bystander.id, 'board', { key: where.bystander.keys.participant })
    const reader = connectClient(where.server.wsUrl, where.bystander.id, 'board', { key: where.bystander.keys.participant })
    clients.push(writer, reader)
    await synced(writer, reader)
    writer.doc.getMap('signals').set(label, 'still here')
    await waitFor(() => reader.doc.getMap('signals').get(label) === 'still here', 5_000, `the bystander's ${label}`)
  }

  it('1: inserts from thousands of invented writers at one position are refused before they are applied', async () => {
    // Built before the clock starts: making them is the attacker's work, not the server's.
    const bomb = updateMessage(siblingBomb(2000))
    const thin = Array.from({ length: 60 }, (_, i) => updateMessage(siblingBomb(16, 2_000_000 + i * 16)))
    const health = await watchHealth(arena.server.url)
    const attacker = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    attacker.send(bomb)
    expect(await attacker.closed).toEqual({ code: CloseCode.badMessage, reason: 'update refused: over 16 writers at one position' })
    // Spread thin (16 writers per update, as many as the per-update cap allows), the document's own count stops it.
    const patient = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    for (const message of thin) if (patient.ws.readyState === patient.ws.OPEN) patient.send(message)
    expect(await patient.closed).toEqual({ code: CloseCode.badMessage, reason: 'update refused: over 400 writers at one position in all' })
    await bystanderStillWrites('after-bomb')
    await expectLoopBounded('finding 1', health, arena.server.url)
  })

  it('2: a flood of refused writes from the screen key is answered cheaply and closed', async () => {
    const health = await watchHealth(arena.server.url)
    const refusedBefore = await refusals(arena.server.url, 'write_forbidden')
    const screen = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.screen)
    const doc = new Y.Doc()
    for (let i = 0; i < 2000 && screen.ws.readyState === screen.ws.OPEN; i++) {
      doc.getMap('signals').set('x', i)
      screen.send(updateMessage(Y.encodeStateAsUpdate(doc)))
    }
    expect(await screen.closed).toEqual({ code: CloseCode.rateLimited, reason: 'too many refused writes' })
    // Each answered once ("permission denied"), within a burst of 20 (refilled at 2 a second while
    // they are read); the next closes the socket. Before: all 2,000, each with a snapshot of the board.
    const refused = (await refusals(arena.server.url, 'write_forbidden')) - refusedBefore
    console.log(`finding 2: ${refused} refused writes counted before the close`)
    expect(refused).toBeGreaterThanOrEqual(21)
    expect(refused).toBeLessThanOrEqual(25)
    await bystanderStillWrites('after-refusals')
    await expectLoopBounded('finding 2', health, arena.server.url)
  })

  it('3: a reader that stops reading while asking for everything is cut off at its send limit; memory stays bounded', async () => {
    // Something to ask for: 2 MB on the board (the facilitator's: a participant's allowance takes about 1 MiB of content at once).
    const writer = connectClient(arena.server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.facilitator })
    clients.push(writer)
    await synced(writer)
    writer.doc.getMap('signals').set('bulk', 'x'.repeat(1_000_000))
    writer.doc.getMap('signals').set('bulk2', 'y'.repeat(1_000_000))
    await waitFor(() => writer.provider.synced, 5_000)
    const before = rssMiB(arena.server.process.pid!)
    const cutOffBefore = await refusals(arena.server.url, 'slow_reader')
    const health = await watchHealth(arena.server.url)
    const reader = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.screen)
    reading(reader, false)
    // Eighteen requests, within the request limit (a burst of 20): 36 MB of answers for a reader
    // that reads none of them. The kernel's buffers hold a few MB; past that the server's queue
    // grows, and at 8 MiB (MAX_SEND_BUFFER_BYTES) the server lets go of the socket.
    for (let i = 0; i < 18; i++) reader.send(syncStep1Message())
    await waitFor(async () => (await refusals(arena.server.url, 'slow_reader')) > cutOffBefore, 30_000, 'the slow reader to be cut off')
    reading(reader, true)
    // Cut off, not closed: a close frame would only join the queue it does not read.
    expect((await reader.closed).code).toBe(1006)
    const grown = rssMiB(arena.server.process.pid!) - before
    console.log(`finding 3: a reader that stopped reading was cut off; server memory grew ${grown} MiB`)
    // RSS, not the heap: what was encoded before the cut waits for a collection. Measured
    // +20–67 MiB (was +217 MiB and growing with every request); the bound is the order of that.
    expect(grown).toBeLessThan(96)

    // Presence requests that do not stop at the limit: closed at the twenty-first.
    const asker = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.screen)
    for (let i = 0; i < 40; i++) asker.send(queryAwarenessMessage())
    expect(await asker.closed).toEqual({ code: CloseCode.rateLimited, reason: 'too many presence requests' })
    // A presence state of 100 KB is refused.
    const big = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    big.send(awarenessMessage(424242, 1, { user: { name: 'x'.repeat(100_000) } }))
    expect((await big.closed).code).toBe(CloseCode.badMessage)
    await bystanderStillWrites('after-slow-reader')
    // Each request costs a full encoding of the 2 MB board; they are answered a slice per turn.
    await expectLoopBounded('finding 3', health, arena.server.url)
  })

  it('8: an orphan update charges only its sender; an innocent writer types on past a megabyte', { timeout: 60_000 }, async () => {
    const health = await watchHealth(arena.server.url)
    const orphan = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    orphan.send(updateMessage(orphanUpdate()))
    // The facilitator types: a participant's writing allowance takes about 1 MiB of content at once.
    const writer = connectClient(arena.server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.facilitator })
    const reader = connectClient(arena.server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.participant })
    clients.push(writer, reader)
    await synced(writer, reader)
    const text = new Y.Text()
    writer.doc.getMap('signals').set('typing', text)
    // Past the 1 MiB that used to get every writer closed, in paragraphs of 8 KiB.
    for (let i = 0; i < 140; i++) text.insert(text.length, 'z'.repeat(8192))
    await waitFor(() => (reader.doc.getMap('signals').get('typing') as Y.Text | undefined)?.length === 140 * 8192, 40_000, 'the typing to arrive')
    expect(writer.closes).toEqual([])
    expect(orphan.ws.readyState).toBe(orphan.ws.OPEN)
    // Not an attack: an honest 1.1 MiB burst. The server reads up to 2 MiB from one socket at once
    // (libuv's read loop); its messages are handled a slice per turn (server/sync/inbox.ts).
    await expectLoopBounded('finding 8', health, arena.server.url)
  })

  it("10: changes that wait on a change that never comes are kept within the sender's budget, then the sender is closed", async () => {
    const health = await watchHealth(arena.server.url)
    // Writer 9's first change is never sent; each later one (8 KB each) waits on it. Every new one
    // is merged with what waits (it may be what they lack): all of it once cost a merge of the
    // room's whole backlog per update (850 ms at 100 MB). Now it is the sender's, within 64 KiB.
    const doc = new Y.Doc()
    doc.clientID = 9
    doc.getMap('signals').set('never sent', 1)
    const waiting = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    const writer = connectClient(arena.server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.participant })
    const reader = connectClient(arena.server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.participant })
    clients.push(writer, reader)
    await synced(writer, reader)
    let sent = 0
    for (; sent < 40 && waiting.ws.readyState === waiting.ws.OPEN; sent++) {
      const before = Y.encodeStateVector(doc)
      doc.getMap('signals').set(`waits ${sent}`, 'w'.repeat(8_000))
      const answers = waiting.received.length
      waiting.send(updateMessage(Y.encodeStateAsUpdate(doc, before)))
      // Answered (sync step 2) once the server has handled the update, or closed for it.
      waiting.send(syncStep1Message())
      // Someone else types meanwhile: their changes land, and are never merged with the sender's.
      writer.doc.getMap('signals').set(`typed ${sent}`, 'a card')
      await waitFor(() => reader.doc.getMap('signals').has(`typed ${sent}`), 5_000, `card ${sent}`)
      await waitFor(
        () => waiting.ws.readyState !== waiting.ws.OPEN || waiting.received.slice(answers).some((m) => m[0] === 0 && m[1] === 1),
        5_000,
        `update ${sent} handled`,
      )
    }
    expect(await waiting.closed).toEqual({ code: CloseCode.badMessage, reason: 'malformed message: updates depend on changes this document does not have' })
    console.log(`finding 10: the sender of changes waiting on a missing one was closed after ${sent} of 8 KB`)
    // 64 KiB of waiting changes, and one more.
    expect(sent).toBe(9)
    expect(writer.closes).toEqual([])
    await bystanderStillWrites('after-waiting')
    await expectLoopBounded('finding 10', health, arena.server.url)
  })

  it('a change that arrives before the change it builds on is kept and lands once that one comes', async () => {
    const writer = new Y.Doc()
    const text = new Y.Text()
    writer.getMap('signals').set('order', text)
    const first = Y.encodeStateAsUpdate(writer)
    const before = Y.encodeStateVector(writer)
    text.insert(0, 'words ')
    text.insert(6, 'in order')
    const second = Y.encodeStateAsUpdate(writer, before)
    const reader = connectClient(arena.server.wsUrl, arena.target.id, 'board', { key: arena.target.keys.participant })
    clients.push(reader)
    await synced(reader)
    const sender = await rawSocket(arena.server, arena.target.id, 'board', arena.target.keys.participant)
    sender.send(updateMessage(second))
    sender.send(updateMessage(first))
    await waitFor(() => (reader.doc.getMap('signals').get('order') as Y.Text | undefined)?.toString() === 'words in order', 10_000, 'both changes')
    expect(sender.ws.readyState).toBe(sender.ws.OPEN)
  })

  it('an update that is costly to apply is charged to its sender; everyday edits never are', async () => {
    // 20 ms of the sender's own CPU beyond the 10 free per update: the first costly update empties
    // it (50-90 ms of main-thread CPU each on the test machine; the third, on one three times as fast),
    // while an everyday edit (under 3 ms there, also under load) would need a 30 ms pause of the
    // main thread inside its own apply. What other threads spend meanwhile (V8's collector, the
    // load pool) is not the writer's: counted, it closed the writer under load, with 4429, for good.
    const strict = await openArena({ INTEGRATION_MS_PER_10S: '20', ...BULK })
    try {
      const writer = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
      const reader = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
      clients.push(writer, reader)
      await synced(writer, reader)
      const signals = writer.doc.getMap('signals')
      for (let i = 0; i < 200; i++) signals.set(`card-${i % 20}`, `typed ${i}`)
      // 20,000 new entries per update (the raised struct limit): each takes Yjs well over 10 ms.
      const costly = Array.from({ length: 3 }, (_, round) => {
        const doc = new Y.Doc()
        doc.transact(() => {
          for (let i = 0; i < 20_000; i++) doc.getMap('signals').set(`bulk-${round}-${i}`, i)
        })
        return updateMessage(Y.encodeStateAsUpdate(doc))
      })
      const bulk = await rawSocket(strict.server, strict.target.id, 'board', strict.target.keys.participant)
      for (const message of costly) if (bulk.ws.readyState === bulk.ws.OPEN) bulk.send(message)
      expect(await closeWithin(bulk, 30_000)).toEqual({ code: CloseCode.slowDown, reason: 'updates cost too much work; slow down' })
      // Closed, even for a moment, the writer's edits would wait for its reconnect.
      expect(writer.closes).toEqual([])
      signals.set('after', 'still typing')
      // Seen by someone who joins now: the first bulk update was admitted, and a reader that was
      // there applies its 20,000 entries first (slow on a loaded machine).
      const latecomer = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
      clients.push(latecomer)
      await waitFor(() => latecomer.doc.getMap('signals').get('after') === 'still typing', 30_000, 'the edit after the bulk updates')
      expect(writer.closes).toEqual([])
    } finally {
      await strict.close()
    }
  })

  it('a writer closed for costly updates comes back by itself and sends what it had not', async () => {
    const strict = await openArena({ INTEGRATION_MS_PER_10S: '5', ...BULK })
    try {
      const writer = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
      clients.push(writer)
      await synced(writer)
      // A stock y-websocket client: three 6,000-entry changes (a pasted board, say), each over the
      // free 10 ms; the budget closes it after the first. What it had not sent then (12,000 entries)
      // goes in one update when it is back: the (raised) struct limit must allow it.
      const signals = writer.doc.getMap('signals')
      for (let round = 0; round < 3; round++) {
        writer.doc.transact(() => {
          for (let i = 0; i < 6_000; i++) signals.set(`bulk-${round}-${i}`, i)
        })
      }
      await waitFor(() => writer.closes.length > 0, 30_000, 'the budget to close the writer')
      expect(writer.closes[0]).toEqual({ code: CloseCode.slowDown, reason: 'updates cost too much work; slow down' })
      signals.set('after', 'still typing')
      const latecomer = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
      clients.push(latecomer)
      const arrived = () => latecomer.doc.getMap('signals').get('after') === 'still typing' && latecomer.doc.getMap('signals').has('bulk-2-5999')
      await waitFor(arrived, 40_000, "the writer's changes after it came back")
      // Only ever asked to slow down: never a close that y-websocket takes as final (4400–4499).
      expect(writer.closes.filter(({ code }) => code !== CloseCode.slowDown)).toEqual([])
    } finally {
      await strict.close()
    }
  })

  it('an update refused after a costly check is charged like an applied one: resending it is no free work', async () => {
    const strict = await openArena({ INTEGRATION_MS_PER_10S: '20', ...BULK })
    try {
      // 19,000 entries the guard places (tens of ms), then one that speaks for another person:
      // refused whole, as a forgery, only at the end of the check.
      const forged = new Y.Doc()
      forged.transact(() => {
        for (let i = 0; i < 19_000; i++) forged.getMap('signals').set(`bulk-${i}`, i)
        forged.getMap('participants').set('someone-else', 'Mallory')
      })
      const message = updateMessage(Y.encodeStateAsUpdate(forged))
      const forger = await rawSocket(strict.server, strict.target.id, 'board', strict.target.keys.participant)
      // Far fewer than the refusal allowance (20 at once): a close now is the budget's.
      for (let i = 0; i < 6; i++) if (forger.ws.readyState === forger.ws.OPEN) forger.send(message)
      expect(await closeWithin(forger, 30_000)).toEqual({ code: CloseCode.slowDown, reason: 'updates cost too much work; slow down' })
    } finally {
      await strict.close()
    }
  })

  it('many sockets get one share: once a workshop or an address has spent it, costly updates wait and everyday edits go on', { timeout: 120_000 }, async () => {
    // Twenty sockets, each well within its own budget (1 s per 10 s), each sending one update of
    // 10,000 new entries (tens of ms, far more on a loaded machine). Alone, each is admitted.
    const costly = (n: number) => {
      const doc = new Y.Doc()
      doc.transact(() => {
        for (let i = 0; i < 10_000; i++) doc.getMap('signals').set(`bulk-${n}-${i}`, i)
      })
      return updateMessage(Y.encodeStateAsUpdate(doc))
    }
    const messages = Array.from({ length: 20 }, (_, n) => costly(n))
    for (const share of ['INTEGRATION_MS_PER_10S_PER_WORKSHOP', 'INTEGRATION_MS_PER_10S_PER_IP']) {
      // 50 ms per 10 s: the first costly update or two spend it.
      const strict = await openArena({ [share]: '50', ...BULK })
      try {
        // Per address, the attacker spreads the sockets over two workshops: one it has the
        // participant key of, and one it made itself, whose facilitator it is.
        const second = share.endsWith('_IP') ? await createWorkshop(strict.server.url, { title: 'Second' }) : strict.target
        const typist = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
        clients.push(typist)
        await synced(typist)
        const sockets = await Promise.all(
          messages.map((_, n) => {
            const workshop = n % 2 === 0 ? strict.target : second
            return rawSocket(strict.server, workshop.id, 'board', workshop === strict.target ? workshop.keys.participant : workshop.keys.facilitator)
          }),
        )
        // Each update, then a request for everything: its answer (sync step 2) says the update
        // before it was handled and admitted; a socket told to wait is closed instead.
        const outcomes = sockets.map(async (socket, n) => {
          socket.send(messages[n]!)
          socket.send(syncStep1Message())
          const answered = waitFor(() => socket.received.some((m) => m[0] === 0 && m[1] === 1), 60_000, 'an answer or a close').then(() => 'admitted' as const)
          return Promise.race([answered, socket.closed])
        })
        const closes = (await Promise.all(outcomes)).filter((outcome) => outcome !== 'admitted')
        const waited = closes.filter((close) => close.code === CloseCode.slowDown)
        // Everyday edits from the same workshop and address go on, and nobody else is closed.
        typist.doc.getMap('signals').set('typed', 'after the attack')
        const reader = connectClient(strict.server.wsUrl, strict.target.id, 'board', { key: strict.target.keys.participant })
        clients.push(reader)
        await waitFor(() => reader.doc.getMap('signals').get('typed') === 'after the attack', 30_000, `${share}: the typist's edit`)
        expect(typist.closes, share).toEqual([])
        // What got in, in both workshops: a few updates' worth before the share was spent.
        const readers = [reader]
        if (second !== strict.target) readers.push(connectClient(strict.server.wsUrl, second.id, 'board', { key: second.keys.participant }))
        clients.push(...readers)
        await synced(...readers)
        const admitted = messages.filter((_, n) => readers.some((r) => r.doc.getMap('signals').has(`bulk-${n}-0`))).length
        console.log(`${share}=50: ${admitted} of 20 costly updates admitted, ${waited.length} told to retry`)
        expect(admitted, share).toBeGreaterThanOrEqual(1)
        expect(admitted, share).toBeLessThanOrEqual(6)
        expect(closes, share).toHaveLength(20 - admitted)
        expect(waited, share).toHaveLength(20 - admitted)
        expect(waited[0], share).toEqual({ code: CloseCode.slowDown, reason: 'too much work from this workshop or address; retry shortly' })
        await bystanderStillWrites(share, strict)
      } finally {
        await strict.close()
      }
    }
  })

  it('9: churn does not fill the size budget: content counts, not the log', async () => {
    // The writing allowances out of the way: 2 MiB of content would wait for them.
    const churn = await openArena({ MAX_DOC_BYTES: String(256 * 1024), WRITE_BURST_PER_PERSON: '100000000', WRITE_BURST_PER_WORKSHOP: '100000000' })
    const health = await watchHealth(churn.server.url)
    try {
      const writer = connectClient(churn.server.wsUrl, churn.target.id, 'board', { key: churn.target.keys.participant })
      clients.push(writer)
      await synced(writer)
      const map = writer.doc.getMap('signals')
      // 2 MB of insert-and-delete, eight times the budget; the content stays a few bytes.
      for (let i = 0; i < 64; i++) {
        map.set('churn', 'c'.repeat(32 * 1024))
        map.delete('churn')
      }
      map.set('after', 'kept')
      const reader = connectClient(churn.server.wsUrl, churn.target.id, 'board', { key: churn.target.keys.participant })
      clients.push(reader)
      await waitFor(() => reader.doc.getMap('signals').get('after') === 'kept', 10_000, 'the last change')
      expect(writer.closes).toEqual([])
      await expectLoopBounded('finding 9', health, churn.server.url)
    } finally {
      await churn.close()
    }
  })
})
