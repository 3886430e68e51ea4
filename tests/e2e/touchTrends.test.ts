/**
 * Trends on a touch phone: a card held and dropped on another starts a trend with both, and the
 * new trend's name field is focused where the person can see it, above the "I'm done" bar.
 */
import { describe, expect, it } from 'vitest'
import { createWorkshop } from '../support/server.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { goToStageKind, seedSignals } from './support/seed.ts'
import { expectConnected, giveName, readClusters, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

describe.skipIf(browserTestsSkipped)('trends on a touch phone', () => {
  const app = useBrowserAndServer()

  it('a card dropped on another starts a trend with both, its name field focused in sight', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const titles = Array.from({ length: 30 }, (_, i) => `Signal number ${i}`)
    await seedSignals(
      app.server.wsUrl,
      links,
      titles.map((title) => ({ title, description: '' })),
    )
    await goToStageKind(app.server.wsUrl, links, 'trends')
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    try {
      const page = await context.newPage()
      const link = new URL(links.links.participant)
      await page.goto(`${app.server.url}${link.pathname}${link.hash}`)
      await giveName(page, 'Tia')
      await expectConnected(page)
      const cards = page.locator('.pile .tcard__grab')
      await cards.nth(1).waitFor(SLOW)
      const [from, to] = [(await cards.nth(0).boundingBox())!, (await cards.nth(1).boundingBox())!]
      const [first, second] = [await cards.nth(0).innerText(), await cards.nth(1).innerText()]
      // Held (past the sensor's 250 ms), moved onto the next card, let go: as a thumb does.
      const touch = await context.newCDPSession(page)
      const at = (x: number, y: number) => [{ x, y, id: 1 }]
      await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(from.x + 20, from.y + 10) })
      await page.waitForTimeout(400)
      for (let step = 1; step <= 10; step++) {
        await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(from.x + 20, from.y + 10 + ((to.y - from.y + 10) * step) / 10) })
        await page.waitForTimeout(30)
      }
      await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })

      await expect.poll(async () => (await readClusters(page)).length, SLOW).toBe(1)
      const [trend] = await readClusters(page)
      expect(trend).toContain(first.trim())
      expect(trend).toContain(second.trim())
      await expect.poll(() => page.evaluate(() => document.activeElement?.className), SLOW).toBe('trend__name')
      const [field, bar] = await Promise.all([page.locator('.trend__name').boundingBox(), page.locator('.ready-bar').boundingBox()])
      expect(field!.y + field!.height).toBeLessThanOrEqual(bar!.y)
      expect(field!.y).toBeGreaterThanOrEqual(0)
      await screenshot(page, 'trends-touch-new-trend-phone')
    } finally {
      await context.close()
    }
  })
})
