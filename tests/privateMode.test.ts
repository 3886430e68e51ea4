import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { addSignal, initDraft, joinAsParticipant, readBoard, readControl, requestReveal, setPrivateMode } from '../shared/doc/index.ts'
import { randomId } from '../shared/util/ids.ts'
import { draftDocName } from '../shared/protocol.ts'
import { ensureDraftId } from '../client/stages/signals/draftId.ts'
import type { KeyValueStore } from '../client/sync/browserStorage.ts'
import { synced, type TestClient } from './support/clients.ts'
import { createWorkshop, mintIdentity, waitFor } from './support/server.ts'
import { useServers } from './support/fixture.ts'

const servers = useServers()

/** Every frame a client receives, on every socket it opens, as raw bytes. */
function recordingSocket(frames: Buffer[]): typeof WebSocket {
  // `new` on a function that returns an object yields that object: the provider gets a real socket.
  function RecordingWebSocket(address: string, protocols?: string[]) {
    const socket = new WebSocket(address, protocols)
    socket.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
    return socket
  }
  return RecordingWebSocket as unknown as typeof WebSocket
}

/** A browser's localStorage of its own: each draft id is made by a different browser. */
function memoryStore(): KeyValueStore {
  const items = new Map<string, string>()
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) }
}

const SECRET_TITLE = 'Zebra-crossing drones 7Q4'
const SECRET_TEXT = 'Seen in Pori: drones that guide children across roads'

describe('private mode', () => {
  it('keeps a participant’s draft cards from every other participant until the reveal, then shows them all', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const open = (docName: string, key: string, extra: { WebSocketPolyfill?: typeof WebSocket; identity?: string } = {}): TestClient => {
      const params: Record<string, string> = extra.identity ? { key, ext: '1', identity: extra.identity } : { key, ext: '1' }
      const client = servers.client(server.wsUrl, workshop.id, docName, params, undefined, extra.WebSocketPolyfill)
      return client
    }

    const facilitator = open('control', workshop.keys.facilitator)
    await synced(facilitator)
    setPrivateMode(facilitator.doc, { on: true })

    // Ben is the other participant; everything his browser receives is recorded.
    const received: Buffer[] = []
    const spy = recordingSocket(received)
    const benBoard = open('board', workshop.keys.participant, { WebSocketPolyfill: spy })
    const benControl = open('control', workshop.keys.participant, { WebSocketPolyfill: spy })
    await synced(benBoard, benControl)
    await waitFor(() => readControl(benControl.doc).privateMode.on, 5_000, 'private mode to reach Ben')

    // Anna writes two cards into her own draft, whose name only her browser knows.
    const identity = await mintIdentity(server.url, workshop.id, workshop.keys.participant)
    const anna = { participantId: identity.participantId }
    const annaDraft = open(draftDocName(randomId()), workshop.keys.participant, { identity: identity.token })
    const annaBoard = open('board', workshop.keys.participant, { identity: identity.token })
    await synced(annaDraft, annaBoard)
    joinAsParticipant(annaBoard.doc, anna, 'Anna')
    initDraft(annaDraft.doc, { participantId: anna.participantId, name: 'Anna' })
    addSignal(annaDraft.doc, { title: SECRET_TITLE, description: SECRET_TEXT }, anna)
    addSignal(annaDraft.doc, { title: 'Second secret card', description: SECRET_TEXT }, anna)

    // Ben sees that Anna is writing, and how much: a count, not the content.
    await waitFor(() => readControl(benControl.doc).privateCounts[anna.participantId]?.count === 2, 5_000, 'Anna’s count to reach Ben')
    expect(readControl(benControl.doc).privateCounts[anna.participantId]?.name).toBe('Anna')

    // Anna's laptop closes before the reveal: her drafts are on the server.
    await server.registry.settle()
    annaDraft.destroy()
    annaBoard.destroy()

    const everything = Buffer.concat(received)
    expect(everything.byteLength).toBeGreaterThan(0)
    expect(everything.includes(SECRET_TITLE)).toBe(false)
    expect(everything.includes(SECRET_TEXT)).toBe(false)
    expect(everything.includes('Second secret card')).toBe(false)
    expect(readBoard(benBoard.doc).signals.size).toBe(0)

    requestReveal(facilitator.doc)
    await waitFor(() => readBoard(benBoard.doc).signals.size === 2, 5_000, 'the revealed cards on Ben’s board')
    const titles = [...readBoard(benBoard.doc).signals.values()].map((signal) => signal.title).sort()
    expect(titles).toEqual(['Second secret card', SECRET_TITLE].sort())
    for (const signal of readBoard(benBoard.doc).signals.values()) expect(signal.authorId).toBe(anna.participantId)
    // The same recording does show the text once revealed: the check above could have failed.
    expect(Buffer.concat(received).includes(SECRET_TITLE)).toBe(true)
    await waitFor(() => readControl(benControl.doc).privateCounts[anna.participantId]?.count === 0, 5_000, 'the count to drop to zero')
  })

  it('a screen may not open drafts', async () => {
    const server = await servers.server()
    const workshop = await createWorkshop(server.url)
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${workshop.id}/${draftDocName(randomId())}?key=${workshop.keys.screen}`)
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => resolve(101))
      ws.on('error', () => {})
    })
    expect(status).toBe(403)
  })

  it('a draft id is unguessable: every browser’s is different and each character carries 6 random bits', () => {
    // Knowing a draft's name is what opens it, so its id must not be predictable from others'.
    const DRAFTS = 4000
    const ids = Array.from({ length: DRAFTS }, (_, i) => ensureDraftId(`workshop${i}`, memoryStore()))
    expect(new Set(ids).size).toBe(DRAFTS)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    // Shannon entropy of each position, estimated over all drafts: uniform over 64 symbols is 6 bits;
    // a counter, a clock or a biased alphabet falls well below 5.9 in at least one position.
    for (let position = 0; position < 22; position++) {
      const counts = new Map<string, number>()
      for (const id of ids) counts.set(id[position]!, (counts.get(id[position]!) ?? 0) + 1)
      const bits = -[...counts.values()].reduce((sum, n) => sum + (n / DRAFTS) * Math.log2(n / DRAFTS), 0)
      expect(bits, `entropy at position ${position}`).toBeGreaterThan(5.9)
    }
  })
})
