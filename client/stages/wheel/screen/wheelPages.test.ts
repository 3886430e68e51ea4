import { describe, expect, it } from 'vitest'
import { hyphenateForPicture } from '../../../../shared/export/pictureText.ts'
import { FINNISH_WHEEL, FINNISH_WHEEL_TREND } from '../../../../shared/export/testing/finnishWheel.ts'
import type { WheelLayoutItem } from '../../../../shared/wheel/index.ts'
import { ringLabelBox, ringLabelPlace } from '../diagram/ringLabels.ts'
import { SCREEN_WHEEL_METRICS, viewOf, wheelPages, type Size, type WheelPage } from './wheelPages.ts'

/** A three-ring wheel: `first` consequences, two under each, and `third` under each of those. */
function wheel(first: number, third: number): WheelLayoutItem[] {
  let n = 0
  const item = (children: WheelLayoutItem[] = []): WheelLayoutItem => ({ id: `n${n++}`, text: `Consequence number ${n} with some words`, children })
  return Array.from({ length: first }, () => item(Array.from({ length: 2 }, () => item(Array.from({ length: third }, () => item())))))
}

/** A room's wheel as people write it in a hurry: fifteen first-order consequences and nothing after them. */
const FLAT = [
  'Cities hire loneliness coordinators',
  'Libraries become living rooms for everyone',
  'Neighbours check on each other',
  'Loneliness data is tracked like air quality',
  'Child health clinics ask about loneliness',
  'Sports clubs open to all ages',
  'Doctors prescribe social activities',
  'Pharmacies ask about loneliness',
  'Libraries run loneliness cafes on weekdays',
  'Bus drivers greet every older passenger',
  'Schools pair pupils with older neighbours',
  'Housing companies hire hosts',
  'Volunteers get a tax break',
  'Churches open their kitchens',
  'Night buses run in villages',
].map((text, i): WheelLayoutItem => ({ id: `f${i}`, text, children: [] }))

/** The exports' Finnish wheel (29 consequences, texts up to 120 letters), hyphenated as the projector does. */
function finnishItems(consequences: readonly FinnishConsequence[], prefix = 'fi'): WheelLayoutItem[] {
  return consequences.map((consequence, index) => ({
    id: `${prefix}${index}`,
    text: hyphenateForPicture(consequence.text, 'fi'),
    children: finnishItems(consequence.children ?? [], `${prefix}${index}.`),
  }))
}
type FinnishConsequence = (typeof FINNISH_WHEEL)[number]

const HD = { width: 1840, height: 860 }
/** The stage area of a 1280×720 projector under the header and the focal question. */
const SMALL_PROJECTOR = { width: 1232, height: 480 }
const OPTIONS = { centreText: 'Care moves home', metrics: SCREEN_WHEEL_METRICS }

const fontOf = (page: WheelPage) => page.scale * page.layout.metrics.fontSize
const allIds = (items: readonly WheelLayoutItem[]): string[] => items.flatMap((item) => [item.id, ...allIds(item.children)])

/** Whether a ring's name is wholly in what the projector draws of a part. */
function nameShows(page: WheelPage, ring: number, size: Size): boolean {
  const column = page.layout.columns?.find((c) => c.ring === ring)
  // A tree's column is named at its left edge, above its boxes ("3rd order" takes some 80 units).
  const box = column ? { x: column.left + 40, y: column.nameY, w: 80, h: 20 } : ringLabelBox(page.layout, ring)
  const view = viewOf(page, size)
  return box.x - box.w / 2 >= view.minX && box.x + box.w / 2 <= view.maxX && box.y - box.h / 2 >= view.minY && box.y + box.h / 2 <= view.maxY
}

describe('the wheel on the projector', () => {
  it('shows a small wheel whole, no larger than the largest text allows', () => {
    const pages = wheelPages(wheel(3, 0), OPTIONS, HD, 24, 40)
    expect(pages).toHaveLength(1)
    expect(pages[0]!.nodes.size).toBe(9)
    expect(fontOf(pages[0]!)).toBeGreaterThanOrEqual(24)
    expect(fontOf(pages[0]!)).toBeLessThanOrEqual(40)
  })

  it('shows a wheel of 30 too many to read whole part by part, every part readable and every node on one', () => {
    const items = wheel(4, 2) // 4 + 8 + 16 = 28
    const [overview, ...parts] = wheelPages(items, OPTIONS, HD, 24, 40)
    expect(parts.length).toBeGreaterThan(1)
    for (const page of parts) expect(fontOf(page)).toBeGreaterThanOrEqual(24)
    expect(parts.flatMap((page) => [...page.nodes]).sort()).toEqual(allIds(items).sort())
    // Parts go clockwise and keep each branch whole.
    expect(parts.flatMap((page) => page.roots)).toEqual(items.map((item) => item.id))
    // Before them the whole wheel at a glance: every consequence on it, the first-order ones in words as large.
    expect(overview!.overview).toBe(true)
    expect([...overview!.nodes].sort()).toEqual(allIds(items).sort())
    expect(fontOf(overview!)).toBeGreaterThanOrEqual(24)
    const worded = overview!.layout.nodes.filter((node) => node.lines.join('') !== '')
    expect(worded.map((node) => node.id)).toEqual(items.map((item) => item.id))
  })

  it('shows a branch too big for one part a second-order branch at a time, with its first-order consequence', () => {
    const small = { width: 700, height: 420 }
    const items = wheel(2, 6) // 2 + 4 + 24
    const pages = wheelPages(items, OPTIONS, small, 24, 40)
    expect(pages.length).toBeGreaterThan(2)
    for (const page of pages) {
      expect(page.roots).toHaveLength(1)
      expect(page.nodes.has(page.roots[0]!)).toBe(true)
    }
    // Every consequence is on a part; the first-order ones on several.
    expect(new Set(pages.flatMap((page) => [...page.nodes])).size).toBe(allIds(items).length)
    expect(pages.filter((page) => page.nodes.has(items[0]!.id)).length).toBeGreaterThan(1)
    // Deep branches are zoomed on, all parts one wheel (laid out alone, each would spread all round the trend).
    expect(new Set(pages.map((page) => page.layout)).size).toBe(1)
  })

  it('names a ring on a part only where its name shows whole, and every ring on a wheel shown whole', () => {
    const [whole, ...none] = wheelPages(wheel(3, 0), OPTIONS, HD, 24, 40)
    expect(none).toEqual([])
    expect(whole!.namedRings).toEqual([1, 2])
    for (const ring of whole!.namedRings) expect(nameShows(whole!, ring, HD)).toBe(true)

    // 0.63rem to 1rem at each projector's root size.
    for (const [size, minFont, maxFont] of [
      [HD, 24, 40],
      [SMALL_PROJECTOR, 20, 32],
    ] as const) {
      const pages = wheelPages(wheel(4, 2), OPTIONS, size, minFont, maxFont)
      const parts = pages.filter((page) => !page.overview)
      // The glance is crowded with marks: no names.
      for (const glance of pages.filter((page) => page.overview)) expect(glance.namedRings).toEqual([])
      for (const page of parts) {
        for (const ring of page.namedRings) {
          expect(nameShows(page, ring, size)).toBe(true)
          // On a sector, a name under one of the part's own boxes.
          if (page.layout.rings.length > 0 && page.nodes.size < page.layout.nodes.length)
            expect(ringLabelPlace(page.layout, ring).under.some((id) => page.nodes.has(id))).toBe(true)
        }
        // Framed with its names, a part's text still reads.
        expect(fontOf(page)).toBeGreaterThanOrEqual(minFont)
      }
      expect(parts.some((page) => page.namedRings.length > 0)).toBe(true)
    }
  })

  it('shows a room’s wheel as trees, a few branches each, where a wheel’s parts would be more or cut texts', () => {
    const items = finnishItems(FINNISH_WHEEL)
    const options = { ...OPTIONS, centreText: hyphenateForPicture(FINNISH_WHEEL_TREND, 'fi') }
    // Zoomed on its sectors (each reaching the trend in the middle), this wheel took 14 parts at 1280×720,
    // each one chain of three, and 4 on an HD projector with two texts cut short.
    for (const [size, minFont, most] of [
      [SMALL_PROJECTOR, 20, 6],
      [HD, 24, 4],
    ] as const) {
      const pages = wheelPages(items, options, size, minFont, minFont * 1.6)
      expect(pages.length).toBeLessThanOrEqual(most)
      for (const page of pages) {
        expect(fontOf(page)).toBeGreaterThanOrEqual(minFont)
        expect(page.layout.columns?.length).toBeGreaterThan(0)
        expect(page.namedRings).toEqual(page.layout.columns!.map((column) => column.ring))
        // Every consequence in its whole text.
        expect(page.layout.nodes.filter((node) => node.truncated).map((node) => node.lines.join(' '))).toEqual([])
      }
      // In the wheel's order; a first-order consequence with much following from it on two parts, a run of its branches on each.
      expect([...new Set(pages.flatMap((page) => page.roots))]).toEqual(items.map((item) => item.id))
      expect(new Set(pages.flatMap((page) => [...page.nodes])).size).toBe(allIds(items).length)
    }
  })

  it('shows fifteen first-order consequences on a small projector in two even parts, each a wheel of its own', () => {
    // Zoomed on sectors of the whole wheel, which all reach the trend in the middle, this took four.
    const pages = wheelPages(FLAT, { ...OPTIONS, centreText: 'Loneliness becomes a public health priority' }, SMALL_PROJECTOR, 20, 32)
    expect(pages.map((page) => page.nodes.size)).toEqual([8, 7])
    for (const page of pages) {
      expect(fontOf(page)).toBeGreaterThanOrEqual(20)
      // Laid out afresh: the part's own consequences all round the trend, above and below it.
      expect(page.layout.nodes.map((node) => node.id).sort()).toEqual([...page.nodes].sort())
      expect(page.layout.nodes.some((node) => node.y > page.layout.centre.y + page.layout.centre.h)).toBe(true)
    }
    expect(pages.flatMap((page) => page.roots)).toEqual(FLAT.map((item) => item.id))
  })
})
