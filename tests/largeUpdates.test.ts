import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../shared/doc/index.ts'
import { LOCAL_ORIGIN } from '../shared/doc/origin.ts'
import { countStructs } from '../shared/doc/structCount.ts'
import { CloseCode } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import { DEFAULT_LIMITS } from '../server/config.ts'
import { appConnection } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { waitFor } from './support/server.ts'

const servers = useServers()
const facilitator = { participantId: randomId() }
/** Cards in one change: over the server's struct limit for one update (about ten structs each). */
const CARDS = 800

function addCards(doc: Y.Doc, label: string): void {
  doc.transact(() => {
    for (let i = 0; i < CARDS; i++) addSignal(doc, { title: `${label} ${i}` }, facilitator)
  }, LOCAL_ORIGIN)
}

/** The app's own connection to the board, closed after the test. */
function app(doc: Y.Doc, server: { url: string }, workshop: { id: string; keys: { facilitator: string } }) {
  const connection = appConnection({ doc, workshopId: workshop.id, docName: 'board', key: workshop.keys.facilitator, origin: server.url })
  servers.defer(() => connection.destroy())
  return connection
}

describe('changes larger than the server admits in one update', () => {
  it('are refused whole from a stock client, and sent by the app in pieces: every card arrives', async () => {
    const { server, workshop, open } = await servers.workshop({ extensions: true })
    const made = new Y.Doc()
    addCards(made, 'pasted')
    expect(countStructs(Y.encodeStateAsUpdate(made), Number.POSITIVE_INFINITY)).toBeGreaterThan(DEFAULT_LIMITS.maxStructsPerUpdate)

    // A stock y-websocket client sends the change as it is: refused, for good.
    const stock = open('board', workshop.keys.facilitator)
    await waitFor(() => stock.provider.synced, 5_000, 'the stock client to sync')
    addCards(stock.doc, 'stock')
    await waitFor(() => stock.closes.length > 0, 10_000, 'the stock client to be refused')
    expect(stock.closes[0]).toEqual({ code: CloseCode.badMessage, reason: `update refused: over ${DEFAULT_LIMITS.maxStructsPerUpdate} structs in one update` })

    const doc = new Y.Doc()
    const connection = app(doc, server, workshop)
    await waitFor(() => connection.getState().synced, 5_000, 'the app to sync')
    addCards(doc, 'pasted')
    const reader = open('board', workshop.keys.facilitator)
    await waitFor(() => readBoard(reader.doc).signals.size === CARDS, 20_000, 'every pasted card at a reader')
    // Stored, as the app's "saved" count says, and never closed on the way.
    await waitFor(() => connection.getState().pending === 0, 10_000, 'the server to say it is all saved')
    expect(connection.getState()).toMatchObject({ status: 'connected', closeCode: null })
  })

  it('an afternoon offline: what the browser holds when the socket opens goes in pieces too', async () => {
    const { server, workshop, open } = await servers.workshop({ extensions: true })
    const doc = new Y.Doc()
    addCards(doc, 'offline')
    const connection = app(doc, server, workshop)
    const reader = open('board', workshop.keys.facilitator)
    await waitFor(() => readBoard(reader.doc).signals.size === CARDS, 20_000, 'every card written offline at a reader')
    expect(connection.getState()).toMatchObject({ status: 'connected', closeCode: null })
  })
})
