import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { groupSignals, overtakenMoves } from '../derive/board'
import { anna, ben, boardJson, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { addSignal, mergeSignals } from './signals'
import {
  createTrendWithSignals,
  addSignalToTrend,
  createTrend,
  createTrendFromSignals,
  deleteTrend,
  moveSignalToTrend,
  removeSignalFromTrend,
  renameTrend,
  settleConcurrentMoves,
} from './trends'

function pair() {
  const a = newBoard(1)
  const b = new Y.Doc()
  b.clientID = 2
  return { a, b, link: connectDocs(a, b) }
}

const titles = (signals: readonly { title: string }[]) => signals.map((s) => s.title)

describe('trend commands', () => {
  it('moves a signal between unsorted and trends', () => {
    const doc = newBoard()
    const s = addSignal(doc, { title: 'S' }, anna)
    const t1 = createTrend(doc, { name: 'T1' }, anna)
    const t2 = createTrend(doc, { name: 'T2' }, anna)
    moveSignalToTrend(doc, s, null, t1, anna)
    expect(groupSignals(readValid(doc)).unsorted).toEqual([])
    moveSignalToTrend(doc, s, t1, t2, anna)
    let groups = groupSignals(readValid(doc))
    expect(groups.trends.map((g) => titles(g.signals))).toEqual([[], ['S']])
    moveSignalToTrend(doc, s, t2, null, anna)
    groups = groupSignals(readValid(doc))
    expect(titles(groups.unsorted)).toEqual(['S'])
  })

  it('lets a signal back several trends ("also supports…") and leave one of them', () => {
    const doc = newBoard()
    const s = addSignal(doc, { title: 'S' }, anna)
    const t1 = createTrend(doc, { name: 'T1' }, anna)
    const t2 = createTrend(doc, { name: 'T2' }, anna)
    moveSignalToTrend(doc, s, null, t1, anna)
    addSignalToTrend(doc, s, t2, anna)
    addSignalToTrend(doc, s, t2, anna) // twice: still once
    expect(groupSignals(readValid(doc)).trends.map((g) => titles(g.signals))).toEqual([['S'], ['S']])
    removeSignalFromTrend(doc, s, t1)
    expect(groupSignals(readValid(doc)).trendIdsBySignal.get(s)).toEqual([t2])
  })

  it('orders signals inside a trend and places before a given card', () => {
    const doc = newBoard()
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addSignal(doc, { title }, anna)) as [string, string, string]
    const t = createTrend(doc, {}, anna)
    moveSignalToTrend(doc, a, null, t, anna)
    moveSignalToTrend(doc, b, null, t, anna)
    moveSignalToTrend(doc, c, null, t, anna, { before: a })
    expect(titles(groupSignals(readValid(doc)).trends[0]?.signals ?? [])).toEqual(['C', 'A', 'B'])
    moveSignalToTrend(doc, c, t, t, anna, { before: null }) // same trend, no target: stays
    expect(titles(groupSignals(readValid(doc)).trends[0]?.signals ?? [])).toEqual(['C', 'A', 'B'])
  })

  it('creates an unnamed trend from two dropped cards', () => {
    const doc = newBoard()
    const a = addSignal(doc, { title: 'A' }, anna)
    const b = addSignal(doc, { title: 'B' }, anna)
    const trend = createTrendFromSignals(doc, a, b, anna)
    expect(trend).not.toBeNull()
    const board = readValid(doc)
    expect(board.trends.get(trend as string)?.name).toBe('')
    expect(titles(groupSignals(board).trends[0]?.signals ?? [])).toEqual(['A', 'B'])
    expect(createTrendFromSignals(doc, a, a, anna)).toBeNull()
    renameTrend(doc, trend as string, 'Care moves home')
    expect(readValid(doc).trends.get(trend as string)?.name).toBe('Care moves home')
  })

  it('deleting a trend returns its signals to unsorted and removes what hung on it', () => {
    const doc = newBoard()
    const s = addSignal(doc, { title: 'S' }, anna)
    const t = createTrend(doc, { name: 'T' }, anna)
    moveSignalToTrend(doc, s, null, t, anna)
    deleteTrend(doc, t)
    const board = readValid(doc)
    expect(board.trends.size).toBe(0)
    expect(board.memberships.size).toBe(0)
    expect(titles(groupSignals(board).unsorted)).toEqual(['S'])
  })
})

describe('trends under concurrency', () => {
  /** Runs `move` with the wall clock at `at` (moves made at once are told apart by their clocks). */
  function at<T>(time: number, move: () => T): T {
    vi.useFakeTimers({ now: time, toFake: ['Date'] })
    try {
      return move()
    } finally {
      vi.useRealTimers()
    }
  }
  const placed = (doc: Y.Doc) => groupSignals(readValid(doc)).trends.map((g) => [g.trend.name, titles(g.signals)])

  it("a card two people move out of the unsorted pile at once ends in one trend, the later mover's, on every device", () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const t1 = createTrend(a, { name: 'T1' }, anna)
    const t2 = createTrend(a, { name: 'T2' }, anna)
    link.hold()
    at(2_000, () => moveSignalToTrend(a, s, null, t1, anna))
    at(1_000, () => moveSignalToTrend(b, s, null, t2, ben))
    link.release()
    for (const doc of [a, b]) {
      const groups = groupSignals(readValid(doc))
      expect(groups.unsorted).toEqual([])
      expect(placed(doc)).toEqual([
        ['T1', ['S']],
        ['T2', []],
      ])
      expect(groups.trendIdsBySignal.get(s)).toEqual([t1])
      expect(overtakenMoves(readValid(doc))).toEqual([`${t2}|${s}`])
    }
    expect(boardJson(a)).toEqual(boardJson(b))
  })

  it('a move out of the pile made after another move of the card arrived (the menu still open) stands, and is no link', () => {
    const { a, b } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const t1 = createTrend(a, { name: 'T1' }, anna)
    const t2 = createTrend(a, { name: 'T2' }, anna)
    at(1_000, () => moveSignalToTrend(a, s, null, t1, anna))
    // Ben saw the card in the pile when he chose T2: his move arrives with Anna's already in.
    at(2_000, () => moveSignalToTrend(b, s, null, t2, ben))
    for (const doc of [a, b])
      expect(placed(doc)).toEqual([
        ['T1', []],
        ['T2', ['S']],
      ])
  })

  it('a suggestion accepted after a card of it was sorted adds the card to the new trend and leaves it where it was sorted', () => {
    const doc = newBoard()
    const s = addSignal(doc, { title: 'S' }, anna)
    const t1 = createTrend(doc, { name: 'T1' }, anna)
    at(1_000, () => moveSignalToTrend(doc, s, null, t1, anna))
    at(2_000, () => createTrendWithSignals(doc, { name: 'Suggested' }, [s], ben))
    expect(placed(doc)).toEqual([
      ['T1', ['S']],
      ['Suggested', ['S']],
    ])
  })

  it('settling removes the overtaken move, so the card moving on later does not bring it back', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const [t1, t2, t3] = ['T1', 'T2', 'T3'].map((name) => createTrend(a, { name }, anna)) as [string, string, string]
    link.hold()
    at(1_000, () => moveSignalToTrend(a, s, null, t1, anna))
    at(2_000, () => moveSignalToTrend(b, s, null, t2, ben))
    link.release()
    expect(settleConcurrentMoves(a, overtakenMoves(readValid(a)))).toBe(1)
    // Ben's device settles too, having seen the same: removing it twice changes nothing.
    expect(settleConcurrentMoves(b, [`${t1}|${s}`])).toBe(0)
    moveSignalToTrend(b, s, t2, t3, ben)
    for (const doc of [a, b])
      expect(placed(doc)).toEqual([
        ['T1', []],
        ['T2', []],
        ['T3', ['S']],
      ])
    moveSignalToTrend(a, s, t3, null, anna)
    expect(titles(groupSignals(readValid(b)).unsorted)).toEqual(['S'])
  })

  it('a card moved out of one trend into two others at once ends in one of them', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const [t0, t1, t2] = ['T0', 'T1', 'T2'].map((name) => createTrend(a, { name }, anna)) as [string, string, string]
    moveSignalToTrend(a, s, null, t0, anna)
    link.hold()
    at(1_000, () => moveSignalToTrend(a, s, t0, t1, anna))
    at(2_000, () => moveSignalToTrend(b, s, t0, t2, ben))
    link.release()
    for (const doc of [a, b])
      expect(placed(doc)).toEqual([
        ['T0', []],
        ['T1', []],
        ['T2', ['S']],
      ])
  })

  it('moves made at the same millisecond settle on the same trend everywhere', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const t1 = createTrend(a, { name: 'T1' }, anna)
    const t2 = createTrend(a, { name: 'T2' }, anna)
    link.hold()
    at(1_000, () => moveSignalToTrend(a, s, null, t1, anna))
    at(1_000, () => moveSignalToTrend(b, s, null, t2, ben))
    link.release()
    const inA = groupSignals(readValid(a)).trendIdsBySignal.get(s)
    expect(inA).toHaveLength(1)
    expect(groupSignals(readValid(b)).trendIdsBySignal.get(s)).toEqual(inA)
  })

  it('"Also supports" at the moment someone moves the card keeps both: linking is meant', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const [t0, t1, t2] = ['T0', 'T1', 'T2'].map((name) => createTrend(a, { name }, anna)) as [string, string, string]
    moveSignalToTrend(a, s, null, t0, anna)
    link.hold()
    moveSignalToTrend(a, s, t0, t1, anna)
    addSignalToTrend(b, s, t2, ben)
    link.release()
    for (const doc of [a, b])
      expect(placed(doc)).toEqual([
        ['T0', []],
        ['T1', ['S']],
        ['T2', ['S']],
      ])
  })

  it('moves made one after another out of the same trend each stand (the card was put back in between)', () => {
    const doc = newBoard()
    const s = addSignal(doc, { title: 'S' }, anna)
    const [t1, t2, t3] = ['T1', 'T2', 'T3'].map((name) => createTrend(doc, { name }, anna)) as [string, string, string]
    moveSignalToTrend(doc, s, null, t1, anna)
    moveSignalToTrend(doc, s, t1, t2, anna)
    addSignalToTrend(doc, s, t1, ben)
    moveSignalToTrend(doc, s, t1, t3, ben)
    expect(placed(doc)).toEqual([
      ['T1', []],
      ['T2', ['S']],
      ['T3', ['S']],
    ])
    expect(overtakenMoves(readValid(doc))).toEqual([])
  })

  // Dropping one card on another moves both into the new trend: the dropped one and the one it lands on.
  it.each([
    ['dropped on another to start a trend', 'dropped'],
    ['another card was dropped on', 'target'],
  ] as const)('a card %s while someone moves it elsewhere at the same moment ends in one trend, the later move’s', (_, role) => {
    const { a, b, link } = pair()
    const [x, s] = ['X', 'S'].map((title) => addSignal(a, { title }, anna)) as [string, string]
    const t = createTrend(a, { name: 'T' }, anna)
    link.hold()
    at(1_000, () => (role === 'dropped' ? createTrendFromSignals(a, x, s, anna, { name: 'A' }) : createTrendFromSignals(a, s, x, anna, { name: 'A' })))
    at(2_000, () => moveSignalToTrend(b, s, null, t, ben))
    link.release()
    for (const doc of [a, b])
      expect(placed(doc)).toEqual([
        ['T', ['S']],
        ['A', ['X']],
      ])
  })

  it('moved on again before the other move arrives (offline), the card still ends in one trend', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const [t1, t2, t3] = ['T1', 'T2', 'T3'].map((name) => createTrend(a, { name }, anna)) as [string, string, string]
    link.hold()
    at(1_000, () => moveSignalToTrend(a, s, null, t1, anna))
    at(3_000, () => moveSignalToTrend(a, s, t1, t3, anna))
    at(2_000, () => moveSignalToTrend(b, s, null, t2, ben))
    link.release()
    for (const doc of [a, b])
      expect(placed(doc)).toEqual([
        ['T1', []],
        ['T2', []],
        ['T3', ['S']],
      ])
  })

  describe('before any device has removed the overtaken move', () => {
    /** S moved to T1 by Anna (later) and to T2 by Ben (earlier): T1 stands, T2 hidden but still stored. */
    function overtaken() {
      const { a, b, link } = pair()
      const s = addSignal(a, { title: 'S' }, anna)
      const [t1, t2, t3] = ['T1', 'T2', 'T3'].map((name) => createTrend(a, { name }, anna)) as [string, string, string]
      link.hold()
      at(2_000, () => moveSignalToTrend(a, s, null, t1, anna))
      at(1_000, () => moveSignalToTrend(b, s, null, t2, ben))
      link.release()
      expect(overtakenMoves(readValid(a))).toEqual([`${t2}|${s}`])
      return { a, b, link, s, t1, t2, t3 }
    }

    it('taking the card out of its trend puts it in Unsorted, not in the hidden one', () => {
      const { a, b, s, t1 } = overtaken()
      removeSignalFromTrend(a, s, t1)
      for (const doc of [a, b]) expect(titles(groupSignals(readValid(doc)).unsorted)).toEqual(['S'])
    })

    it('moving it onto the hidden trend puts it there, while another device removes the hidden move', () => {
      const { a, b, link, s, t1, t2 } = overtaken()
      link.hold()
      moveSignalToTrend(a, s, t1, t2, anna)
      settleConcurrentMoves(b, overtakenMoves(readValid(b)))
      link.release()
      for (const doc of [a, b])
        expect(placed(doc)).toEqual([
          ['T1', []],
          ['T2', ['S']],
          ['T3', []],
        ])
    })

    it('merging it into another card keeps where it stands, not the hidden move as a link', () => {
      const { a, s, t1 } = overtaken()
      const kept = addSignal(a, { title: 'K' }, anna)
      mergeSignals(a, kept, s, anna)
      expect(groupSignals(readValid(a)).trendIdsBySignal.get(kept)).toEqual([t1])
    })
  })

  it('a signal dropped on a trend being deleted shows in unsorted, with no orphan shown', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const t = createTrend(a, { name: 'T' }, anna)
    link.hold()
    deleteTrend(a, t)
    moveSignalToTrend(b, s, null, t, ben)
    link.release()
    for (const doc of [a, b]) {
      const board = readValid(doc)
      const groups = groupSignals(board)
      expect(board.trends.size).toBe(0)
      expect(groups.trends).toEqual([])
      expect(titles(groups.unsorted)).toEqual(['S'])
      expect(groups.trendIdsBySignal.size).toBe(0)
    }
    expect(boardJson(a)).toEqual(boardJson(b))
  })

  it('a card moved from a deleted trend to another keeps its new place', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const t1 = createTrend(a, { name: 'T1' }, anna)
    const t2 = createTrend(a, { name: 'T2' }, anna)
    moveSignalToTrend(a, s, null, t1, anna)
    link.hold()
    deleteTrend(a, t1)
    moveSignalToTrend(b, s, t1, t2, ben)
    link.release()
    expect(groupSignals(readValid(a)).trends.map((g) => [g.trend.name, titles(g.signals)])).toEqual([['T2', ['S']]])
  })
})

describe('createTrendWithSignals (accepting a suggested group)', () => {
  it('creates a named trend backed by the signals in one undo step, skipping missing ones', async () => {
    const { createUndoManager } = await import('../undo')
    const board = newBoard()
    const ids = ['one', 'two', 'three'].map((title) => addSignal(board, { title }, anna))
    const undo = createUndoManager(board)
    const trendId = createTrendWithSignals(board, { name: 'Care moves home' }, [...ids, 'missing-0000000000000'], anna)
    const snapshot = readValid(board)
    expect(snapshot.trends.get(trendId)?.name).toBe('Care moves home')
    expect(
      [...snapshot.memberships.values()]
        .filter((m) => m.trendId === trendId)
        .map((m) => m.signalId)
        .sort(),
    ).toEqual([...ids].sort())
    undo.undo()
    expect(readValid(board).trends.size).toBe(0)
    expect(readValid(board).memberships.size).toBe(0)
    expect(readValid(board).signals.size).toBe(3)
    undo.destroy()
  })
})
