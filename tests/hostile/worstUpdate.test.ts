import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_LIMITS } from '../../server/config.ts'
import { DEFAULT_GUARD, checkUpdate, type GuardLimits } from '../../server/sync/updateGuard.ts'

/**
 * Why live updates are applied on the main thread, without a worker: the guard bounds what one
 * update can cost. Yjs' quadratic case is concurrent inserts at one position; the guard admits at
 * most 16 writers at a position, and 100,000 steps of such scanning per update (its bound on what
 * Yjs passes, see placement.ts), with 5,000 structs at most. So the worst update it admits costs
 * a bounded multiple of an ordinary update of the same size; and the per-connection integration
 * budget (1 s of CPU per 10 s) closes a connection that sends many of them.
 *
 * Measured as CPU time, checked and applied as the server does, median of several runs; the
 * assertion is a ratio (the machine's speed cancels out), the absolute figures are printed.
 */
const LIVE: GuardLimits = { ...DEFAULT_GUARD, maxStructs: DEFAULT_LIMITS.maxStructsPerUpdate }
const ROOT = 'signals'

/** One section per client: `sets` maps (client → keys it sets at clock `firstClock`, then on) on the root map. */
function mapSets(sections: Map<number, string[]>, firstClock = 0): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, sections.size)
  for (const [client, keys] of sections) {
    encoding.writeVarUint(encoder, keys.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, firstClock)
    for (const key of keys) {
      encoding.writeUint8(encoder, 8 | 32) // ContentAny under a map key, no origins
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, ROOT)
      encoding.writeVarString(encoder, key)
      encoding.writeVarUint(encoder, 1)
      encoding.writeAny(encoder, client)
    }
  }
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** An ordinary big update: one person's changes up to the struct limit (a long session offline). */
function ordinary(): Uint8Array {
  return mapSets(new Map([[1, Array.from({ length: LIVE.maxStructs }, (_, i) => `card-${i}`)]]))
}

/** The guard's count for one position where each of `writers` clients sets the key once: each scans the others. */
const perPosition = (writers: number) => writers * (writers - 1)

/**
 * The worst the guard lets through: as many positions as the cost budget and the struct limit
 * allow with the most writers each (16 writers × 312 positions: 4,992 structs, 74,880 steps), the
 * rest of the struct budget in single-writer changes.
 */
function worstAdmissible(extraPositions = 0): Uint8Array {
  const writers = LIVE.maxWritersPerPosition
  const positions = Math.min(Math.floor(LIVE.maxCost / perPosition(writers)), Math.floor(LIVE.maxStructs / writers)) + extraPositions
  const sections = new Map<number, string[]>()
  for (let w = 0; w < writers; w++)
    sections.set(
      100 + w,
      Array.from({ length: positions }, (_, p) => `contested-${p}`),
    )
  const filler = Math.max(0, LIVE.maxStructs - writers * positions)
  sections.set(
    1,
    Array.from({ length: filler }, (_, i) => `card-${i}`),
  )
  return mapSets(sections)
}

/**
 * The probe's attack spread over updates, each one the guard admits alone: in each round 16 new
 * writers set each of 60 keys, one key per update (the same 16 clients across the round's keys,
 * which costs Yjs the most). 25 rounds put 400 writers at every key, the in-all cap per position.
 */
function contestedRounds(): Uint8Array[] {
  const updates: Uint8Array[] = []
  for (let round = 0; round < 25; round++)
    for (let key = 0; key < 60; key++) {
      const clients = Array.from({ length: LIVE.maxWritersPerPosition }, (_, w) => 10_000 + round * LIVE.maxWritersPerPosition + w)
      updates.push(mapSets(new Map(clients.map((client) => [client, [`contested-${key}`]])), key))
    }
  return updates
}

/** Feeds updates to a document as a room does, keeping its contention; stops at the first refusal. */
function admit(updates: Uint8Array[], limits: GuardLimits): { doc: Y.Doc; admitted: number; refusal?: string } {
  const doc = new Y.Doc()
  let contention = 0
  for (const [i, update] of updates.entries()) {
    const verdict = checkUpdate(doc, 'board', update, limits, undefined, contention)
    if (!verdict.ok) return { doc, admitted: i, refusal: verdict.reason }
    Y.applyUpdate(doc, update)
    contention += verdict.contention
  }
  return { doc, admitted: updates.length }
}

/**
 * CPU of checking (as the server does a live update) and applying `update` to an empty document,
 * the fastest of 7. `checked: false` applies only: a restart's main-thread apply of a whole state the
 * load pool has checked already.
 */
function cpuMsToLoad(update: Uint8Array, { checked = true } = {}): number {
  const runs: number[] = []
  for (let i = 0; i < 7; i++) {
    const doc = new Y.Doc()
    const started = process.cpuUsage()
    const verdict = checked ? checkUpdate(doc, 'board', update, LIVE) : undefined
    if (verdict && !verdict.ok) throw new Error(`refused: ${verdict.reason}`)
    Y.applyUpdate(doc, update)
    const spent = process.cpuUsage(started)
    runs.push((spent.user + spent.system) / 1000)
    doc.destroy()
  }
  // The fastest run: on a shared machine other work (a collection, another suite) only ever adds.
  return Math.min(...runs)
}

describe('the worst update the guard admits', { timeout: 120_000 }, () => {
  it('costs a small multiple of an ordinary update of the same size', () => {
    const worst = worstAdmissible()
    const plain = ordinary()
    // One position more with 16 writers is refused: this really is the edge.
    expect(checkUpdate(new Y.Doc(), 'board', worst, LIVE).ok).toBe(true)
    expect(checkUpdate(new Y.Doc(), 'board', worstAdmissible(1), LIVE).ok).toBe(false)
    cpuMsToLoad(plain) // warm up the JIT
    const plainMs = cpuMsToLoad(plain)
    const worstMs = cpuMsToLoad(worst)
    console.log(
      `worst admissible update: ${worst.byteLength} bytes, ${worstMs.toFixed(1)} ms of CPU; ordinary update of ${LIVE.maxStructs} structs: ${plain.byteLength} bytes, ${plainMs.toFixed(1)} ms; ratio ${(worstMs / plainMs).toFixed(2)}`,
    )
    expect(worstMs / plainMs).toBeLessThan(4)
  })
})

describe('the worst board many admitted updates build', { timeout: 120_000 }, () => {
  it('loads in a bounded time: the contested positions are counted in all', () => {
    const updates = contestedRounds()
    const capped = admit(updates, LIVE)
    expect(capped.refusal).toBe(`contested positions costing over ${LIVE.maxContention} steps in all`)
    // Without the count every update passes, each under the per-update and per-position caps.
    const uncapped = admit(updates, { ...LIVE, maxContention: Number.POSITIVE_INFINITY })
    expect(uncapped.admitted).toBe(updates.length)
    // What a restart applies on the main thread: the whole state, in one piece.
    const cappedState = Y.encodeStateAsUpdate(capped.doc)
    const uncappedState = Y.encodeStateAsUpdate(uncapped.doc)
    cpuMsToLoad(cappedState, { checked: false }) // warm up the JIT
    const cappedMs = cpuMsToLoad(cappedState, { checked: false })
    const uncappedMs = cpuMsToLoad(uncappedState, { checked: false })
    console.log(
      `400 writers at 60 keys, built by ${updates.length} admitted updates: ${uncappedMs.toFixed(1)} ms of CPU to load; with the count in all, ${capped.admitted} admitted: ${cappedMs.toFixed(1)} ms; ratio ${(cappedMs / uncappedMs).toFixed(2)}`,
    )
    expect(cappedMs).toBeLessThan(uncappedMs / 4)
  })
})
