/**
 * The participant's stepper in Finnish, where stage names are long compounds: at every laptop
 * width each name shown keeps its words whole ("Tulevaisuuspyör / ä" was broken inside the word at
 * 1280 px), and when the names cannot all fit (1024 px) the others show their number alone rather
 * than the row scrolling. Screenshots: tests/screenshots/stepper-fi-<width>.png.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop, goToStageKind } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

/** Each stage name the stepper shows, and whether any of its words is drawn on two lines. */
function shownNames(page: Page) {
  return page.locator('.stepper__name').evaluateAll((names) =>
    names
      .filter((name) => name.getBoundingClientRect().width > 1)
      .map((name) => {
        const text = name.firstChild!
        const broken = [...text.textContent!.matchAll(/\S+/g)].some((word) => {
          const range = document.createRange()
          range.setStart(text, word.index)
          range.setEnd(text, word.index + word[0].length)
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1
        })
        return { name: text.textContent!, broken }
      }),
  )
}

describe.skipIf(browserTestsSkipped)('the stepper in Finnish', () => {
  const app = useBrowserAndServer()

  it('keeps every name it shows whole, and numbers the others when the names do not fit', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server, { language: 'fi', title: 'Hyvinvointi Turussa 2040' })
    await goToStageKind(app.server.wsUrl, workshop.links, 'wheel')
    const person = await openAs(app.browser, app.server, workshop.links.links.participant, { name: 'Aino' })
    const page = person.page
    try {
      await page.locator('.stepper').waitFor(SLOW)
      for (const width of [1024, 1280, 1366, 1920]) {
        await page.setViewportSize({ width, height: 800 })
        // The stepper fits itself in the next frame after a resize.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
        const names = await shownNames(page)
        expect(
          names.filter((name) => name.broken),
          `names broken inside a word at ${width} px`,
        ).toEqual([])
        expect(
          names.map((name) => name.name),
          `at ${width} px`,
        ).toContain('Tulevaisuuspyörä')
        const scrolls = await page.locator('.stepper__list').evaluate((list) => list.scrollWidth > list.clientWidth + 1)
        expect(scrolls, `the stepper scrolls at ${width} px`).toBe(false)
        if (width >= 1280) expect(names, `every name at ${width} px`).toHaveLength(7)
        await screenshot(page, `stepper-fi-${width}`)
      }
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      workshop.close()
    }
  })
})
