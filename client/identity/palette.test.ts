import { describe, expect, it } from 'vitest'
import { colorByJoinOrder, colorForId, personColor, PRESENCE_COLORS } from './palette.ts'

describe('presence colours', () => {
  it('the first twelve people to join get twelve different colours, the same on every device', () => {
    const people = new Map(Array.from({ length: 12 }, (_, i) => [`person-${String(i).padStart(2, '0')}-xxxxxxxxxxx`, { joinedAt: 1_000 + (i % 5) }]))
    const colors = [...people.keys()].map((id) => colorByJoinOrder(people, id))
    expect(new Set(colors).size).toBe(12)
    // Another device receives the same entries in another order: same colours.
    const shuffled = new Map([...people].reverse())
    expect([...people.keys()].map((id) => colorByJoinOrder(shuffled, id))).toEqual(colors)
  })

  it('a hash of ids alone would repeat colours in a small room (why join order decides)', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `person-${i}`)
    expect(new Set(ids.map(colorForId)).size).toBeLessThan(12)
  })

  it('has twelve distinct colours and none for someone not on the board yet', () => {
    expect(new Set(PRESENCE_COLORS).size).toBe(12)
    expect(colorByJoinOrder(new Map(), 'nobody')).toBeNull()
  })
})

describe('personColor', () => {
  it('is the join-order colour on the board, else the id’s own', () => {
    const people = new Map(Array.from({ length: 14 }, (_, i) => [`person-${String(i).padStart(2, '0')}-xxxxxxxxxxx`, { joinedAt: 1_000 + i }]))
    const ids = [...people.keys()]
    expect(ids.map((id) => personColor(people, id))).toEqual(ids.map((_, i) => PRESENCE_COLORS[i % 12]))
    expect(personColor(people, 'not-on-the-board')).toBe(colorForId('not-on-the-board'))
    expect(personColor(undefined, 'person-00-xxxxxxxxxxx')).toBe(colorForId('person-00-xxxxxxxxxxx'))
  })
})
