import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/server.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { goToStageKind, seedSignals, setPrivate } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const hints = (page: Page) => page.locator('.similar__looks').allTextContents()

describe.skipIf(browserTestsSkipped)('"Looks like …" while writing a signal', () => {
  const app = useBrowserAndServer()

  it('during a private round compares only the wall and my own cards, never another person’s private card', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await seedSignals(
      app.server.wsUrl,
      links,
      [{ title: 'Remote work from villages', description: 'coworking hub in the old shop' }],
      { participantId: 'CaiCaiCaiCaiCaiCaiCai1' },
      'Cai',
    )
    await goToStageKind(app.server.wsUrl, links, 'signals')
    await setPrivate(app.server.wsUrl, links, 'on')
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    const ben = await openAs(app.browser, app.server, links.links.participant, { name: 'Ben' })
    try {
      await expectStage(ben.page, 'Signals')
      const benTitle = ben.page.getByLabel('What did you notice?')
      await benTitle.fill('Naapurit jakavat hoivasovelluksen')
      await benTitle.press('Enter')
      await expect.poll(() => ben.page.getByText('Added “Naapurit jakavat hoivasovelluksen” to your private cards.').count(), SLOW).toBeGreaterThan(0)

      const a = anna.page
      await expectStage(a, 'Signals')
      const title = a.getByLabel('What did you notice?')
      // The marker: a card on the wall is found, so the assistant is loaded and running.
      await title.fill('Etätyö kylissä, remote work')
      await expect.poll(() => hints(a), SLOW).toEqual(['Looks like “Remote work from villages” (Cai)'])
      // A screen reader hears what was found, not the reasons and both buttons as one paragraph.
      expect(await a.locator('p[aria-live="polite"]', { hasText: 'Looks like' }).textContent()).toBe('Looks like “Remote work from villages” (Cai)')
      // Word for word the meaning of Ben's private card: the hint goes away and nothing replaces it.
      await title.fill('Neighbours share a care app')
      await expect.poll(() => hints(a), SLOW).toEqual([])
      await a.waitForTimeout(800) // past the typing pause, the search has run on this text
      expect(await hints(a)).toEqual([])
      expect(await a.getByText('Naapurit jakavat').count()).toBe(0)

      // Revealed, Ben's card is on the wall and Anna is told about it (the check above can fail).
      await setPrivate(app.server.wsUrl, links, 'reveal')
      await expect.poll(() => a.getByRole('heading', { name: 'Naapurit jakavat hoivasovelluksen' }).count(), SLOW).toBeGreaterThan(0)
      await title.fill('Neighbours share a care app ')
      await expect.poll(() => hints(a), SLOW).toEqual(['Looks like “Naapurit jakavat hoivasovelluksen” (Ben)'])
      // Why, in the workshop's language: the concepts both cards share, not the word pairs behind them.
      await expect.poll(() => a.locator('.similar__why').textContent()).toMatch(/^Shared: care\s· /)
      expect(await a.locator('.similar__why').textContent()).not.toContain('≈')
      await screenshot(a, 'similar-hint-phone')
      expect(await seriousViolations(a)).toEqual([])

      // "Keep mine" hides the hint for this card; "Merge into it" adds Anna to the card on the wall.
      await a.getByRole('button', { name: 'Keep mine, not “Naapurit jakavat hoivasovelluksen”' }).click()
      await expect.poll(() => hints(a)).toEqual([])
      await title.fill('Naapuriapu hoivasovelluksella')
      await a.getByLabel('What did you notice?').press('End')
      await a.waitForTimeout(500)
      await title.fill('Neighbours share a care app, naapuriapu')
      expect(await hints(a)).toEqual([]) // still kept: she said no to that card while writing this one
    } finally {
      await Promise.all([anna.close(), ben.close()])
    }
  })

  it('"Merge into it" puts my words into the card on the wall and clears my form', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await seedSignals(app.server.wsUrl, links, [{ title: 'Neighbours share a care app', description: 'shopping runs for older people' }])
    await goToStageKind(app.server.wsUrl, links, 'signals')
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna' })
    try {
      const a = anna.page
      await expectStage(a, 'Signals')
      const title = a.getByLabel('What did you notice?')
      await title.fill('Naapurit jakavat hoivasovelluksen')
      await expect.poll(() => hints(a), SLOW).toEqual(['Looks like “Neighbours share a care app” (Ben)'])
      await screenshot(a, 'similar-hint-laptop')
      await a.getByRole('button', { name: 'Merge into it: Neighbours share a care app' }).click()
      await expect.poll(() => title.inputValue()).toBe('')
      await expect.poll(() => a.getByText('Naapurit jakavat hoivasovelluksen', { exact: false }).count(), SLOW).toBeGreaterThan(0)
      // One card still, now by both.
      expect(await a.getByRole('heading', { name: 'Neighbours share a care app' }).count()).toBe(1)
      expect(anna.errors).toEqual([])
    } finally {
      await anna.close()
    }
  })
})
