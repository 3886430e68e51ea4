import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_LIMITS } from '../../server/config.ts'
import { DEFAULT_GUARD, checkUpdate, type GuardLimits } from '../../server/sync/updateGuard.ts'

/**
 * Why live updates are applied on the main thread, without a worker: the guard bounds what one
 * update can cost. Yjs' quadratic case is concurrent inserts at one position; the guard admits at
 * most 16 writers at a position, none where the document already holds 10,000 concurrent items,
 * and 20,000 steps of such scanning per update, with 20,000 structs at most. So the worst update
 * it admits costs a bounded multiple of an ordinary update of the same size; and the per-connection
 * integration budget (1 s of CPU per 10 s) closes a connection that sends many of them.
 *
 * Measured as CPU time, checked and applied as the server does, median of several runs; the
 * assertion is a ratio (the machine's speed cancels out), the absolute figures are printed.
 */
const LIVE: GuardLimits = { ...DEFAULT_GUARD, maxStructs: DEFAULT_LIMITS.maxStructsPerUpdate }
const ROOT = 'signals'

/** One section per client: `sets` maps (client → keys it sets at clock 0, 1, …) on the root map. */
function mapSets(sections: Map<number, string[]>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, sections.size)
  for (const [client, keys] of sections) {
    encoding.writeVarUint(encoder, keys.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, 0)
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

/** An ordinary big update: one person's 20,000 changes (an import, a long session offline). */
function ordinary(): Uint8Array {
  return mapSets(new Map([[1, Array.from({ length: LIVE.maxStructs }, (_, i) => `card-${i}`)]]))
}

/**
 * The worst the guard lets through: as many positions as the cost budget allows with the most
 * writers each (16 writers × 78 positions = 19,968 steps), the rest of the struct budget in
 * single-writer changes.
 */
function worstAdmissible(): Uint8Array {
  const writers = LIVE.maxWritersPerPosition
  const positions = Math.floor(LIVE.maxCost / (writers * writers))
  const sections = new Map<number, string[]>()
  for (let w = 0; w < writers; w++)
    sections.set(
      100 + w,
      Array.from({ length: positions }, (_, p) => `contested-${p}`),
    )
  const filler = LIVE.maxStructs - writers * positions
  sections.set(
    1,
    Array.from({ length: filler }, (_, i) => `card-${i}`),
  )
  return mapSets(sections)
}

function cpuMsToLoad(update: Uint8Array): number {
  const runs: number[] = []
  for (let i = 0; i < 5; i++) {
    const doc = new Y.Doc()
    const started = process.cpuUsage()
    const verdict = checkUpdate(doc, 'board', update, LIVE)
    if (!verdict.ok) throw new Error(`refused: ${verdict.reason}`)
    Y.applyUpdate(doc, update)
    const spent = process.cpuUsage(started)
    runs.push((spent.user + spent.system) / 1000)
    doc.destroy()
  }
  return runs.sort((a, b) => a - b)[2]!
}

describe('the worst update the guard admits', { timeout: 120_000 }, () => {
  it('costs a small multiple of an ordinary update of the same size', () => {
    const worst = worstAdmissible()
    const plain = ordinary()
    // One position more with 16 writers is refused: this really is the edge.
    expect(checkUpdate(new Y.Doc(), 'board', worst, { ...LIVE, maxCost: LIVE.maxCost - 256 }).ok).toBe(false)
    cpuMsToLoad(plain) // warm up the JIT
    const plainMs = cpuMsToLoad(plain)
    const worstMs = cpuMsToLoad(worst)
    console.log(
      `worst admissible update: ${worst.byteLength} bytes, ${worstMs.toFixed(1)} ms of CPU; ordinary update of ${LIVE.maxStructs} structs: ${plain.byteLength} bytes, ${plainMs.toFixed(1)} ms; ratio ${(worstMs / plainMs).toFixed(2)}`,
    )
    expect(worstMs / plainMs).toBeLessThan(4)
  })
})
