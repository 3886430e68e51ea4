import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addSignal, createTrend, groupSignals } from '../../../../shared/doc/index.ts'
import { anna, ben, newBoard, readValid } from '../../../../shared/doc/testing/fixtures.ts'
import { connectDocs } from '../../../../shared/doc/testing/network.ts'
import { carriedFromWhereItIsNow, decideDrop, isCardDrag, isDropTarget, runDrop, type CardDrag, type DropTarget } from './dropDecision.ts'

const fromUnsorted = (signalId: string): CardDrag => ({ kind: 'card', signalId, fromTrendId: null })
const fromTrend = (signalId: string, trendId: string): CardDrag => ({ kind: 'card', signalId, fromTrendId: trendId })
const trend = (trendId: string): DropTarget => ({ kind: 'trend', trendId })
const card = (signalId: string): DropTarget => ({ kind: 'card', signalId })
const unsorted: DropTarget = { kind: 'unsorted' }

describe('decideDrop', () => {
  it('unsorted card on a trend moves it there', () => {
    expect(decideDrop(fromUnsorted('s1'), trend('t1'))).toEqual({ kind: 'move', signalId: 's1', fromTrendId: null, toTrendId: 't1' })
  })

  it('card from one trend onto another moves it between them', () => {
    expect(decideDrop(fromTrend('s1', 't1'), trend('t2'))).toEqual({ kind: 'move', signalId: 's1', fromTrendId: 't1', toTrendId: 't2' })
  })

  it('card from a trend onto the unsorted pile takes it out of that trend', () => {
    expect(decideDrop(fromTrend('s1', 't1'), unsorted)).toEqual({ kind: 'move', signalId: 's1', fromTrendId: 't1', toTrendId: null })
  })

  it('card dropped where it already is does nothing', () => {
    expect(decideDrop(fromTrend('s1', 't1'), trend('t1'))).toEqual({ kind: 'none' })
    expect(decideDrop(fromUnsorted('s1'), unsorted)).toEqual({ kind: 'none' })
  })

  it('card on another card starts a trend with both, remembering where the dragged one came from', () => {
    expect(decideDrop(fromUnsorted('s1'), card('s2'))).toEqual({ kind: 'createTrend', targetSignalId: 's2', draggedSignalId: 's1', fromTrendId: null })
    expect(decideDrop(fromTrend('s1', 't1'), card('s2'))).toEqual({ kind: 'createTrend', targetSignalId: 's2', draggedSignalId: 's1', fromTrendId: 't1' })
  })

  it('card on itself does nothing', () => {
    expect(decideDrop(fromUnsorted('s1'), card('s1'))).toEqual({ kind: 'none' })
  })

  it('a drop on nothing, or with malformed data, does nothing', () => {
    expect(decideDrop(fromUnsorted('s1'), null)).toEqual({ kind: 'none' })
    expect(decideDrop(undefined, trend('t1'))).toEqual({ kind: 'none' })
    expect(decideDrop({ kind: 'card', signalId: '', fromTrendId: null }, trend('t1'))).toEqual({ kind: 'none' })
    expect(decideDrop({ kind: 'card', signalId: 's1' }, trend('t1'))).toEqual({ kind: 'none' })
    expect(decideDrop(fromUnsorted('s1'), { kind: 'trend' })).toEqual({ kind: 'none' })
    expect(decideDrop(fromUnsorted('s1'), { kind: 'wheel', id: 'x' })).toEqual({ kind: 'none' })
  })

  it('tells drags and targets apart by shape', () => {
    expect(isCardDrag(fromTrend('s1', 't1'))).toBe(true)
    expect(isCardDrag(card('s1'))).toBe(false)
    expect(isDropTarget(unsorted)).toBe(true)
    expect(isDropTarget(fromUnsorted('s1'))).toBe(true) // a card is also a target: the data objects differ per hook
    expect(isDropTarget('unsorted')).toBe(false)
  })
})

describe('runDrop', () => {
  function boardWithCards() {
    const doc = newBoard(1)
    const a = addSignal(doc, { title: 'Care robots in elderly homes', category: 'technological' }, anna)
    const b = addSignal(doc, { title: 'Grandparents on video calls', category: 'social' }, anna)
    const c = addSignal(doc, { title: 'Shared cars in villages', category: 'economic' }, anna)
    const t1 = createTrend(doc, { name: 'Care moves home' }, anna)
    const t2 = createTrend(doc, { name: 'Digital everyday life' }, anna)
    return { doc, a, b, c, t1, t2 }
  }

  it('a move writes one membership and the card leaves unsorted', () => {
    const { doc, a, t1 } = boardWithCards()
    const result = runDrop(doc, decideDrop(fromUnsorted(a), trend(t1)), anna)
    expect(result).toEqual({ kind: 'moved', ok: true })
    const groups = groupSignals(readValid(doc))
    expect(groups.trends.find((g) => g.trend.id === t1)?.signals.map((s) => s.id)).toEqual([a])
    expect(groups.unsorted.map((s) => s.id)).not.toContain(a)
  })

  it('drop on a card creates a new unnamed trend with both cards and leaves the old trend', () => {
    const { doc, a, b, t1 } = boardWithCards()
    runDrop(doc, decideDrop(fromUnsorted(a), trend(t1)), anna)
    const result = runDrop(doc, decideDrop(fromTrend(a, t1), card(b)), anna)
    expect(result.kind).toBe('created')
    const trendId = (result as { trendId: string }).trendId
    const groups = groupSignals(readValid(doc))
    const created = groups.trends.find((g) => g.trend.id === trendId)
    expect(created?.trend.name).toBe('')
    expect(created?.signals.map((s) => s.id).sort()).toEqual([a, b].sort())
    expect(groups.trends.find((g) => g.trend.id === t1)?.signals).toEqual([])
  })

  it('a none decision writes nothing', () => {
    const { doc } = boardWithCards()
    let updates = 0
    doc.on('update', () => updates++)
    expect(runDrop(doc, { kind: 'none' }, anna)).toEqual({ kind: 'none' })
    expect(updates).toBe(0)
  })

  it('two people dropping the same card on two trends at once: one card in one trend, the same everywhere, none lost', () => {
    const { doc: annaDoc, a, t1, t2 } = boardWithCards()
    const benDoc = newBoard(2)
    const link = connectDocs(annaDoc, benDoc)
    link.hold()
    runDrop(annaDoc, decideDrop(fromUnsorted(a), trend(t1)), anna)
    runDrop(benDoc, decideDrop(fromUnsorted(a), trend(t2)), ben)
    link.release()
    const placed = (doc: Y.Doc) => groupSignals(readValid(doc)).trends.map((g) => g.signals.map((s) => s.id))
    expect(placed(annaDoc).flat()).toEqual([a])
    expect(placed(benDoc)).toEqual(placed(annaDoc))
    for (const doc of [annaDoc, benDoc]) {
      expect(groupSignals(readValid(doc)).unsorted.map((s) => s.id)).not.toContain(a)
      expect(readValid(doc).signals.size).toBe(3)
    }
  })

  it('one person moves a card out of a trend while another moves it to a third: it backs the third only', () => {
    const { doc: annaDoc, a, b, c, t1, t2 } = boardWithCards()
    runDrop(annaDoc, decideDrop(fromUnsorted(a), trend(t1)), anna)
    const benDoc = newBoard(2)
    const link = connectDocs(annaDoc, benDoc)
    link.hold()
    runDrop(annaDoc, decideDrop(fromTrend(a, t1), unsorted), anna)
    runDrop(benDoc, decideDrop(fromTrend(a, t1), trend(t2)), ben)
    link.release()
    for (const doc of [annaDoc, benDoc]) {
      const groups = groupSignals(readValid(doc))
      expect(groups.trendIdsBySignal.get(a)).toEqual([t2])
      expect(groups.unsorted.map((s) => s.id).sort()).toEqual([b, c].sort())
    }
  })
})

describe('carriedFromWhereItIsNow', () => {
  const m = (trendId: string, signalId: string) => ({ trendId, signalId })
  it('takes a card someone else moved during the drag from where it is now, when that is one place', () => {
    expect(carriedFromWhereItIsNow(fromUnsorted('s1'), [m('t2', 's1'), m('t3', 's2')])).toEqual(fromTrend('s1', 't2'))
    expect(carriedFromWhereItIsNow(fromTrend('s1', 't1'), [m('t3', 's2')])).toEqual(fromUnsorted('s1'))
    // In several trends now: where it was picked up.
    expect(carriedFromWhereItIsNow(fromTrend('s1', 't1'), [m('t2', 's1'), m('t3', 's1')])).toEqual(fromTrend('s1', 't1'))
  })
})
