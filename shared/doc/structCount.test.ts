import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countStructs, splitUpdate } from './structCount.ts'

describe('countStructs', () => {
  it('agrees with Yjs on updates holding every kind of content', () => {
    const doc = new Y.Doc()
    const map = doc.getMap('signals')
    map.set('any', { a: [1, 'two', null, true] })
    map.set('binary', new Uint8Array([1, 2, 3]))
    const text = new Y.Text()
    map.set('text', text)
    text.insert(0, 'hello world')
    text.format(0, 5, { bold: true })
    text.insertEmbed(3, { image: 'x' })
    const fragment = new Y.XmlFragment()
    map.set('story', fragment)
    fragment.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlText('body')])
    map.set('sub', new Y.Doc())
    map.delete('any')
    const update = Y.encodeStateAsUpdate(doc)
    expect(countStructs(update, Number.POSITIVE_INFINITY)).toBe(Y.decodeUpdate(update).structs.length)
    const other = new Y.Doc()
    other.clientID = 12345
    other.getMap('signals').set('k', 1)
    const merged = Y.mergeUpdates([update, Y.encodeStateAsUpdate(other)])
    expect(countStructs(merged, Number.POSITIVE_INFINITY)).toBe(Y.decodeUpdate(merged).structs.length)
  })

  it('skips every kind of value without decoding it, and refuses a cut-off update', () => {
    const doc = new Y.Doc()
    const map = doc.getMap('signals')
    const values = [undefined, null, true, false, -7, 2 ** 40, 1.5, Math.fround(0.25), 12n, 'täällä', new Uint8Array([9]), [1, [2, { x: 'y' }]]]
    values.forEach((value, i) => map.set(String(i), value))
    map.set('long', 'ä'.repeat(100_000))
    const update = Y.encodeStateAsUpdate(doc)
    expect(countStructs(update, Number.POSITIVE_INFINITY)).toBe(Y.decodeUpdate(update).structs.length)
    expect(() => countStructs(update.subarray(0, update.byteLength - 50_000), Number.POSITIVE_INFINITY)).toThrow()
  })

  it('stops reading once the count passes the cap', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      for (let i = 0; i < 5000; i++) doc.getMap('signals').set(String(i), i)
    })
    expect(countStructs(Y.encodeStateAsUpdate(doc), 100)).toBeGreaterThan(100)
  })
})

/** How many deleted ranges an update names. */
function deletedRanges(update: Uint8Array): number {
  let ranges = 0
  for (const clientRanges of Y.decodeUpdate(update).ds.clients.values()) ranges += clientRanges.length
  return ranges
}

describe('splitUpdate', () => {
  /** A document with text (multi-byte letters, bold), maps, an array, a sub-document and deletions, from two writers. */
  function busyDoc(): { base: Y.Doc; update: Uint8Array } {
    const base = new Y.Doc()
    base.getMap('signals').set('before', 'held by the server')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    const map = doc.getMap('signals')
    const text = new Y.Text()
    map.set('story', text)
    for (let i = 0; i < 40; i++) text.insert(i % 2 === 0 ? 0 : text.length, `sanaa ${i} äö😀 `)
    text.format(2, 30, { bold: true })
    const list = new Y.Array<unknown>()
    map.set('list', list)
    for (let i = 0; i < 30; i++) list.insert(0, [i, { card: `card ${i}` }])
    list.delete(3, 10)
    text.delete(5, 40)
    map.set('sub', new Y.Doc())
    map.delete('before')
    const other = new Y.Doc()
    other.clientID = doc.clientID + 1
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    for (let i = 0; i < 20; i++) other.getMap('signals').set(`other-${i}`, i)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    return { base, update: Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base)) }
  }

  /** What a reader sees: every value, the text with its formatting, the sub-document by its id. */
  function contents(doc: Y.Doc): unknown {
    const map = doc.getMap<unknown>('signals')
    const values = map.toJSON()
    delete values.story
    delete values.sub
    return { values, story: (map.get('story') as Y.Text).toDelta(), sub: (map.get('sub') as Y.Doc).guid, before: map.has('before') }
  }

  it('cuts an update into pieces within the limit that, applied in order, make the same document', () => {
    const { base, update } = busyDoc()
    const structs = Y.decodeUpdate(update).structs.length
    expect(structs).toBeGreaterThan(60)
    const expected = new Y.Doc()
    Y.applyUpdate(expected, Y.encodeStateAsUpdate(base))
    Y.applyUpdate(expected, update)
    for (const limit of [1, 7, 64]) {
      const pieces = splitUpdate(update, limit)
      const withStructs = pieces.filter((piece) => countStructs(piece, Number.POSITIVE_INFINITY) > 0).length
      // Cut before a root's new entry where one is near: at most twice as many pieces as needed.
      expect(withStructs, `limit ${limit}`).toBeGreaterThanOrEqual(Math.ceil(structs / limit))
      expect(withStructs, `limit ${limit}`).toBeLessThanOrEqual(2 * Math.ceil(structs / limit))
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
      for (const piece of pieces) {
        expect(countStructs(piece, Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(limit)
        expect(deletedRanges(piece)).toBeLessThanOrEqual(limit)
        Y.applyUpdate(doc, piece)
        // Nothing waits on a later piece: each builds only on what came before.
        expect(doc.store.pendingStructs, `limit ${limit}`).toBeNull()
      }
      expect(contents(doc), `limit ${limit}`).toEqual(contents(expected))
      expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(expected))
    }
  })

  it('keeps each record made in one change in one piece', () => {
    const doc = new Y.Doc()
    const cards = doc.getMap('signals')
    doc.transact(() => {
      for (let i = 0; i < 300; i++) {
        const card = new Y.Map<unknown>()
        for (const field of ['title', 'author', 'createdAt', 'order', 'source']) card.set(field, `${field} ${i}`)
        cards.set(`card-${i}`, card)
      }
    })
    const update = Y.encodeStateAsUpdate(doc)
    for (const limit of [64, 100, 999]) {
      const pieces = splitUpdate(update, limit)
      expect(pieces.length, `limit ${limit}`).toBeGreaterThan(1)
      const server = new Y.Doc()
      for (const piece of pieces) {
        expect(countStructs(piece, Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(limit)
        Y.applyUpdate(server, piece)
        // Never a card with some of its fields: each arrives whole.
        for (const card of server.getMap<Y.Map<unknown>>('signals').values()) expect(card.size, `limit ${limit}`).toBe(5)
      }
      expect(server.getMap('signals').size).toBe(300)
    }
  })

  it("sends what a change builds on first, whichever of two sessions' client ids is higher", () => {
    // One browser's two sessions offline (or two tabs): the second writes between the first's
    // letters. Yjs writes clients by descending id, so the second may come first in the update.
    for (const [first, second] of [
      [1_000, 2_000],
      [2_000, 1_000],
    ]) {
      const before = new Y.Doc()
      before.clientID = first!
      const text = new Y.Text()
      before.getMap('signals').set('story', text)
      for (let i = 0; i < 1_500; i++) text.insert(0, String.fromCharCode(97 + (i % 26)))
      const after = new Y.Doc()
      after.clientID = second!
      Y.applyUpdate(after, Y.encodeStateAsUpdate(before))
      const story = after.getMap('signals').get('story') as Y.Text
      for (let i = 0; i < 1_500; i++) story.insert(i * 2 + 1, 'X')
      const update = Y.encodeStateAsUpdate(after)
      const server = new Y.Doc()
      for (const piece of splitUpdate(update, 400)) {
        expect(countStructs(piece, Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(400)
        Y.applyUpdate(server, piece)
        expect(server.store.pendingStructs, `${first} then ${second}`).toBeNull()
      }
      expect((server.getMap('signals').get('story') as Y.Text).toString()).toBe(story.toString())
    }
  })

  it('sends a deletion of many scattered letters with the last structs, and past the limit in ranges in pieces of its own', () => {
    const doc = new Y.Doc()
    const text = new Y.Text()
    doc.getMap('signals').set('story', text)
    text.insert(0, 'ab'.repeat(1_000))
    const server = new Y.Doc()
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(doc)
    // Offline: a new paragraph, and every "b" taken out (1,000 ranges).
    doc.transact(() => {
      text.insert(0, 'New paragraph. ')
      for (let at = text.length - 1; at >= 15; at -= 2) text.delete(at, 1)
    })
    const pieces = splitUpdate(Y.encodeStateAsUpdate(doc, before), 400)
    expect(pieces.map((piece) => [countStructs(piece, Number.POSITIVE_INFINITY), deletedRanges(piece)])).toEqual([
      [1, 400],
      [0, 400],
      [0, 200],
    ])
    for (const piece of pieces) Y.applyUpdate(server, piece)
    expect((server.getMap('signals').get('story') as Y.Text).toString()).toBe(`New paragraph. ${'a'.repeat(1_000)}`)
  })

  it('returns an update within the limit as it is', () => {
    const { update } = busyDoc()
    const structs = Y.decodeUpdate(update).structs.length
    expect(splitUpdate(update, structs)).toEqual([update])
  })
})
