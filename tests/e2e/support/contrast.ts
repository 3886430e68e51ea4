import type { Locator } from 'playwright-core'

/**
 * The WCAG contrast ratio of an element's text against its own background colour, as drawn (for
 * a control with a solid background: axe leaves those it cannot be sure of out of its violations,
 * and missed white text on a white open button).
 */
export async function textContrast(element: Locator): Promise<number> {
  const [text, background] = await element.evaluate((node) => {
    const style = getComputedStyle(node)
    return [style.color, style.backgroundColor]
  })
  const [lighter, darker] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

function luminance(cssColor: string): number {
  const channels = cssColor
    .match(/[\d.]+/g)
    ?.slice(0, 3)
    .map(Number)
  if (!channels || channels.length < 3) throw new Error(`not an rgb() colour: ${cssColor}`)
  const [r, g, b] = channels.map((value) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
