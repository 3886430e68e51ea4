import { afterEach, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../shared/protocol.ts'
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
    // The facilitator's key: a participant's writing allowance takes about 1 MiB of content at once.
    const open = (url: string): TestClient => {
      const client = connectClient(url, workshop.id, 'board', { key: workshop.keys.facilitator })
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

/**
 * Issue 16's cold load: the first client of a cold 5 MB board is answered from the state the load
 * pool folded, before the server applies it to the room's document. Whatever arrives meanwhile
 * must land after the stored state: here a returning client's offline edits of stored cards,
 * which Yjs could not integrate into an empty document.
 */
describe('a cold 5 MB board', () => {
  it('reaches its first client whole, and a concurrent write made during the load reaches everyone and is stored', async () => {
    const data = tempDataDir()
    cleanups.push(() => data.remove())
    const first = await startTestServer({ dataDir: data.dir })
    const workshop = await createWorkshop(first.url)
    // The facilitator's key: a participant's writing allowance takes about 1 MiB of content at once.
    const open = (url: string, doc?: Y.Doc): TestClient => {
      const client = connectClient(url, workshop.id, 'board', { key: workshop.keys.facilitator }, doc)
      cleanups.push(() => client.destroy())
      return client
    }
    const writer = open(first.wsUrl)
    await synced(writer)
    const CARDS = 20
    for (let i = 0; i < CARDS; i++) {
      // 20 × 256 KB = 5 MB, each change under the message limit.
      writer.doc.getMap<string>('signals').set(`card-${i}`, `card ${i} `.padEnd(256 * 1024, 'heat waves reshape city life; '))
    }
    const witness = open(first.wsUrl)
    await waitFor(() => witness.doc.getMap('signals').size === CARDS, 30_000, 'the witness to have the whole board')
    // The returning client: the board as it had it, edited while the server was away.
    const returning = new Y.Doc()
    Y.applyUpdate(returning, Y.encodeStateAsUpdate(witness.doc))
    writer.destroy()
    witness.destroy()
    await first.close()
    returning.getMap('signals').delete('card-0')
    returning.getMap('signals').set('card-1', 'rewritten offline')

    const second = await startTestServer({ dataDir: data.dir })
    cleanups.push(() => second.close())
    // A third client's edit of stored cards, sent the moment its socket opens, while the server
    // is still loading the board, and never sent again: a bare socket, not a provider (whose
    // answer to our step 1 would repeat it and hide an edit dropped on the way).
    const during = new Y.Doc()
    Y.applyUpdate(during, Y.encodeStateAsUpdate(returning))
    const edit: Uint8Array[] = []
    during.on('update', (update: Uint8Array) => edit.push(update))
    during.transact(() => {
      during.getMap('signals').delete('card-2')
      during.getMap('signals').set('card-3', 'rewritten during the load')
    })
    during.destroy()

    // The bare socket opens the cold room and sends its edit at once, while the board loads; the
    // newcomer (who has nothing) and the editor (whose offline edits go in its answer to the
    // server's step 1) join during the load.
    const socket = new WebSocket(`${second.wsUrl}/${workshop.id}/board?key=${workshop.keys.participant}`)
    cleanups.push(() => socket.terminate())
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.once('open', () => {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.sync)
        syncProtocol.writeUpdate(encoder, edit[0]!)
        socket.send(encoding.toUint8Array(encoder), (error) => (error ? reject(error) : resolve()))
      })
    })
    const newcomer = open(second.wsUrl)
    const editor = open(second.wsUrl, returning)
    await synced(newcomer, editor)
    const expected = (doc: Y.Doc) => {
      const signals = doc.getMap<string>('signals')
      const cards = [...signals.keys()].filter((key) => key.startsWith('card-'))
      const edited = signals.get('card-1') === 'rewritten offline' && signals.get('card-3') === 'rewritten during the load'
      return cards.length === CARDS - 2 && !signals.has('card-0') && !signals.has('card-2') && edited
    }
    await waitFor(() => expected(newcomer.doc), 20_000, 'the newcomer to see the whole board with both edits')
    expect(String(newcomer.doc.getMap('signals').get(`card-${CARDS - 1}`))).toMatch(/^card 19 heat waves/)
    expect(expected(editor.doc)).toBe(true)
    // And the other way: the newcomer's first write reaches the editor.
    newcomer.doc.getMap('signals').set('after', 'written after the cold load')
    await waitFor(() => editor.doc.getMap('signals').get('after') === 'written after the cold load', 20_000, 'the editor to see it')

    // What the server holds and stored is the same: a client joining after a restart sees it all.
    newcomer.destroy()
    editor.destroy()
    await second.close()
    const third = await startTestServer({ dataDir: data.dir })
    cleanups.push(() => third.close())
    const late = open(third.wsUrl)
    await synced(late)
    expect(expected(late.doc)).toBe(true)
    expect(late.doc.getMap('signals').get('after')).toBe('written after the cold load')
  }, 120_000)
})
