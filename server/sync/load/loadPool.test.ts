import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, initBoard, readBoard } from '../../../shared/doc/index.ts'
import { ANSWER_HEADROOM } from './foldProtocol.ts'
import { loadPool } from './loadPool.ts'

afterAll(() => loadPool.close())

/** A board of `cards` cards as the store hands it out: one snapshot row, a Buffer of its own. */
function snapshotRow(cards: number): Buffer {
  const doc = new Y.Doc()
  initBoard(doc)
  for (let i = 0; i < cards; i++) addSignal(doc, { title: `Signal ${i}: heat waves reshape city life`, description: 'x'.repeat(200) }, { participantId: 'p' })
  return Buffer.from(Y.encodeStateAsUpdate(doc))
}

describe('the load pool', { timeout: 60_000 }, () => {
  it('moves a large row to the worker as a copy, leaving the store’s row as it was, and answers with it framed in place', async () => {
    const row = snapshotRow(600)
    expect(row.byteLength).toBeGreaterThan(64 * 1024)
    const before = Buffer.from(row)
    const folded = await loadPool.fold('board', [row], 10_000)
    // The caller still reads its rows (their sizes, a row to quarantine): none was moved away.
    expect(row.byteLength).toBe(before.byteLength)
    expect(row.equals(before)).toBe(true)
    // One snapshot that loaded whole is the state, with room before it for the answer's header.
    expect(Buffer.from(folded.state).equals(before)).toBe(true)
    expect(folded.state.byteOffset).toBeGreaterThanOrEqual(ANSWER_HEADROOM)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, folded.state)
    expect(readBoard(loaded).signals.size).toBe(600)
  })

  it("folds small rows into one state, encoded with room for the answer's header", async () => {
    const doc = new Y.Doc()
    const rows: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => rows.push(update))
    initBoard(doc)
    addSignal(doc, { title: 'Town hall opens at night' }, { participantId: 'p' })
    const folded = await loadPool.fold('board', rows, 10_000)
    expect(folded.state.byteOffset).toBeGreaterThanOrEqual(ANSWER_HEADROOM)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, folded.state)
    expect([...readBoard(loaded).signals.values()].map((signal) => signal.title)).toEqual(['Town hall opens at night'])
  })
})
