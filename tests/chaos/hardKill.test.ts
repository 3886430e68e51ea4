import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, createStory, createTrend, getStoryBody, moveSignalToTrend, readBoard } from '../../shared/doc/index.ts'
import { randomId } from '../../shared/util/ids.ts'
import type { DocConnection } from '../../client/sync/docConnection.ts'
import { appConnection } from '../support/clients.ts'
import { freePort, startChildServer, type ChildServer } from '../support/childServer.ts'
import { createWorkshop, tempDataDir, waitFor } from '../support/server.ts'

/**
 * Twenty people keep working while the server is killed with SIGKILL and restarted, three times.
 * The clients are the app's own connection code (client/sync/docConnection.ts) in Node.
 */
// Every y-websocket provider in Node listens for process 'exit'; hundreds are expected here.
process.setMaxListeners(0)

const CLIENTS = 20
const KILLS = 3
/**
 * Each of the twenty writes a card, a move and a paragraph every 60 ms, some 400 records a second,
 * without an identity (so all share one writing allowance): the allowance is raised out of the way.
 */
const ENV = { WRITE_BURST_PER_PERSON: '100000000', WRITE_BURST_PER_WORKSHOP: '100000000' }

interface Person {
  doc: Y.Doc
  connection: DocConnection
  actor: { participantId: string }
  /** Titles of every card this person created: all must exist at the end. */
  created: string[]
}

describe('hard kills while twenty people edit', () => {
  const data = tempDataDir()
  const people: Person[] = []
  let server: ChildServer | undefined
  afterAll(async () => {
    for (const person of people) {
      person.connection.destroy()
      person.doc.destroy()
    }
    await server?.kill()
    data.remove()
  })

  it('loses nothing the server received, merges every offline edit, and converges', async () => {
    const port = await freePort()
    server = await startChildServer(data.dir, ENV, port)
    const workshop = await createWorkshop(server.url)
    for (let i = 0; i < CLIENTS; i++) {
      const doc = new Y.Doc()
      const connection = appConnection({ doc, workshopId: workshop.id, docName: 'board', key: workshop.keys.participant, origin: server.url })
      connection.provider.connect()
      people.push({ doc, connection, actor: { participantId: randomId() }, created: [] })
    }
    await waitFor(() => people.every((p) => p.connection.provider.synced), 20_000, 'everyone to sync')

    // Shared things to work on: a trend to sort into and a story to write.
    const host = people[0]!
    const trendId = createTrend(host.doc, { name: 'Care at home' }, host.actor)
    const { storyId } = createStory(host.doc, { title: 'Aino, 2040' }, host.actor)
    await waitFor(() => people.every((p) => getStoryBody(p.doc, storyId) !== null), 10_000, 'the story to reach everyone')

    let editing = true
    let step = 0
    const editLoop = (async () => {
      while (editing) {
        for (const person of people) {
          const title = `card ${people.indexOf(person)}-${step}`
          const id = addSignal(person.doc, { title }, person.actor)
          person.created.push(title)
          if (step % 3 === 0) moveSignalToTrend(person.doc, id, null, trendId, person.actor)
          const body = getStoryBody(person.doc, storyId)!
          person.doc.transact(() => body.push([new Y.XmlText(`${people.indexOf(person)}:${step} `)]))
        }
        step++
        await new Promise((resolve) => setTimeout(resolve, 60))
      }
    })()

    // What the server had broadcast before each kill was stored first: an observer proves it.
    const seenBeforeKills: Set<string>[] = []
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 700))
      seenBeforeKills.push(new Set([...readBoard(people[CLIENTS - 1]!.doc).signals.values()].map((s) => s.title)))
      await server.kill()
      await new Promise((resolve) => setTimeout(resolve, 400)) // edits made while the server is down
      server = await startChildServer(data.dir, ENV, port)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
    editing = false
    await editLoop

    const allTitles = people.flatMap((p) => p.created)
    const started = Date.now()
    await waitFor(() => people.every((p) => readBoard(p.doc).signals.size === allTitles.length), 30_000, 'every card on every screen')
    const reconnectMs = Date.now() - started

    const reference = readBoard(people[0]!.doc)
    const titles = new Set([...reference.signals.values()].map((s) => s.title))
    for (const title of allTitles) expect(titles.has(title)).toBe(true)
    for (const seen of seenBeforeKills) for (const title of seen) expect(titles.has(title)).toBe(true)
    const storyText = getStoryBody(people[0]!.doc, storyId)!.toString()
    for (const person of people) {
      expect(getStoryBody(person.doc, storyId)!.toString()).toBe(storyText)
      expect(readBoard(person.doc).memberships.size).toBe(reference.memberships.size)
    }

    // A fresh client reading only from the restarted server's store sees the same board.
    const fresh = new Y.Doc()
    const freshConnection = appConnection({ doc: fresh, workshopId: workshop.id, docName: 'board', key: workshop.keys.participant, origin: server.url })
    freshConnection.provider.connect()
    await waitFor(() => readBoard(fresh).signals.size === allTitles.length, 15_000, 'a fresh client to see everything')
    freshConnection.destroy()
    fresh.destroy()
    console.log(`hard kill: ${allTitles.length} cards by ${CLIENTS} people over ${KILLS} kills; all screens converged ${reconnectMs} ms after the last restart`)
  })
})
