import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changesNothing } from './changesNothing.ts'

describe('changesNothing', () => {
  /** A board with cards, some of them deleted, and a client that has all of it. */
  function boardAndClient() {
    const board = new Y.Doc()
    const signals = board.getMap('signals')
    for (let i = 0; i < 10; i++) signals.set(`card ${i}`, `Signal ${i}`)
    for (let i = 0; i < 10; i += 3) signals.delete(`card ${i}`)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(board))
    return { board, client, answer: () => Y.encodeStateAsUpdate(client, Y.encodeStateVector(board)) }
  }

  it("is true of a reconnecting client's answer: no structs, deletions the document has", () => {
    const { board, answer } = boardAndClient()
    expect(Y.decodeUpdate(answer()).ds.clients.size).toBe(1)
    expect(changesNothing(board, answer())).toBe(true)
    expect(changesNothing(board, new Uint8Array([0, 0]))).toBe(true)
  })

  it('is false of a deletion of something live, of new structs, of deletions the document lacks, of garbage', () => {
    const { board, client, answer } = boardAndClient()
    client.getMap('signals').delete('card 1')
    expect(changesNothing(board, answer())).toBe(false)
    const other = new Y.Doc()
    other.getMap('signals').set('new', 'card')
    expect(changesNothing(board, Y.encodeStateAsUpdate(other))).toBe(false)
    other.getMap('signals').delete('new')
    const onlyDeletion = Y.encodeStateAsUpdate(other, Y.encodeStateVector(other))
    expect(Y.decodeUpdate(onlyDeletion).structs).toEqual([])
    expect(changesNothing(board, onlyDeletion)).toBe(false)
    expect(changesNothing(board, new Uint8Array([0, 5, 250]))).toBe(false)
  })

  it('gives up past 20,000 clients, ranges and structs: a long delete set goes the usual, charged way', () => {
    const { board } = boardAndClient()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // no structs
    encoding.writeVarUint(encoder, 1_000_000) // clients, each with no ranges: no change, yet work
    for (let i = 0; i < 1_000_000; i++) {
      encoding.writeVarUint(encoder, i)
      encoding.writeVarUint(encoder, 0)
    }
    expect(changesNothing(board, encoding.toUint8Array(encoder))).toBe(false)
    // A text of 30,000 deleted letters (one merged struct), named again in ranges of one letter.
    const deleted = new Y.Doc()
    const text = deleted.getText('story')
    text.insert(0, 'x'.repeat(30_000))
    text.delete(0, 30_000)
    const client = deleted.clientID
    const ranges = (count: number) => {
      const answer = encoding.createEncoder()
      encoding.writeVarUint(answer, 0)
      encoding.writeVarUint(answer, 1)
      encoding.writeVarUint(answer, client)
      encoding.writeVarUint(answer, count)
      for (let i = 0; i < count; i++) {
        encoding.writeVarUint(answer, i)
        encoding.writeVarUint(answer, 1)
      }
      return encoding.toUint8Array(answer)
    }
    // Each range counts a step, and each struct it looks at another.
    expect(changesNothing(deleted, ranges(9_000))).toBe(true)
    expect(changesNothing(deleted, ranges(12_000))).toBe(false)
    expect(changesNothing(deleted, ranges(25_000))).toBe(false)
  })
})
