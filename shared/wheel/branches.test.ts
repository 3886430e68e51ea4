import { describe, expect, it } from 'vitest'
import { layoutBranches } from './branches'
import type { WheelBox, WheelLayoutItem } from './types'

/** Two first-order consequences: one with three after it (the middle one with two more), one alone. */
const TREE: WheelLayoutItem[] = [
  {
    id: 'a',
    text: 'Care moves into homes',
    children: [
      { id: 'a1', text: 'Nurses visit by video', children: [] },
      {
        id: 'a2',
        text: 'Families share the work of caring, and some of them give up paid work for it',
        children: [
          { id: 'a21', text: 'Towns pay family carers', children: [] },
          { id: 'a22', text: 'Carers burn out', children: [] },
        ],
      },
      { id: 'a3', text: 'Homes are adapted', children: [] },
    ],
  },
  { id: 'b', text: 'Care jobs move into homes', children: [] },
]

const overlap = (a: WheelBox, b: WheelBox) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2

describe('a wheel’s branches laid out as a tree', () => {
  const layout = layoutBranches(TREE, { centreText: 'Ageing at home' })
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!

  it('puts each order in a column of its own, left to right from the trend, named above its boxes', () => {
    expect(layout.columns?.map((column) => column.ring)).toEqual([1, 2, 3])
    expect(layout.rings).toEqual([])
    for (const box of layout.nodes) {
      const column = layout.columns!.find((c) => c.ring === box.ring)!
      expect(box.x - box.w / 2).toBeCloseTo(column.left)
      expect(box.w).toBeLessThanOrEqual(column.width)
      expect(box.y - box.h / 2).toBeGreaterThan(column.nameY)
    }
    for (const column of layout.columns!) expect(column.left).toBeGreaterThan(layout.centre.x + layout.centre.w / 2)
    expect(layout.nodes.map((n) => n.ring)).toEqual([...layout.nodes.map((n) => n.ring)].sort())
  })

  it('overlaps no two boxes, and keeps every box in its bounds', () => {
    const boxes = [layout.centre, ...layout.nodes]
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false)
      expect(a.x - a.w / 2).toBeGreaterThanOrEqual(layout.bounds.minX)
      expect(a.x + a.w / 2).toBeLessThanOrEqual(layout.bounds.maxX)
      expect(a.y - a.h / 2).toBeGreaterThanOrEqual(layout.bounds.minY)
      expect(a.y + a.h / 2).toBeLessThanOrEqual(layout.bounds.maxY)
    }
  })

  it('keeps a consequence level with what follows from it, in the tree’s order from the top, and joins them with lines', () => {
    expect(node('a').y).toBeGreaterThan(node('a1').y)
    expect(node('a').y).toBeLessThan(node('a3').y)
    // Level with the middle of what follows from it, from the first's top to the last's bottom.
    expect(node('a2').y).toBeCloseTo((node('a21').y - node('a21').h / 2 + node('a22').y + node('a22').h / 2) / 2)
    expect(node('a1').y).toBeLessThan(node('a2').y)
    expect(node('a2').y).toBeLessThan(node('a3').y)
    expect(node('a3').y).toBeLessThan(node('b').y)
    expect(layout.edges.map((edge) => [edge.from, edge.to])).toEqual(layout.nodes.map((n) => [n.parentId, n.id]))
    // Each line runs level along its parent's row, then curves in the gap between two columns: through no box.
    const boxes = [layout.centre, ...layout.nodes]
    for (const edge of layout.edges) {
      expect(edge.x1).toBeLessThanOrEqual(edge.bendX!)
      expect(edge.bendX!).toBeLessThan(edge.x2)
      for (const box of boxes) {
        const inGap = box.x + box.w / 2 > edge.bendX! && box.x - box.w / 2 < edge.x2
        const onLevel = box.x + box.w / 2 > edge.x1 && box.x - box.w / 2 < edge.bendX! && Math.abs(box.y - edge.y1) < box.h / 2
        expect(inGap || onLevel).toBe(false)
      }
    }
  })
})
