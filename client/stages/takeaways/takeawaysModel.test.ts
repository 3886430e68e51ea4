import { describe, expect, it } from 'vitest'
import type { PlusOnes } from '../../../shared/doc/index.ts'
import type { Takeaway } from '../../../shared/schema/index.ts'
import { columnsByWhen } from './takeawaysModel.ts'

const takeaway = (id: string, when: Takeaway['when'], order: string): Takeaway => ({
  id,
  text: id,
  who: '',
  when,
  storyIds: [],
  trendIds: [],
  createdBy: 'anna',
  createdAt: 0,
  order,
})
const map = (...items: Takeaway[]) => new Map(items.map((item) => [item.id, item]))
const ones = (entries: Record<string, number>): Map<string, PlusOnes> =>
  new Map(Object.entries(entries).map(([id, count]) => [id, { count, participantIds: [] }]))

describe('columnsByWhen', () => {
  const takeaways = map(takeaway('late', 'year', 'a2'), takeaway('early', 'year', 'a1'), takeaway('soon', 'now', 'a3'))
  it('always gives the three columns in time order, each in the order added', () => {
    const columns = columnsByWhen(takeaways, new Map(), 'added')
    expect(columns.map((c) => [c.when, c.takeaways.map((t) => t.id)])).toEqual([
      ['now', ['soon']],
      ['year', ['early', 'late']],
      ['fiveYears', []],
    ])
  })

  it('puts the most +1s first on request, ties in the order added', () => {
    expect(columnsByWhen(takeaways, ones({ late: 2, early: 1 }), 'agreed')[1]!.takeaways.map((t) => t.id)).toEqual(['late', 'early'])
    expect(columnsByWhen(takeaways, ones({ late: 1, early: 1 }), 'agreed')[1]!.takeaways.map((t) => t.id)).toEqual(['early', 'late'])
  })
})
