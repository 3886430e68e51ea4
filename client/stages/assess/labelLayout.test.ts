import { describe, expect, it } from 'vitest'
import { defaultSide, estimateLabelWidth, layoutLabels } from './labelLayout.ts'

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

  it('estimates label widths, capped at the share of the grid the CSS allows', () => {
    const measured = { ...plot, fontPx: 14 }
    expect(estimateLabelWidth(10, measured)).toBeCloseTo((10 * 0.55 + 3) * 14)
    expect(estimateLabelWidth(200, measured)).toBeCloseTo(0.46 * 600)
  })
})
