import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { StockProvider } from './support/stockProvider.ts'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../shared/doc/index.ts'
import { CloseCode, syncProtocols } from '../shared/protocol.ts'
import { randomId } from '../shared/util/ids.ts'
import { PROTOCOL_VERSION, SCHEMA_VERSION, type ClientVersion } from '../shared/version.ts'
import { appConnection } from './support/clients.ts'
import { useServers } from './support/fixture.ts'
import { waitFor } from './support/server.ts'

const servers = useServers()
const setup = () => servers.workshop()

/** A y-websocket client that offers the given versions, as an app built from other code would. */
function appOfVersion(wsUrl: string, workshopId: string, key: string, version: ClientVersion) {
  const doc = new Y.Doc()
  const provider = new StockProvider(`${wsUrl}/${workshopId}`, 'board', doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    protocols: syncProtocols(key, null, version),
    params: { ext: '1' },
    disableBc: true,
    maxBackoffTime: 300,
  })
  const closes: number[] = []
  let closedForGood: number | null = null
  provider.on('connection-close', (event) => void (event && closes.push(event.code)))
  provider.on('closed', ({ code }) => void (closedForGood = code))
  servers.defer(() => {
    provider.destroy()
    doc.destroy()
  })
  return { doc, provider, closes, closedForGood: () => closedForGood }
}

const facilitator = { participantId: randomId() }

describe('the version handshake', () => {
  it('closes an app older than the server with "stale client" for good, and never takes its changes; current apps and stock clients are served', async () => {
    const { server, workshop } = await setup()
    const key = workshop.keys.facilitator
    const stale = appOfVersion(server.wsUrl, workshop.id, key, { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION - 1 })
    addSignal(stale.doc, { title: 'Written by the old app' }, facilitator)
    await waitFor(() => stale.closedForGood() !== null, 5_000, 'the stale app to be closed')
    expect(stale.closedForGood()).toBe(CloseCode.staleClient)
    expect(stale.provider.shouldConnect).toBe(false) // y-websocket stops retrying: the person reloads

    // The app's own connection code, at this checkout's versions, is served.
    const doc = new Y.Doc()
    const current = appConnection({ doc, workshopId: workshop.id, docName: 'board', key, origin: server.url })
    servers.defer(() => {
      current.destroy()
      doc.destroy()
    })
    await waitFor(() => current.getState().synced, 5_000, 'the current app to sync')
    addSignal(doc, { title: 'Written by the current app' }, facilitator)

    // A stock y-websocket client offers no version and counts as current.
    const stock = servers.client(server.wsUrl, workshop.id, 'board', { key })
    // The current app's signal is the marker: once it arrived, the old app's would have too.
    await waitFor(() => readBoard(stock.doc).signals.size > 0, 5_000, 'the current app’s signal')
    expect([...readBoard(stock.doc).signals.values()].map((s) => s.title)).toEqual(['Written by the current app'])
    expect(stale.closes).toEqual([CloseCode.staleClient])
  })

  it('asks an app newer than the server (a deploy in progress) to retry later rather than to reload', async () => {
    const { server, workshop } = await setup()
    const ahead = appOfVersion(server.wsUrl, workshop.id, workshop.keys.participant, { protocol: PROTOCOL_VERSION + 1, schema: SCHEMA_VERSION })
    await waitFor(() => ahead.closes.length >= 2, 5_000, 'two refused attempts')
    expect(new Set(ahead.closes)).toEqual(new Set([CloseCode.serverBehind]))
    expect(ahead.closedForGood()).toBeNull()
    expect(ahead.provider.shouldConnect).toBe(true)
  })

  it('holds clients to the versions of the code it runs (a server updated under an open page)', async () => {
    const { server, workshop } = await servers.workshop({ codeVersion: { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION + 1 } })
    const today = appOfVersion(server.wsUrl, workshop.id, workshop.keys.participant, { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION })
    await waitFor(() => today.closedForGood() !== null, 5_000, 'the app to be closed')
    expect(today.closedForGood()).toBe(CloseCode.staleClient)
  })
})
