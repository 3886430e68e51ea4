import { describe, expect, it } from 'vitest'
import type { WheelTreeNode } from '../../../shared/doc/index.ts'
import type { Group, Trend, WheelNode } from '../../../shared/schema/index.ts'
import { canAddBelow, descendantCount, findInTree, groupName, resolveChoice, valenceCounts, wheelsInFocus } from './wheelModel.ts'

const trend = (id: string, name = id): Trend => ({ id, name, narrative: '', opportunities: '', challenges: '', order: 'a0', createdBy: 'x', createdAt: 0 })
const trends = [trend('t1', 'Care moves home'), trend('t2', 'Four-day week'), trend('t3', 'Food sharing')]
const group = (id: string, name: string, trendId: string | null): Group => ({ id, name, trendId })

describe('wheelsInFocus', () => {
  it("takes the facilitator's groups first, skipping groups whose trend is gone", () => {
    const { entries, source } = wheelsInFocus(trends, [group('g1', 'Table 1', 't2'), group('g2', 'Gone', 'deleted'), group('g3', 'No trend', null)], ['t1'])
    expect(source).toBe('groups')
    expect(entries.map((e) => e.key)).toEqual(['group:g1'])
  })

  it('else the key drivers in trend order, else every trend', () => {
    expect(wheelsInFocus(trends, [], ['t3', 't1']).entries.map((e) => e.trend.id)).toEqual(['t1', 't3'])
    expect(wheelsInFocus(trends, [], ['t3', 't1']).source).toBe('keyDrivers')
    expect(wheelsInFocus(trends, [], ['deleted'])).toMatchObject({
      source: 'allTrends',
      entries: [{ key: 'trend:t1' }, { key: 'trend:t2' }, { key: 'trend:t3' }],
    })
  })

  it("names a group only when its name is not just its trend's", () => {
    const [named, plain] = wheelsInFocus(trends, [group('g1', 'Table 1', 't1'), group('g2', 'Four-day week', 't2')], []).entries
    expect(groupName(named!)).toBe('Table 1')
    expect(groupName(plain!)).toBeNull()
  })
})

describe('resolveChoice', () => {
  const { entries } = wheelsInFocus(trends, [], [])
  it('remembers a wheel that still exists, shows the only one, else all', () => {
    expect(resolveChoice(entries, 'trend:t2')).toBe('trend:t2')
    expect(resolveChoice(entries, 'trend:gone')).toBe('all')
    expect(resolveChoice(entries, null)).toBe('all')
    expect(resolveChoice(entries.slice(0, 1), 'trend:t2')).toBe('trend:t1')
  })
})

describe('rings', () => {
  it('lets a consequence have consequences of its own up to the third ring', () => {
    expect(canAddBelow({ ring: 2 })).toBe(true)
    expect(canAddBelow({ ring: 3 })).toBe(false)
  })
})

describe('tree helpers', () => {
  const n = (id: string, valence: WheelNode['valence'], children: WheelTreeNode[] = []): WheelTreeNode => ({ node: { id, valence } as WheelNode, children })
  const tree = [n('a', 'positive', [n('a1', 'negative', [n('a1x', '')]), n('a2', 'positive')]), n('b', 'mixed')]
  it('counts followers and valences, and finds a node with its parent', () => {
    expect(descendantCount(tree[0]!)).toBe(3)
    expect(valenceCounts(tree)).toEqual({ total: 5, positive: 2, negative: 1, mixed: 1, none: 1 })
    expect(findInTree(tree, 'a1x')?.parent?.node.id).toBe('a1')
    expect(findInTree(tree, 'b')?.parent).toBeNull()
    expect(findInTree(tree, 'nope')).toBeNull()
  })
})
