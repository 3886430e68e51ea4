import { afterAll, describe, it } from 'vitest'
import { connectClient, type TestClient } from '../support/clients.ts'
import { startChildServer, type ChildServer } from '../support/childServer.ts'
import { createWorkshop, tempDataDir, waitFor } from '../support/server.ts'

// Every y-websocket provider in Node listens for process 'exit'; a thousand are expected here.
process.setMaxListeners(0)

/**
 * A lecture hall of 1,000 behind one NAT address, with the server's default limits: everyone gets
 * in (board and, for a third of them, the control document too) and a change reaches them all.
 */
const PEOPLE = Number(process.env.HALL_PEOPLE ?? 1000)

describe('a hall behind one address', () => {
  const data = tempDataDir()
  const clients: TestClient[] = []
  let server: ChildServer | undefined
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.kill()
    data.remove()
  })

  it(`lets ${PEOPLE} people from one address in by default, and a change reaches all of them`, async () => {
    server = await startChildServer(data.dir)
    const workshop = await createWorkshop(server.url)
    const key = { key: workshop.keys.participant }
    for (let i = 0; i < PEOPLE; i++) {
      clients.push(connectClient(server.wsUrl, workshop.id, 'board', key))
      if (i % 3 === 0) clients.push(connectClient(server.wsUrl, workshop.id, 'control', key))
      // As people arrive: a few dozen a moment, not all in one tick.
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await waitFor(() => clients.every((c) => c.provider.synced), 180_000, `all ${clients.length} connections to sync`)
    const boards = clients.filter((c) => c.provider.roomname === 'board')
    boards[0]!.doc.getMap('signals').set('welcome', 'hello hall')
    await waitFor(() => boards.every((c) => c.doc.getMap('signals').get('welcome') === 'hello hall'), 60_000, 'the change everywhere')
  }, 300_000)
})
