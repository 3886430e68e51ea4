/**
 * What the back row can read: for every element matching a selector, whether it is wholly on
 * screen and not cut by any ancestor that clips (an element wholly outside a clipping ancestor is
 * on another page, not cut), whether it is really what shows at its centre (`elementFromPoint`),
 * and its font size as drawn (an SVG text's size times the drawing's scale). An SVG text counts
 * as shown when its own box (the group it is drawn in) is what is at its centre.
 */
import type { Page } from 'playwright-core'

export interface ShownText {
  text: string
  /** Wholly visible now; false when cut (partly outside the window or a clipping ancestor, or covered). */
  legible: boolean
  /** On another page: wholly outside a clipping ancestor. */
  elsewhere: boolean
  /** Font size in CSS pixels as drawn. */
  px: number
  why: string
}

export async function shownTexts(page: Page, selector: string): Promise<ShownText[]> {
  return page.evaluate((selector) => {
    const textOf = (element: Element) =>
      element instanceof SVGTextElement ? [...element.querySelectorAll('tspan')].map((span) => span.textContent ?? '').join(' ') : (element.textContent ?? '')
    return [...document.querySelectorAll(selector)].map((element) => {
      const box = element.getBoundingClientRect()
      const text = textOf(element).replace(/\s+/g, ' ').trim()
      const style = getComputedStyle(element)
      const scale = element instanceof SVGGraphicsElement ? (element.getScreenCTM()?.a ?? 1) : 1
      const px = parseFloat(style.fontSize) * scale
      const outside = (outer: DOMRect) => box.right <= outer.left || box.left >= outer.right || box.bottom <= outer.top || box.top >= outer.bottom
      const inside = (outer: DOMRect) =>
        box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5
      for (let up = element.parentElement; up; up = up.parentElement) {
        const clips =
          ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(up).overflowX) ||
          ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(up).overflowY)
        if (!clips) continue
        const outer = up.getBoundingClientRect()
        if (outside(outer)) return { text, legible: false, elsewhere: true, px, why: 'on another page' }
        if (!inside(outer)) return { text, legible: false, elsewhere: false, px, why: `cut by ${up.className || up.tagName}` }
      }
      const window = new DOMRect(0, 0, innerWidth, innerHeight)
      if (!inside(window)) return { text, legible: false, elsewhere: false, px, why: 'outside the window' }
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      if (!hit || !(hit === element || element.contains(hit) || (element instanceof SVGElement && element.parentElement?.contains(hit) === true))) {
        return { text, legible: false, elsewhere: false, px, why: `covered by ${hit?.className ?? 'nothing'}` }
      }
      return { text, legible: true, elsewhere: false, px, why: '' }
    })
  }, selector)
}
