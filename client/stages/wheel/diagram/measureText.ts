import { estimateTextWidth, type TextMeasure } from '../../../../shared/wheel/index.ts'

let context: CanvasRenderingContext2D | null | undefined
let family = 'sans-serif'
const cache = new Map<string, number>()
const CACHE_LIMIT = 5000

/**
 * Line widths measured with the page's own font (a canvas `measureText`), so wrapped lines fit
 * their boxes exactly; the shared estimate where there is no canvas (tests, old browsers).
 * The font stack is read from the page once: SVG text inherits it.
 */
export const measureWithPageFont: TextMeasure = (text, fontSize, bold) => {
  if (context === undefined) {
    try {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
    } catch {
      context = null
    }
    if (context) {
      family = getComputedStyle(document.body).fontFamily || family
      context.font = `16px ${family}`
    }
    // happy-dom hands out a context that measures nothing.
    if (context && !(context.measureText('abc').width > 0)) context = null
  }
  if (!context) return estimateTextWidth(text, fontSize, bold)
  const key = `${bold ? 'b' : 'n'}|${text}`
  let width16 = cache.get(key)
  if (width16 === undefined) {
    context.font = `${bold ? 'bold ' : ''}16px ${family}`
    width16 = context.measureText(text).width
    if (cache.size > CACHE_LIMIT) cache.clear()
    cache.set(key, width16)
  }
  // Measured once at 16 px and scaled: widths grow linearly with the size. A hair of slack for
  // the SVG renderer's rounding.
  return (width16 * fontSize) / 16 + 1
}
