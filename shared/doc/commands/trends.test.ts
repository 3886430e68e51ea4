import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { groupSignals } from '../derive/board'
import { anna, ben, boardJson, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { addSignal } from './signals'
import {
  createTrendWithSignals,
  addSignalToTrend,
  createTrend,
  createTrendFromSignals,
  deleteTrend,
  moveSignalToTrend,
  removeSignalFromTrend,
  renameTrend,
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
  it('a signal dropped on two trends at once backs both: no duplicate card, nothing lost', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const t1 = createTrend(a, { name: 'T1' }, anna)
    const t2 = createTrend(a, { name: 'T2' }, anna)
    link.hold()
    moveSignalToTrend(a, s, null, t1, anna)
    moveSignalToTrend(b, s, null, t2, ben)
    link.release()
    for (const doc of [a, b]) {
      const groups = groupSignals(readValid(doc))
      expect(groups.unsorted).toEqual([])
      expect(groups.trends.map((g) => titles(g.signals))).toEqual([['S'], ['S']])
    }
    expect(boardJson(a)).toEqual(boardJson(b))
  })

  it('a signal moved out of one trend into two different trends at once backs both targets', () => {
    const { a, b, link } = pair()
    const s = addSignal(a, { title: 'S' }, anna)
    const [t0, t1, t2] = ['T0', 'T1', 'T2'].map((name) => createTrend(a, { name }, anna)) as [string, string, string]
    moveSignalToTrend(a, s, null, t0, anna)
    link.hold()
    moveSignalToTrend(a, s, t0, t1, anna)
    moveSignalToTrend(b, s, t0, t2, ben)
    link.release()
    expect(groupSignals(readValid(a)).trends.map((g) => titles(g.signals))).toEqual([[], ['S'], ['S']])
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
