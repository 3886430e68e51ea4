import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol.ts'
import { DEFAULT_LIMITS, DEFAULT_TUNING } from '../config.ts'
import { createLogger } from '../log.ts'
import { Metrics } from '../metrics.ts'
import { SqliteDocStore } from '../store/sqliteStore.ts'
import type { Peer, Room } from './room.ts'
import { RoomRegistry } from './roomRegistry.ts'
import { updateOfSyncStep2 } from './messages.ts'

/**
 * A cold room answers its first client from the state the load pool folded, before the main
 * thread applies it (issue 16: the 5 MB board's cold load); the document itself is never seen
 * half-loaded, and writes that reach it before the apply land after the stored state, in order.
 * Real parts: the SQLite store in a temporary directory, the registry and its load pool's worker.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const WORKSHOP = 'w-room-test'

/** A peer that records what it is sent (the room's side of a connection). */
function recordingPeer(): Peer & { received: Uint8Array[] } {
  const received: Uint8Array[] = []
  return {
    role: 'participant',
    wantsExtensions: false,
    received,
    send: (message) => received.push(message),
    sendFrame: (_frame, message) => received.push(message),
    close: () => {},
    queuedBytes: 0,
  }
}

/** A registry on a fresh store whose board already holds `cards` (stored as one snapshot row). */
async function coldBoard(cards: Record<string, string>): Promise<{ registry: RoomRegistry; loads: Room[] }> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-room-test-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const store = new SqliteDocStore(dir)
  cleanups.push(() => store.close())
  const source = new Y.Doc()
  for (const [id, text] of Object.entries(cards)) source.getMap('signals').set(id, text)
  await store.compact(WORKSHOP, 'board', Y.encodeStateAsUpdate(source), 0)
  source.destroy()
  const logger = createLogger({ level: 'silent' })
  const registry = new RoomRegistry(store, new Metrics(logger), DEFAULT_TUNING, DEFAULT_LIMITS, logger)
  cleanups.push(() => registry.closeAll())
  const loads: Room[] = []
  registry.listen({ onLoad: (room) => loads.push(room) })
  return { registry, loads }
}

/** The state vector carried by a sync step 1 message. */
function step1Vector(message: Uint8Array): Map<number, number> {
  const decoder = decoding.createDecoder(message)
  expect(decoding.readVarUint(decoder)).toBe(MessageType.sync)
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsSyncStep1)
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder))
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('a room loaded cold', () => {
  it('has its first answer ready before the main thread applies the stored state', async () => {
    const { registry, loads } = await coldBoard({ a: 'heat waves', b: 'four-day week' })
    const room = await registry.join(WORKSHOP, 'board', recordingPeer())

    // What a joining connection sends at once, and its answer to an empty state vector…
    const step1 = room.syncStep1()
    const answer = room.fullSync!
    // …are ready while the state still waits: load listeners run only once it is applied.
    expect(loads).toEqual([])

    const client = new Y.Doc()
    Y.applyUpdate(client, updateOfSyncStep2(answer))
    expect(client.getMap('signals').toJSON()).toEqual({ a: 'heat waves', b: 'four-day week' })
    expect(step1Vector(step1)).toEqual(Y.decodeStateVector(Y.encodeStateVector(client)))

    // The apply follows in the next turn, unasked, and does not count as a change to store.
    await nextTurn()
    expect(loads).toEqual([room])
    expect(room.pending).toEqual([])
    expect(room.doc.getMap('signals').toJSON()).toEqual({ a: 'heat waves', b: 'four-day week' })
    expect(room.fullSync).toBe(answer)
    client.destroy()
  })

  it('keeps writes that arrive before the apply, after the stored state and in their order', async () => {
    const { registry, loads } = await coldBoard({ a: 'heat waves', b: 'four-day week' })
    const first = recordingPeer()
    const second = recordingPeer()
    const room = await registry.join(WORKSHOP, 'board', first)
    await registry.join(WORKSHOP, 'board', second)
    expect(loads).toEqual([])

    // Both clients start from the answer they were sent, and edit what was stored.
    const [one, two] = [new Y.Doc(), new Y.Doc()]
    for (const client of [one, two]) Y.applyUpdate(client, updateOfSyncStep2(room.fullSync!))
    const writes: Uint8Array[] = []
    one.on('update', (update: Uint8Array) => writes.push(update))
    two.on('update', (update: Uint8Array) => writes.push(update))
    one.getMap('signals').delete('a')
    two.getMap('signals').set('b', 'four-day week, revised')
    two.getMap('signals').set('c', 'care robots')

    // As a connection does: each write goes into the room's document as it arrives.
    Y.applyUpdate(room.doc, writes[0]!, first)
    Y.applyUpdate(room.doc, writes[1]!, second)
    Y.applyUpdate(room.doc, writes[2]!, second)

    // The stored state went in first: every write integrated (none waits on missing structs)…
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(room.doc.getMap('signals').toJSON()).toEqual({ b: 'four-day week, revised', c: 'care robots' })
    expect(loads).toEqual([room])
    // …and exactly the three writes are collected to store and pass on, in their order.
    expect(room.pending).toEqual(writes)
    expect([...room.writers]).toEqual([first, second])
    // The kept answer no longer describes the document: a newcomer's is computed afresh.
    expect(room.fullSync).toBeUndefined()
    for (const doc of [one, two]) doc.destroy()
  })
})

describe("a room's whole state, for exports", () => {
  it('is encoded once while the document is quiet, as the answer a newcomer gets, and afresh after a change', async () => {
    const { registry } = await coldBoard({ a: 'heat waves' })
    const room = await registry.join(WORKSHOP, 'board', recordingPeer())
    room.applyLoaded()
    const first = room.wholeState()
    // Sixty phones taking the report home from a quiet board: the same bytes, encoded once.
    expect(room.wholeState().buffer).toBe(first.buffer)
    expect(updateOfSyncStep2(room.fullSync!)).toEqual(first)
    const exported = new Y.Doc()
    Y.applyUpdate(exported, first)
    expect(exported.getMap('signals').toJSON()).toEqual({ a: 'heat waves' })

    room.doc.getMap('signals').set('b', 'four-day week')
    const after = room.wholeState()
    expect(after.buffer).not.toBe(first.buffer)
    Y.applyUpdate(exported, after)
    expect(exported.getMap('signals').toJSON()).toEqual({ a: 'heat waves', b: 'four-day week' })
    exported.destroy()
  })
})
