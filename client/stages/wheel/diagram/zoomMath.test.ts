import { describe, expect, it } from 'vitest'
import { countOutside, fitView, MAX_SCALE, revealBox, revealWith, zoomAt } from './zoomMath.ts'

describe('zoom math', () => {
  it('fits the bounds centred in the viewport, never blowing a small wheel up past the cap', () => {
    const view = fitView({ minX: -500, minY: -250, maxX: 500, maxY: 250 }, { width: 1032, height: 532 }, { padding: 16 })
    expect(view.scale).toBeCloseTo(1)
    expect(view.x).toBeCloseTo(516)
    expect(view.y).toBeCloseTo(266)
    expect(fitView({ minX: -10, minY: -10, maxX: 10, maxY: 10 }, { width: 1000, height: 800 }).scale).toBe(1.4)
    // Room kept on the left for the zoom buttons.
    expect(fitView({ minX: -10, minY: -10, maxX: 10, maxY: 10 }, { width: 1000, height: 800 }, { insetLeft: 100 }).x).toBeCloseTo(550)
  })

  it('keeps text readable where the whole would be tiny: the middle at the floor, centred', () => {
    // A wheel 1,500 px wide in a phone's 360 px, lopsided (its boxes mostly right of the trend at
    // the origin): the whole at 0.2, or the trend centred at 0.8.
    const wheel = { minX: -500, minY: -600, maxX: 1000, maxY: 600 }
    const phone = { width: 360, height: 480 }
    expect(fitView(wheel, phone).scale).toBeCloseTo(328 / 1500)
    const start = fitView(wheel, phone, { minScale: 0.8 })
    expect(start.scale).toBe(0.8)
    expect(start.x).toBeCloseTo(180)
    expect(start.y).toBeCloseTo(240)
    // A wheel that fits whole above the floor is shown whole.
    expect(fitView({ minX: -100, minY: -100, maxX: 100, maxY: 100 }, phone, { minScale: 0.8 }).scale).toBeCloseTo(1.4)
  })

  it('zooms about a point that stays put, within limits', () => {
    const view = { scale: 1, x: 100, y: 50 }
    const zoomed = zoomAt(view, 2, { x: 300, y: 250 })
    // The layout point under (300, 250) was (200, 200); it still is.
    expect((300 - zoomed.x) / zoomed.scale).toBeCloseTo(200)
    expect((250 - zoomed.y) / zoomed.scale).toBeCloseTo(200)
    expect(zoomAt(view, 1000, { x: 0, y: 0 }).scale).toBe(MAX_SCALE)
  })

  it('pans just enough to show a box left of the details panel, and not at all when it is in view', () => {
    const view = { scale: 1, x: 0, y: 0 }
    const size = { width: 1000, height: 600 }
    expect(revealBox(view, { x: 100, y: 100, w: 50, h: 20 }, size, 400)).toBe(view)
    const moved = revealBox(view, { x: 800, y: 100, w: 100, h: 20 }, size, 400)
    expect(moved.x).toBe(1000 - 400 - 16 - 850)
    expect(moved.y).toBe(0)
  })

  it('brings what follows a box out from under the details panel too, and the box itself always', () => {
    const view = { scale: 1, x: 0, y: 0 }
    const size = { width: 1000, height: 600 }
    const box = { x: 500, y: 300, w: 100, h: 40 }
    // The box is in view, left of the panel (which starts at 600); its consequences are under the panel.
    expect(revealBox(view, box, size, 400)).toBe(view)
    const children = [
      { x: 700, y: 250, w: 100, h: 40 },
      { x: 720, y: 350, w: 100, h: 40 },
    ]
    const moved = revealWith(view, box, children, size, 400)
    const right = Math.max(...children.map((c) => c.x + c.w / 2)) + moved.x
    expect(right).toBeLessThanOrEqual(1000 - 400 - 16)
    expect(box.x - box.w / 2 + moved.x).toBeGreaterThanOrEqual(16)
    // Too wide for the free part: as much as fits from the left, the box itself whole, at the free part's right edge.
    const far = [{ x: -900, y: 300, w: 100, h: 40 }, ...children]
    const squeezed = revealWith(view, box, far, size, 400)
    expect(box.x + box.w / 2 + squeezed.x).toBe(1000 - 400 - 16)
    expect(revealWith(view, box, [], size, 400)).toBe(view)
  })

  it('counts the boxes wholly outside the viewport; one partly in sight is not outside', () => {
    const size = { width: 400, height: 300 }
    const view = { scale: 2, x: 200, y: 150 }
    const boxes = [
      { x: 0, y: 0, w: 40, h: 20 }, // the middle
      { x: 95, y: 0, w: 20, h: 10 }, // 170..210 from the middle: partly in
      { x: 110, y: 0, w: 20, h: 10 }, // right of the edge
      { x: 0, y: -90, w: 40, h: 20 }, // above
      { x: -130, y: 80, w: 40, h: 20 }, // left and below
    ]
    expect(countOutside(boxes, view, size)).toBe(3)
    expect(countOutside(boxes, { scale: 0.5, x: 200, y: 150 }, size)).toBe(0)
  })
})
