import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addSignal,
  addWheelNode,
  createTrend,
  deleteSignal,
  deleteTrend,
  deleteWheelNode,
  mergeIntoSignal,
  placeAssessment,
  readBoard,
  updateSignal,
} from '../../shared/doc/index.ts'
import { restoreDoc } from '../../shared/doc/restore.ts'
import { createUndoManager } from '../../shared/doc/undo.ts'
import { isLocalOrigin } from './docConnection.ts'
import { carryPastRefusal, prepareCarryOver } from './carryOver.ts'
import { fetchPreviousBoard, generationStore, offeredGeneration } from './renewal.ts'

const WORKSHOP = 'AbCdEfGhIjKlMnOpQrStUv'
const anna = { participantId: 'annaAnnaAnnaAnnaAnna01' }

function memoryStorage() {
  const items = new Map<string, string>()
  return { getItem: (name: string) => items.get(name) ?? null, setItem: (name: string, value: string) => void items.set(name, value) }
}

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
const titles = (doc: Y.Doc) => [...readBoard(doc).signals.values()].map((signal) => signal.title).sort()

describe('the generation a copy of the board offers', () => {
  it('is the one noted; content with none noted is 0; an empty copy with none offers none', () => {
    const empty = new Y.Doc()
    const full = new Y.Doc()
    addSignal(full, { title: 'Care robots' }, anna)
    expect(offeredGeneration(empty, null)).toBeNull()
    expect(offeredGeneration(full, null)).toBe(0)
    expect(offeredGeneration(full, 3)).toBe(3)
  })

  it('keeps the old note while held, and notes the one named meanwhile on release', () => {
    const storage = memoryStorage()
    const noted = generationStore(storage, WORKSHOP)
    expect(noted.get()).toBeNull()
    noted.set(2)
    expect(noted.get()).toBe(2)
    noted.hold()
    // The new copy offers nothing; a tab closed now finds the old note beside the old copy.
    expect(noted.get()).toBeNull()
    noted.set(3)
    expect(generationStore(storage, WORKSHOP).get()).toBe(2)
    noted.release()
    expect(noted.get()).toBe(3)
    expect(generationStore(storage, WORKSHOP).get()).toBe(3)
  })
})

describe('prepareCarryOver', () => {
  /** The old generation's last state, a copy with offline work on it, and the new generation. */
  function renewal() {
    const old = new Y.Doc()
    const kept = addSignal(old, { title: 'Care robots' }, anna)
    const removedThere = addSignal(old, { title: 'Four-day week' }, anna)
    const offline = copyOf(old)
    const renewed = new Y.Doc()
    restoreDoc(renewed, old)
    deleteSignal(renewed, removedThere)
    addSignal(offline, { title: 'Library of things' }, anna)
    updateSignal(offline, kept, { title: 'Care robots at home' })
    return { old, offline, renewed }
  }

  it('with the old state: carries edits and additions, and leaves what others deleted since deleted', () => {
    const { old, offline, renewed } = renewal()
    prepareCarryOver(offline, Y.encodeStateAsUpdate(old))(renewed)
    expect(titles(renewed)).toEqual(['Care robots at home', 'Library of things'])
  })

  it('without it (no longer kept): carries only the records the new board lacks, so nothing written is lost', () => {
    const { offline, renewed } = renewal()
    prepareCarryOver(offline, null)(renewed)
    // The edit of an existing card cannot be told from an old value; a card deleted there comes back.
    expect(titles(renewed)).toEqual(['Care robots', 'Four-day week', 'Library of things'])
  })
})

describe('carryPastRefusal', () => {
  const ben = { participantId: 'BenBenBenBenBenBenBen1' }
  const annaWrites = { role: 'participant' as const, participantId: anna.participantId }

  it("carries this person's own changes into the room's copy, and not a change to another person's card", () => {
    const room = new Y.Doc()
    const bens = addSignal(room, { title: 'Night buses run on demand' }, ben)
    const annas = addSignal(room, { title: 'Care robots' }, anna)
    // This phone's copy: an edit of Ben's card the server refused, and Anna's own work after it.
    const phone = copyOf(room)
    updateSignal(phone, bens, { title: 'Night buses are cancelled' })
    updateSignal(phone, annas, { title: 'Care robots at home' })
    addSignal(phone, { title: 'Library of things' }, anna)
    // Meanwhile Ben adds a card: the carry leaves it be.
    addSignal(room, { title: 'Repair cafés' }, ben)
    const fresh = copyOf(room)
    carryPastRefusal(fresh, Y.encodeStateAsUpdate(phone), annaWrites, true)
    expect(titles(fresh)).toEqual(['Care robots at home', 'Library of things', 'Night buses run on demand', 'Repair cafés'])
  })

  it('carries a co-author’s edit of a card they joined, and what goes with a trend they deleted', () => {
    const room = new Y.Doc()
    const bens = addSignal(room, { title: 'Night buses run on demand' }, ben)
    mergeIntoSignal(room, bens, { title: 'Night buses', description: 'Seen in Turku' }, anna)
    const trend = createTrend(room, { name: 'Mobility' }, anna)
    placeAssessment(room, { trendId: trend, impact: 0.8, uncertainty: 0.4 }, ben)
    const phone = copyOf(room)
    updateSignal(phone, bens, { whyItMatters: 'Fewer cars at night' })
    deleteTrend(phone, trend)
    const fresh = copyOf(room)
    carryPastRefusal(fresh, Y.encodeStateAsUpdate(phone), annaWrites, true)
    const board = readBoard(fresh)
    expect(board.signals.get(bens)?.whyItMatters).toBe('Fewer cars at night')
    expect(board.trends.size).toBe(0)
    expect(board.assessments.size).toBe(0)
  })

  it("leaves out what would go only with a deletion it leaves out: another person's consequence and what follows from it", () => {
    const carl = { participantId: 'CarlCarlCarlCarlCarl1' }
    const room = new Y.Doc()
    const trendId = createTrend(room, { name: 'Mobility' }, anna)
    const bens = addWheelNode(room, { trendId, parentId: null, text: 'Fewer cars at night' }, ben)!
    const carls = addWheelNode(room, { trendId, parentId: bens, text: 'Quieter streets' }, carl)!
    const phone = copyOf(room)
    deleteWheelNode(phone, bens)
    addSignal(phone, { title: 'Library of things' }, anna)
    const fresh = copyOf(room)
    carryPastRefusal(fresh, Y.encodeStateAsUpdate(phone), annaWrites, true)
    const board = readBoard(fresh)
    expect([...board.wheelNodes.keys()].sort()).toEqual([bens, carls].sort())
    expect(titles(fresh)).toEqual(['Library of things'])
  })

  it("is no undo step of the person's, and still counts as their change waiting to be sent", () => {
    const room = new Y.Doc()
    const phone = copyOf(room)
    addSignal(phone, { title: 'Library of things' }, anna)
    const fresh = copyOf(room)
    const undo = createUndoManager(fresh)
    const origins: unknown[] = []
    fresh.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin))
    carryPastRefusal(fresh, Y.encodeStateAsUpdate(phone), annaWrites, true)
    expect(origins.length).toBeGreaterThan(0)
    expect(origins.every(isLocalOrigin)).toBe(true)
    expect(undo.canUndo()).toBe(false)
    // The person's next edit is their undo step, and undoing it leaves the carried card.
    addSignal(fresh, { title: 'Repair cafés' }, anna)
    undo.undo()
    expect(titles(fresh)).toEqual(['Library of things'])
  })

  it('carries only the records a board started afresh meanwhile lacks', () => {
    const room = new Y.Doc()
    room.clientID = 1
    const annas = addSignal(room, { title: 'Care robots' }, anna)
    const phone = copyOf(room)
    phone.clientID = 2
    updateSignal(phone, annas, { title: 'Care robots at home' })
    addSignal(phone, { title: 'Library of things' }, anna)
    const renewed = new Y.Doc()
    renewed.clientID = 3
    restoreDoc(renewed, room)
    carryPastRefusal(renewed, Y.encodeStateAsUpdate(phone), annaWrites, false)
    expect(titles(renewed)).toEqual(['Care robots', 'Library of things'])
  })
})

describe('fetchPreviousBoard', () => {
  const answers = (...statuses: (number | 'offline')[]) => {
    const asked: string[] = []
    const fetchImpl = (async (path: string) => {
      asked.push(path)
      const status = statuses.shift()!
      if (status === 'offline') throw new TypeError('Failed to fetch')
      return new Response(status === 200 ? new Uint8Array([1, 2, 3]) : null, { status })
    }) as unknown as typeof fetch
    return { asked, fetchImpl }
  }

  it('tries again after a busy server or a dropped network, and gives up only on 404', async () => {
    const busy = answers(429, 'offline', 503, 200)
    expect(await fetchPreviousBoard(WORKSHOP, 'k', 4, busy.fetchImpl, [0, 0, 0, 0])).toEqual(new Uint8Array([1, 2, 3]))
    expect(busy.asked).toEqual(Array(4).fill(`/api/workshops/${WORKSHOP}/board/generations/4`))

    const gone = answers(404)
    expect(await fetchPreviousBoard(WORKSHOP, 'k', 4, gone.fetchImpl, [0, 0])).toBeNull()
    expect(gone.asked).toHaveLength(1)

    const down = answers(503, 503, 503)
    expect(await fetchPreviousBoard(WORKSHOP, 'k', 4, down.fetchImpl, [0, 0])).toBeNull()
    expect(down.asked).toHaveLength(3)
  })
})
