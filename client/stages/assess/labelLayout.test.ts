import { describe, expect, it } from 'vitest'
import { defaultSide, estimateLabelWidth, layoutLabels, spreadDots } from './labelLayout.ts'

const plot = { width: 600, height: 600, rowHeight: 32, dotRadius: 14 }
const box = (id: string, impact: number, uncertainty: number, width = 160) => ({ id, position: { impact, uncertainty }, width })
const sidesOf = (placements: Map<string, { side: string; shift: string }>) => Object.fromEntries([...placements].map(([id, p]) => [id, `${p.side}/${p.shift}`]))

describe('marker label layout', () => {
  it('grows labels towards the middle, on the dot’s row, when nothing is in the way', () => {
    expect(defaultSide({ impact: 0.5, uncertainty: 0.2 })).toBe('start')
    expect(defaultSide({ impact: 0.5, uncertainty: 0.9 })).toBe('end')
    expect(sidesOf(layoutLabels([box('a', 0.5, 0.1), box('b', 0.2, 0.9)], plot))).toEqual({ a: 'start/none', b: 'end/none' })
  })

  it('flips a label to the other side of its dot rather than cover a neighbour', () => {
    const placements = layoutLabels([box('a', 0.5, 0.4), box('b', 0.5, 0.3)], plot)
    // b (x=180) growing right would cover a's dot at x=240: it grows left instead.
    expect(sidesOf(placements)).toEqual({ a: 'start/none', b: 'end/none' })
  })

  it('moves a label off the row when both sides are taken', () => {
    // Three trends the group put in almost the same spot.
    const placements = layoutLabels([box('a', 0.6, 0.5), box('b', 0.6, 0.45), box('c', 0.6, 0.55)], plot)
    const shifted = [...placements.values()].filter((p) => p.shift !== 'none')
    expect(shifted.length).toBeGreaterThan(0)
    // Still the fewest moves: at least one label stays on its dot's row.
    expect(shifted.length).toBeLessThan(3)
  })

  it('leaves labels alone when they are on different rows', () => {
    expect(sidesOf(layoutLabels([box('a', 0.8, 0.3), box('b', 0.2, 0.4)], plot))).toEqual({ a: 'start/none', b: 'start/none' })
  })

  it('never pushes a label out of the grid to dodge a neighbour', () => {
    const placements = layoutLabels([box('a', 0.5, 0.02), box('b', 0.5, 0.05)], plot)
    expect(placements.get('b')?.side).toBe('start')
  })

  it('draws a dot at the same point as an earlier one beside it, so that both show', () => {
    const placements = layoutLabels([box('two', 0.65, 0.5), box('five', 0.65, 0.5)], plot)
    expect(placements.get('two')?.nudge).toEqual({ x: 0, y: 0 })
    const { x, y } = placements.get('five')!.nudge
    expect(Math.hypot(x, y)).toBeGreaterThanOrEqual(2 * plot.dotRadius)
  })

  it('keeps nudged dots inside the grid', () => {
    const nudges = spreadDots([box('a', 0.5, 1), box('b', 0.5, 1), box('c', 0.5, 1)], plot)
    for (const nudge of nudges.values()) expect(600 + nudge.x).toBeLessThanOrEqual(600)
    expect(new Set([...nudges.values()].map((n) => `${n.x},${n.y}`)).size).toBe(3)
  })

  it('leaves dots apart from each other where they are', () => {
    expect([...spreadDots([box('a', 0.5, 0.5), box('b', 0.6, 0.5)], plot).values()]).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ])
  })

  it('six trends a person placed close together (two at the same values): no dot hides another', () => {
    // Seen in a room: impacts 7, 6.5, 7.5, 3, 6.5 and 8.5 of 10, all at uncertainty 5.
    const boxes = [0.7, 0.65, 0.75, 0.3, 0.65, 0.85].map((impact, i) => box(`t${i + 1}`, impact, 0.5, 260))
    const grid = { ...plot, height: 540 }
    const placements = layoutLabels(boxes, grid)
    const dots = boxes.map((b) => {
      const nudge = placements.get(b.id)!.nudge
      return { x: b.position.uncertainty * grid.width + nudge.x, y: (1 - b.position.impact) * grid.height + nudge.y }
    })
    for (const [i, a] of dots.entries()) for (const b of dots.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * grid.dotRadius)
  })

  it('estimates label widths, capped at the share of the grid the CSS allows', () => {
    const measured = { ...plot, fontPx: 14 }
    expect(estimateLabelWidth(10, measured)).toBeCloseTo((10 * 0.55 + 3) * 14)
    expect(estimateLabelWidth(200, measured)).toBeCloseTo(0.46 * 600)
  })
})
