import { describe, expect, it } from 'vitest'
import type { WheelLayoutItem } from '../../../../shared/wheel/index.ts'
import { SCREEN_WHEEL_METRICS, layoutForScreen, wheelPages } from './wheelPages.ts'

/** A three-ring wheel: `first` consequences, two under each, and `third` under each of those. */
function wheel(first: number, third: number): WheelLayoutItem[] {
  let n = 0
  const item = (children: WheelLayoutItem[] = []): WheelLayoutItem => ({ id: `n${n++}`, text: `Consequence number ${n} with some words`, children })
  return Array.from({ length: first }, () => item(Array.from({ length: 2 }, () => item(Array.from({ length: third }, () => item())))))
}

const HD = { width: 1840, height: 860 }

describe('the wheel on the projector', () => {
  it('shows a small wheel whole, no larger than the largest text allows', () => {
    const layout = layoutForScreen(wheel(3, 0), { centreText: 'Care moves home', metrics: SCREEN_WHEEL_METRICS }, HD)
    const pages = wheelPages(layout, HD, 24, 40)
    expect(pages).toHaveLength(1)
    expect(pages[0]!.nodes.size).toBe(9)
    expect(pages[0]!.scale * layout.metrics.fontSize).toBeGreaterThanOrEqual(24)
    expect(pages[0]!.scale * layout.metrics.fontSize).toBeLessThanOrEqual(40)
  })

  it('shows a wheel of 30 too many to read whole part by part, every part readable and every node on one', () => {
    const layout = layoutForScreen(wheel(4, 2), { centreText: 'Care moves home' }, HD) // 4 + 8 + 16 = 28
    const pages = wheelPages(layout, HD, 24, 40)
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) expect(page.scale * layout.metrics.fontSize).toBeGreaterThanOrEqual(24)
    const shown = pages.flatMap((page) => [...page.nodes])
    expect(shown.sort()).toEqual(layout.nodes.map((node) => node.id).sort())
    // Parts go clockwise and keep each branch whole.
    expect(pages.flatMap((page) => page.roots)).toEqual(
      layout.nodes
        .filter((node) => node.parentId === null)
        .sort((a, b) => a.angle - b.angle)
        .map((node) => node.id),
    )
  })

  it('shows a branch too big for one part a second-order branch at a time, with its first-order consequence', () => {
    const small = { width: 700, height: 420 }
    const layout = layoutForScreen(wheel(2, 6), { centreText: 'Care moves home' }, small) // 2 + 4 + 24
    const pages = wheelPages(layout, small, 24, 40)
    expect(pages.length).toBeGreaterThan(2)
    const firsts = layout.nodes.filter((node) => node.parentId === null).map((node) => node.id)
    for (const page of pages) {
      expect(page.roots).toHaveLength(1)
      expect(page.nodes.has(page.roots[0]!)).toBe(true)
    }
    // Every consequence is on a page; the first-order ones on several.
    expect(new Set(pages.flatMap((page) => [...page.nodes])).size).toBe(layout.nodes.length)
    expect(pages.filter((page) => page.nodes.has(firsts[0]!)).length).toBeGreaterThan(1)
  })
})
