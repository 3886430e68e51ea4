import type { Page } from 'playwright-core'

/**
 * What is wrong with the facilitator's toolbar row as drawn: the stage's name or Next's label cut
 * short (text wider than its box), or two visible controls of the row drawn over each other (the
 * timer's readout over Back, as a full row once drew it). Empty when the row reads whole. On a
 * phone the stage's name may end in "…" (`wholeNames` false): only overlaps count there.
 */
export async function consoleRowProblems(page: Page, { wholeNames = true } = {}): Promise<string[]> {
  await afterFrame(page)
  return page.evaluate((wholeNames) => {
    const problems: string[] = []
    const shown = (element: HTMLElement) => element.offsetParent !== null && element.getBoundingClientRect().width > 0
    for (const selector of wholeNames ? ['.console-stage__name', '.console-flow__next-label', '.console-flow__finish-label'] : []) {
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        if (!shown(element)) continue
        // Exactly: text over its box by a fraction of a pixel already ends in "…", and scrollWidth is rounded.
        const range = document.createRange()
        range.selectNodeContents(element)
        const text = range.getBoundingClientRect().width
        const box = element.getBoundingClientRect().width
        if (element.scrollWidth > element.clientWidth + 1 || text > box + 0.05)
          problems.push(`"${element.textContent}" cut to ${box.toFixed(1)} of ${text.toFixed(1)} px`)
      }
    }
    const controls = [...document.querySelectorAll<HTMLElement>('.console__row button')].filter(shown)
    const boxes = controls.map((control) => ({ name: control.getAttribute('aria-label') ?? control.textContent ?? '', box: control.getBoundingClientRect() }))
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left)
        const across = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top)
        if (overlap > 1 && across > 1) problems.push(`"${a.name}" and "${b.name}" overlap by ${Math.round(overlap)} px`)
      }
    }
    return problems
  }, wholeNames)
}

/**
 * Waits for the page to draw three frames: the toolbar learns of a new width in a resize
 * observer (as the next frame is drawn) and fits itself in the frame after that.
 */
export function afterFrame(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))))
}
