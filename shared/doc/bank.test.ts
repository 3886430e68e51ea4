import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { heldSignals, initBank, releaseSignals } from './bank'
import { importSignals } from './commands/signals'
import { schemaVersionOf } from './migrate'
import { anna, newBoard, readValid } from './testing/fixtures'

describe('held-back bank signals', () => {
  it('are kept in the bank, released one by one or all at once onto the board, keeping ids and links', () => {
    const board = newBoard()
    const bank = new Y.Doc()
    initBank(bank)
    expect(schemaVersionOf(bank, 'bank')).not.toBeNull()
    const [a, b, c] = importSignals(bank, [{ title: 'A', sourceUrl: 'https://a.example/' }, { title: 'B' }, { title: 'C' }], anna) as [string, string, string]
    expect(readValid(board).signals.size).toBe(0)
    expect(heldSignals(bank).map((s) => s.title)).toEqual(['A', 'B', 'C'])

    expect(releaseSignals(board, bank, [b])).toBe(1)
    expect([...readValid(board).signals.keys()]).toEqual([b])
    expect(heldSignals(bank).map((s) => s.id)).toEqual([a, c])

    expect(releaseSignals(board, bank)).toBe(2)
    const wall = readValid(board).signals
    expect(wall.get(a)).toMatchObject({ title: 'A', sourceUrl: 'https://a.example/', fromBank: true })
    expect(heldSignals(bank)).toEqual([])
  })

  it('does not duplicate a card a crashed release already put on the board', () => {
    const board = newBoard()
    const bank = new Y.Doc()
    const [id] = importSignals(bank, [{ title: 'A' }], anna) as [string]
    const before = Y.encodeStateAsUpdate(bank)
    releaseSignals(board, bank)
    const stale = new Y.Doc()
    Y.applyUpdate(stale, before) // the bank as it was, had the second step not been stored
    expect(releaseSignals(board, stale)).toBe(0)
    expect([...readValid(board).signals.keys()]).toEqual([id])
  })
})
