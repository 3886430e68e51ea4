/**
 * Two people naming one trend at once, in Chromium: the one still typing sees the other's name
 * under the field and may take it; leaving the field without deciding keeps their own. Two people
 * writing its narrative at once both keep their words (`mergeText`).
 */
import { describe, expect, it } from 'vitest'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { ROOM_TRENDS, seedRoom } from './support/room.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

describe.skipIf(browserTestsSkipped)('two people naming one trend', () => {
  const app = useBrowserAndServer()

  /** The seeded room on the Trends stage: Anna on a laptop, Ben on a phone. */
  async function annaAndBenOnTrends() {
    const room = await seedRoom(app.server)
    room.go('trends')
    const [anna, ben] = await Promise.all([
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Anna' }),
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Ben', viewport: 'phone' }),
    ])
    await Promise.all([expectStage(anna.page, 'Trends'), expectStage(ben.page, 'Trends')])
    return { room, anna, ben }
  }

  it('each sees the other name while typing; "Use …" takes it, leaving the field keeps one’s own', { timeout: 120_000 }, async () => {
    const { room, anna, ben } = await annaAndBenOnTrends()
    try {
      const nameOn = (page: typeof anna.page) => page.getByRole('textbox', { name: 'Trend name' }).first()
      await expect.poll(() => nameOn(anna.page).inputValue(), SLOW).toBe(ROOM_TRENDS[0])
      await expect.poll(() => nameOn(ben.page).inputValue(), SLOW).toBe(ROOM_TRENDS[0])

      // Both rename it at once. Whoever's pause comes first shares their name; the other, still
      // typing, sees it (and their own pause no longer saves over it).
      await nameOn(anna.page).fill('Neighbours share what they have')
      await nameOn(ben.page).fill('Sharing economy')
      const notes = () => Promise.all([anna.page.locator('.trend__elsewhere').count(), ben.page.locator('.trend__elsewhere').count()])
      await expect.poll(async () => (await notes()).reduce((a, b) => a + b), SLOW).toBe(1)
      const [annaSees] = await notes()
      const [second, first] = annaSees ? [anna, ben] : [ben, anna]
      const firstName = annaSees ? 'Sharing economy' : 'Neighbours share what they have'
      const note = second.page.locator('.trend__elsewhere')
      expect(await note.textContent()).toContain(`Someone else renamed this meanwhile: “${firstName}”.`)
      await screenshot(second.page, annaSees ? 'trend-named-elsewhere-laptop' : 'trend-named-elsewhere-phone')

      // The second takes the first's name: their field shows it, and their draft is gone, not saved.
      await second.page.getByRole('button', { name: `Use “${firstName}”` }).click()
      await expect.poll(() => nameOn(second.page).inputValue(), SLOW).toBe(firstName)
      await expect.poll(() => note.count(), SLOW).toBe(0)
      expect(await nameOn(second.page).evaluate((field) => field === document.activeElement)).toBe(true)

      // Both leave the field for the page: the first's name stands everywhere.
      await Promise.all([first.page.locator('h1, h2').first().click(), second.page.locator('h1, h2').first().click()])
      await expect.poll(() => nameOn(first.page).inputValue(), SLOW).toBe(firstName)
      await expect.poll(() => nameOn(second.page).inputValue(), SLOW).toBe(firstName)
      expect([...anna.errors, ...ben.errors]).toEqual([])
    } finally {
      await Promise.all([anna.close(), ben.close()])
      room.done()
    }
  })

  it('two people writing its narrative at once both keep their words, and the later one is told', { timeout: 120_000 }, async () => {
    const { room, anna, ben } = await annaAndBenOnTrends()
    try {
      const narrativeOn = (page: typeof anna.page) => page.getByRole('textbox', { name: 'Narrative' }).first()
      // Both type into the narrative, each their own sentence, neither leaving the field. Ben types
      // slowly (no pause long enough to save) while Anna writes hers and her pause saves it: it
      // reaches Ben mid-sentence. On a busy machine Ben's keys come slower than the pause that
      // saves, so he saves half words and their saves cross: each word must still come out whole.
      await narrativeOn(anna.page).click()
      await narrativeOn(ben.page).click()
      const benTyping = narrativeOn(ben.page).pressSequentially('Libraries lend more than books.', { delay: 150 })
      await expect.poll(() => narrativeOn(ben.page).inputValue(), SLOW).toContain('Lib')
      await narrativeOn(anna.page).pressSequentially('Neighbours lend their tools.', { delay: 20 })
      await benTyping
      const both = (text: string) => text.includes('Neighbours lend their tools.') && text.includes('Libraries lend more than books.')
      // Whoever saves second saves both: told under the field, and still typing on from both.
      await expect.poll(async () => both(await narrativeOn(anna.page).inputValue()) || both(await narrativeOn(ben.page).inputValue()), SLOW).toBe(true)
      const merging = both(await narrativeOn(anna.page).inputValue()) ? anna : ben
      await merging.page.locator('.trend__elsewhere', { hasText: 'Someone else wrote here at the same time: both texts are kept.' }).waitFor(SLOW)
      await screenshot(merging.page, merging === anna ? 'trend-narrative-merged-laptop' : 'trend-narrative-merged-phone')
      await narrativeOn(merging.page).press('End')
      await narrativeOn(merging.page).pressSequentially(' Repair cafés open.', { delay: 20 })

      await Promise.all([anna.page.locator('h1, h2').first().click(), ben.page.locator('h1, h2').first().click()])
      for (const person of [anna, ben]) {
        await expect.poll(() => narrativeOn(person.page).inputValue(), SLOW).toMatch(/Repair cafés open\.$/)
        expect(both(await narrativeOn(person.page).inputValue())).toBe(true)
      }
      expect([...anna.errors, ...ben.errors]).toEqual([])
    } finally {
      await Promise.all([anna.close(), ben.close()])
      room.done()
    }
  })
})
