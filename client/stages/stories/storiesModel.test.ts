import { describe, expect, it } from 'vitest'
import type { Group, Story, WheelNode } from '../../../shared/schema/index.ts'
import { byWholeRings, groupsWithoutStory, orderStories, preferredGroupId } from './storiesModel.ts'

const group = (id: string, name = id): Group => ({ id, name, trendId: null })
const story = (id: string, groupId: string | null, order: string): Story => ({
  id,
  title: id,
  trendIds: [],
  wheelNodeIds: [],
  signalIds: [],
  groupId,
  personaId: `${id}-persona`,
  order,
  createdBy: 'someone-0000000000001',
  createdAt: 0,
})
const node = (id: string, authorId: string, groupId: string | null): WheelNode => ({
  id,
  trendId: 'trend-000000000000001',
  parentId: null,
  ring: 1,
  text: id,
  valence: '',
  order: 'a0',
  authorId,
  groupId,
})

const GROUPS = [group('blue'), group('green'), group('orange')]
const me = 'me-00000000000000000'

describe('preferredGroupId', () => {
  it('prefers the group remembered on this device, if it still exists', () => {
    const wheelNodes = new Map([['n1', node('n1', me, 'orange')]])
    expect(preferredGroupId({ groups: GROUPS, remembered: 'green', wheelNodes, participantId: me })).toBe('green')
    expect(preferredGroupId({ groups: GROUPS, remembered: 'deleted', wheelNodes, participantId: me })).toBe('orange')
  })

  it('else guesses from the consequences this person added on the futures wheel', () => {
    const wheelNodes = new Map([
      ['n1', node('n1', me, 'blue')],
      ['n2', node('n2', me, 'orange')],
      ['n3', node('n3', me, 'orange')],
      ['n4', node('n4', 'someone-else-00000001', 'green')],
    ])
    expect(preferredGroupId({ groups: GROUPS, remembered: null, wheelNodes, participantId: me })).toBe('orange')
    expect(preferredGroupId({ groups: GROUPS, remembered: null, wheelNodes: new Map(), participantId: me })).toBeNull()
  })
})

describe('orderStories', () => {
  const stories = new Map([
    ['s-room', story('s-room', null, 'a0')],
    ['s-orange', story('s-orange', 'orange', 'a1')],
    ['s-blue', story('s-blue', 'blue', 'a2')],
    ['s-gone', story('s-gone', 'deleted-group', 'a3')],
    ['s-blue-2', story('s-blue-2', 'blue', 'a4')],
  ])

  it('lists by the facilitator’s group order, then stories without a group', () => {
    expect(orderStories(stories, GROUPS, null).map((e) => e.story.id)).toEqual(['s-blue', 's-blue-2', 's-orange', 's-room', 's-gone'])
  })

  it('puts this person’s group first and marks its stories', () => {
    const entries = orderStories(stories, GROUPS, 'orange')
    expect(entries.map((e) => e.story.id)).toEqual(['s-orange', 's-blue', 's-blue-2', 's-room', 's-gone'])
    expect(entries.filter((e) => e.mine).map((e) => e.story.id)).toEqual(['s-orange'])
    // A story whose group was removed reads as the room's.
    expect(entries.find((e) => e.story.id === 's-gone')?.group).toBeNull()
  })
})

describe('groupsWithoutStory', () => {
  it('lists groups still to start, this person’s first', () => {
    const stories = new Map([['s-blue', story('s-blue', 'blue', 'a0')]])
    expect(groupsWithoutStory(GROUPS, stories, 'orange').map((g) => g.id)).toEqual(['orange', 'green'])
  })
})

describe('the consequences the inspiration panel shows', () => {
  const nodes = (rings: readonly number[]) => rings.map((ring, i) => ({ id: `n${i}`, node: { ring } }))
  const ids = (shown: readonly { id: string }[]) => shown.map((entry) => entry.id)

  it('shows the first ring, then only whole rings that fit: never one of twenty-five second-order ones', () => {
    // Five first-order consequences, twenty-five deeper: the five.
    expect(ids(byWholeRings(nodes([1, 2, 2, 3, 1, 2, 1, 3, 1, 2, 1, ...Array<number>(20).fill(3)]), 6))).toEqual(['n0', 'n4', 'n6', 'n8', 'n10'])
    // Three first-order and three second-order: all six.
    expect(ids(byWholeRings(nodes([1, 2, 1, 2, 1, 2]), 6))).toEqual(['n0', 'n2', 'n4', 'n1', 'n3', 'n5'])
    // More first-order ones than fit: the first six of them.
    expect(byWholeRings(nodes(Array<number>(9).fill(1)), 6)).toHaveLength(6)
  })
})
