import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, readBoard } from '../../shared/doc/index.ts'
import { randomId } from '../../shared/util/ids.ts'
import type { DocConnection } from '../../client/sync/docConnection.ts'
import { appConnection } from '../support/clients.ts'
import { freePort, startChildServer, type ChildServer } from '../support/childServer.ts'
import { createWorkshop, tempDataDir, waitFor } from '../support/server.ts'

// Every y-websocket provider in Node listens for process 'exit'; hundreds are expected here.
process.setMaxListeners(0)

/**
 * A room of 200 comes back at once after the server restarts: the clients' jittered backoff
 * spreads them out, all of them resync within seconds, and the server answers requests meanwhile.
 */
const CLIENTS = Number(process.env.STORM_CLIENTS ?? 200)

describe('a reconnect storm', () => {
  const data = tempDataDir()
  const clients: { doc: Y.Doc; connection: DocConnection }[] = []
  let server: ChildServer | undefined
  afterAll(async () => {
    for (const { doc, connection } of clients) {
      connection.destroy()
      doc.destroy()
    }
    await server?.kill()
    data.remove()
  })

  it('resyncs 200 clients within seconds after a restart, and /healthz stays responsive', async () => {
    const port = await freePort()
    server = await startChildServer(data.dir, {}, port)
    const workshop = await createWorkshop(server.url)
    for (let i = 0; i < CLIENTS; i++) {
      const doc = new Y.Doc()
      const connection = appConnection({ doc, workshopId: workshop.id, docName: 'board', key: workshop.keys.participant, origin: server.url })
      connection.provider.connect()
      clients.push({ doc, connection })
    }
    await waitFor(() => clients.every((c) => c.connection.provider.synced), 60_000, 'all 200 to connect')
    addSignal(clients[0]!.doc, { title: 'Before the restart' }, { participantId: randomId() })
    await waitFor(() => clients.every((c) => readBoard(c.doc).signals.size === 1), 20_000, 'the first card everywhere')

    await server.kill()
    await waitFor(() => clients.every((c) => !c.connection.provider.wsconnected), 10_000, 'everyone to notice')
    // While the server is down one person keeps working.
    addSignal(clients[1]!.doc, { title: 'Written while the server was down' }, { participantId: randomId() })
    server = await startChildServer(data.dir, {}, port)
    const restartedAt = Date.now()

    const healthTimes: number[] = []
    const probing = (async () => {
      while (!clients.every((c) => c.connection.provider.synced)) {
        const started = Date.now()
        const res = await fetch(`${server!.url}/healthz`)
        expect(res.status).toBe(200)
        healthTimes.push(Date.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    await waitFor(() => clients.every((c) => c.connection.provider.synced), 30_000, 'all 200 to resync')
    const resyncedMs = Date.now() - restartedAt
    await probing
    await waitFor(() => clients.every((c) => readBoard(c.doc).signals.size === 2), 20_000, 'the offline card everywhere')
    const slowestHealth = Math.max(0, ...healthTimes)
    console.log(`reconnect storm: ${CLIENTS} clients resynced ${resyncedMs} ms after the restart; slowest /healthz ${slowestHealth} ms`)
    expect(resyncedMs).toBeLessThan(15_000)
  })
})
