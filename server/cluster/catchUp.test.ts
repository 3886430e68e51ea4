import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applySlices, slicesSince } from './catchUp.ts'

/** Many writers at a few keys, text from others, deletions: what a catch-up may have to merge. */
function busyDoc(): Y.Doc {
  const doc = new Y.Doc()
  for (let writer = 0; writer < 50; writer++) {
    const other = new Y.Doc()
    other.clientID = 1_000 + writer
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    other.getMap('signals').set(`key-${writer % 3}`, `from ${writer}`)
    other.getText('notes').insert(0, `note ${writer} `)
    if (writer % 5 === 0) other.getText('notes').delete(0, 3)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    other.destroy()
  }
  return doc
}

describe('a catch-up in slices', () => {
  it('leaves the room exactly as the whole update would, a few clients per slice', async () => {
    const source = busyDoc()
    // The room already has the first half of the writers (the others' counted as known here).
    const secondHalf = [...Y.decodeStateVector(Y.encodeStateVector(source))].filter(([client]) => client >= 1_025)
    const room = new Y.Doc()
    Y.applyUpdate(room, Y.encodeStateAsUpdate(source, Y.encodeStateVector(new Map(secondHalf))))
    const whole = new Y.Doc()
    Y.applyUpdate(whole, Y.encodeStateAsUpdate(room))
    Y.applyUpdate(whole, Y.encodeStateAsUpdate(source, Y.encodeStateVector(whole)))

    const slices = slicesSince(source, Y.encodeStateVector(room))
    expect(slices.length).toBeGreaterThan(5)
    for (const slice of slices) expect(Y.parseUpdateMeta(slice).to.size).toBeLessThanOrEqual(4)
    await applySlices(room, slices, null)
    expect(room.store.pendingStructs).toBeNull()
    expect(room.getText('notes').toString()).toBe(whole.getText('notes').toString())
    expect(room.getMap('signals').toJSON()).toEqual(whole.getMap('signals').toJSON())
    expect(Y.encodeStateVector(room)).toEqual(Y.encodeStateVector(whole))
  })
})
