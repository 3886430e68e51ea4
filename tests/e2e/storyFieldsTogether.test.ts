/**
 * A story's group writing its title and persona together, in Chromium: the one typing a title
 * sees the title someone else gave it meanwhile, under the field, and may take it; two people
 * writing the persona's needs at once both keep their words. Before, the one who left the field
 * last replaced the other's title or text without a word.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { seedRoom } from './support/room.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

describe.skipIf(browserTestsSkipped)('a story’s group writing its title and persona together', () => {
  const app = useBrowserAndServer()

  async function openStory(page: Page): Promise<void> {
    await page
      .getByRole('button', { name: /A Tuesday with Aino/ })
      .first()
      .click()
    await page.getByRole('textbox', { name: 'Story title' }).waitFor(SLOW)
  }

  it('says a title given meanwhile and offers it; keeps both people’s needs', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('stories')
    const [anna, ben] = await Promise.all([
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Anna' }),
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Ben', viewport: 'phone' }),
    ])
    try {
      await Promise.all([expectStage(anna.page, 'Future stories'), expectStage(ben.page, 'Future stories')])
      await Promise.all([openStory(anna.page), openStory(ben.page)])
      const titleOn = (page: Page) => page.getByRole('textbox', { name: 'Story title' })

      // Ben, on his phone, is still typing a title when Anna's arrives.
      await titleOn(ben.page).click()
      await titleOn(ben.page).press('ControlOrMeta+a')
      await titleOn(ben.page).pressSequentially('Aino stays home', { delay: 120 })
      await titleOn(anna.page).fill('Aino’s Tuesday, 2040')
      await titleOn(anna.page).press('Enter')
      const note = ben.page.locator('.field-elsewhere', { hasText: 'Someone else changed the title meanwhile: “Aino’s Tuesday, 2040”.' })
      await note.waitFor(SLOW)
      expect(await titleOn(ben.page).inputValue()).toBe('Aino stays home')
      await screenshot(ben.page, 'stories/title-elsewhere-phone')
      await ben.page.getByRole('button', { name: 'Use “Aino’s Tuesday, 2040”' }).click()
      await expect.poll(() => titleOn(ben.page).inputValue(), SLOW).toBe('Aino’s Tuesday, 2040')
      await expect.poll(() => note.count(), SLOW).toBe(0)

      // Both write the persona's needs at once, neither leaving the field: both keep their words.
      const needsOn = async (page: Page) => {
        const needs = page.getByRole('textbox', { name: 'Needs' })
        if (!(await needs.isVisible())) await page.locator('.persona__summary').click()
        return needs
      }
      const [annaNeeds, benNeeds] = await Promise.all([needsOn(anna.page), needsOn(ben.page)])
      await benNeeds.click()
      await annaNeeds.click()
      const benTyping = benNeeds.pressSequentially('Company at meals.', { delay: 150 })
      await expect.poll(() => benNeeds.inputValue(), SLOW).toContain('Com')
      await annaNeeds.pressSequentially('Help with forms.', { delay: 20 })
      await benTyping
      const both = (text: string) => text.includes('Company at meals.') && text.includes('Help with forms.')
      await Promise.all([annaNeeds.blur(), benNeeds.blur()])
      await expect.poll(async () => both(await annaNeeds.inputValue()) && both(await benNeeds.inputValue()), SLOW).toBe(true)
      await screenshot(anna.page, 'stories/persona-needs-both-laptop')
      expect([...anna.errors, ...ben.errors]).toEqual([])
    } finally {
      await Promise.all([anna.close(), ben.close()])
      room.done()
    }
  })
})
