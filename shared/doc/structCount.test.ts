import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countStructs } from './structCount.ts'

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
