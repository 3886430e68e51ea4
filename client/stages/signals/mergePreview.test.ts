import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, initBoard, mergeSignals, readBoard, sortedByOrder } from '../../../shared/doc/index.ts'
import { mergeCandidates, mergePreview, titleSimilarity } from './mergePreview.ts'

const anna = { participantId: 'AnnaAnnaAnnaAnnaAnna01' }
const ben = { participantId: 'BenBenBenBenBenBenBen1' }
const facilitator = { participantId: 'FacFacFacFacFacFacFac1' }

describe('merge preview', () => {
  it('shows exactly what mergeSignals then writes: both authors, every link, theme and category filled in', () => {
    const doc = new Y.Doc()
    initBoard(doc)
    const keep = addSignal(doc, { title: 'Care robots in elderly homes', sourceUrl: 'https://yle.fi/a', category: 'technological' }, anna)
    const drop = addSignal(
      doc,
      { title: 'Robots in care homes', description: 'Seen in Espoo', sourceUrl: 'https://hs.fi/b', themeId: 'older-people-000000001' },
      ben,
    )
    const before = readBoard(doc)
    const preview = mergePreview(before.signals.get(keep)!, before.signals.get(drop)!)

    expect(mergeSignals(doc, keep, drop, facilitator)).toBe(true)
    const merged = readBoard(doc).signals.get(keep)!
    expect(readBoard(doc).signals.has(drop)).toBe(false)
    expect(preview.title).toBe(merged.title)
    expect([...preview.authorIds].sort()).toEqual([...merged.authorIds].sort())
    expect([...preview.sources].sort()).toEqual([merged.sourceUrl, ...merged.sources].sort())
    expect(preview.themeId).toBe(merged.themeId)
    expect(preview.category).toBe(merged.category)
    expect(preview.addsDescription).toBe(true)
    expect(merged.description).toContain('Seen in Espoo')
  })

  it('offers likely duplicates first, never the card itself, and narrows by search words', () => {
    const doc = new Y.Doc()
    initBoard(doc)
    addSignal(doc, { title: 'Four-day week pilot' }, anna)
    const robots = addSignal(doc, { title: 'Care robots in elderly homes' }, anna)
    addSignal(doc, { title: 'Heat waves in July', description: 'day-care yards closed' }, ben)
    const drop = addSignal(doc, { title: 'Robots in elderly care' }, ben)
    const signals = sortedByOrder(readBoard(doc).signals)
    const duplicate = signals.find((signal) => signal.id === drop)!

    const offered = mergeCandidates(signals, duplicate, '')
    expect(offered[0]!.id).toBe(robots)
    expect(offered.map((signal) => signal.id)).not.toContain(drop)
    expect(offered).toHaveLength(3)
    expect(mergeCandidates(signals, duplicate, 'DAY-CARE').map((signal) => signal.title)).toEqual(['Heat waves in July'])
    expect(titleSimilarity('Care robots', 'care ROBOTS!')).toBe(1)
    expect(titleSimilarity('Care robots', 'Heat waves')).toBe(0)
  })
})
