import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_ROOTS } from '../../shared/doc/roots.ts'
import { checkUpdate, DEFAULT_GUARD } from './updateGuard.ts'

/** The server's copy and a client replica of it; `change` runs on the replica, and its update is checked. */
function verdictOf(prepare: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void) {
  const server = new Y.Doc()
  prepare(server)
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server))
  change(replica)
  const update = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
  return checkUpdate(server, 'board', update, DEFAULT_GUARD)
}

const signals = (doc: Y.Doc) => doc.getMap(BOARD_ROOTS.signals)
const nothing = () => {}

describe('the update guard: which admitted updates are small (applied without a clock)', () => {
  it('everyday edits are small: a card written, a word typed, a card deleted', () => {
    const withCard = (doc: Y.Doc) => signals(doc).set('card-1', 'Robots in home care')
    expect(verdictOf(nothing, withCard)).toMatchObject({ ok: true, small: true })
    expect(verdictOf(withCard, (doc) => signals(doc).set('card-1', 'Robots in home care, 2035'))).toMatchObject({ ok: true, small: true })
    expect(verdictOf(withCard, (doc) => signals(doc).delete('card-1'))).toMatchObject({ ok: true, small: true })
  })

  it('many structs, a long deletion or many bytes are timed', () => {
    const manyCards = (doc: Y.Doc) => doc.transact(() => Array.from({ length: 65 }, (_, i) => signals(doc).set(`card-${i}`, 'x')))
    expect(verdictOf(nothing, manyCards)).toMatchObject({ ok: true, small: false })

    const longText = (doc: Y.Doc) => {
      const text = new Y.Text()
      signals(doc).set('notes', text)
      text.insert(0, 'a'.repeat(2_000))
    }
    expect(verdictOf(longText, (doc) => (signals(doc).get('notes') as Y.Text).delete(0, 2_000))).toMatchObject({ ok: true, small: false })

    expect(verdictOf(nothing, (doc) => signals(doc).set('card-1', 'x'.repeat(20_000)))).toMatchObject({ ok: true, small: false })
  })
})
