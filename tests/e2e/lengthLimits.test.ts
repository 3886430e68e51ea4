import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { createStory, goToStage, joinAsParticipant, readBoard, readControl } from '../../shared/doc/index.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop, waitFor } from '../support/server.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot, VIEWPORTS } from './support/browser.ts'
import { goToStageKind } from './support/seed.ts'
import { expectStage, openAs, readWall, SLOW, type Person } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

/** A phone as testers hold it (390 × 844), and the facilitator's laptop. */
const PHONE = { width: 390, height: 844 }
const LAPTOP = VIEWPORTS.laptop

/** The 5,600-character title the exploratory tester pasted; the old form kept "…Pitkä otsikko Pitk". */
const LONG_TITLE = `${Array<string>(400).fill('Pitkä otsikko').join(' ')}!`

/** Pastes `text` into `field` through the clipboard, as a person does: a browser's `maxlength` cuts exactly this. */
async function paste(person: Person, field: Locator, text: string): Promise<void> {
  await person.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await person.page.evaluate((words) => navigator.clipboard.writeText(words), text)
  await field.click()
  await field.press('ControlOrMeta+V')
}

/** The field as a phone and a laptop show it, in both sizes, for people to look at. */
async function both(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['laptop', LAPTOP],
  ] as const) {
    await page.setViewportSize(viewport)
    // The counter in sight, with its field above it (resizing moves the page under it).
    await page.locator('.field__count').evaluate((line) => line.scrollIntoView({ block: 'center' }))
    await screenshot(page, `length-limit-${name}-${size}`)
  }
}

const counter = (page: Page) => page.locator('.field__count').allTextContents()

describe.skipIf(browserTestsSkipped)('a card text past its limit', () => {
  const app = useBrowserAndServer()

  it('keeps a 5,600-character title paste whole, counts it over and adds it only once shortened', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(app.server.wsUrl, links, 'signals')
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      const page = anna.page
      await page.setViewportSize(PHONE)
      await expectStage(page, 'Signals')
      const title = page.getByRole('region', { name: 'Add a signal' }).getByLabel('What did you notice?')

      await title.fill(LONG_TITLE.slice(0, 180))
      await expect.poll(() => counter(page)).toEqual(['20 characters left'])
      await both(page, 'near-en')

      await title.fill('')
      await paste(anna, title, LONG_TITLE)
      await expect.poll(() => title.inputValue()).toBe(LONG_TITLE)
      await expect.poll(() => counter(page)).toEqual(['5,400 characters too many: shorten to 200. The details can go below.'])
      expect(await title.getAttribute('aria-invalid')).toBe('true')
      await expect.poll(() => page.locator('[data-live-announcer]').textContent()).toContain('Nothing was cut')
      await title.press('Enter')
      await both(page, 'over-en')
      expect(await seriousViolations(page)).toEqual([])

      // The marker: the shortened card, added after the refused one; had that gone through, it would be on the wall first.
      const shortened = LONG_TITLE.slice(0, 200)
      await title.fill(shortened)
      await expect.poll(() => counter(page)).toEqual(['0 characters left'])
      await title.press('Enter')
      await expect.poll(() => readWall(page), SLOW).toEqual([shortened])
      expect(anna.errors).toEqual([])
    } finally {
      await anna.close()
    }
  })

  it('in Finnish: keeps a 5,120-character description paste whole and says so in Finnish', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Hyvinvointi 2040', language: 'fi' })
    await goToStageKind(app.server.wsUrl, links, 'signals')
    const pia = await openAs(app.browser, app.server, links.links.participant, { name: 'Pia' })
    try {
      const page = pia.page
      await expectStage(page, 'Heikot signaalit')
      const form = page.getByRole('region', { name: 'Lisää signaali' })
      const title = form.getByLabel('Mitä huomasit?')
      await title.fill(LONG_TITLE.slice(0, 190))
      await expect.poll(() => counter(page)).toEqual(['10 merkkiä jäljellä'])
      await both(page, 'near-fi')

      await title.fill('Hoivarobotit kotona')
      await form.getByRole('button', { name: 'Lisätietoja (vapaaehtoinen)' }).click()
      const description = form.getByLabel('Mitä on tapahtumassa')
      const pasted = 'Robotti auttaa. '.repeat(320).trim()
      await paste(pia, description, pasted)
      await expect.poll(() => description.inputValue()).toBe(pasted)
      // Finnish groups thousands with a no-break space.
      await expect.poll(() => counter(page)).toEqual(['3\u00a0119 merkkiä liikaa: lyhennä 2\u00a0000 merkkiin.'])
      await form.getByRole('button', { name: 'Lisää kortti' }).click()
      // Refused: the text stays whole in the field, and the field is where the person is taken.
      await expect.poll(() => description.evaluate((field) => field === document.activeElement)).toBe(true)
      expect(await description.inputValue()).toBe(pasted)
      expect(await form.locator('.field__error').allTextContents()).toEqual(['3\u00a0119 merkkiä liikaa: lyhennä 2\u00a0000 merkkiin.'])
      await both(page, 'over-fi')

      // The marker: the shortened card, added after the refused one; only it reaches the wall.
      await description.fill(pasted.slice(0, 2000))
      await form.getByRole('button', { name: 'Lisää kortti' }).click()
      await expect.poll(() => page.getByText('”Hoivarobotit kotona” lisättiin seinälle.').count(), SLOW).toBeGreaterThan(0)
      expect(await page.locator('.signal-wall .signal-card__title').allTextContents()).toEqual(['Hoivarobotit kotona'])
      expect(pia.errors).toEqual([])
    } finally {
      await pia.close()
    }
  })

  for (const language of ['en', 'fi'] as const) {
    const words = {
      en: { add: /Add the first takeaway/, title: 'Add a takeaway', field: 'What should we do?', over: '2,699 characters too many: shorten to 500.' },
      fi: {
        add: /Lisää ensimmäinen johtopäätös/,
        title: 'Lisää johtopäätös',
        field: 'Mitä meidän pitäisi tehdä?',
        over: '2\u00a0699 merkkiä liikaa: lyhennä 500 merkkiin.',
      },
    }[language]
    it(`a takeaway (${language}): a pasted text past its limit is kept, counted and added only once shortened`, async () => {
      const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040', language })
      await goToStageKind(app.server.wsUrl, links, 'takeaways')
      const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
      try {
        const page = anna.page
        await page.getByRole('button', { name: words.add }).first().click()
        const dialog = page.getByRole('dialog', { name: words.title })
        await dialog.waitFor(SLOW)
        const text = dialog.getByLabel(words.field)
        const pasted = 'Start a pilot with the council. '.repeat(100).trim()
        await paste(anna, text, pasted)
        await expect.poll(() => text.inputValue()).toBe(pasted)
        await expect.poll(() => counter(page)).toEqual([words.over])
        await dialog.locator('button[type="submit"]').click()
        // Refused: the text stays whole, and the field is where the person is taken.
        await expect.poll(() => text.evaluate((field) => field === document.activeElement)).toBe(true)
        expect(await text.getAttribute('aria-invalid')).toBe('true')
        await both(page, `takeaway-over-${language}`)
        expect(await seriousViolations(page)).toEqual([])

        // The marker: the shortened takeaway, added after the refused one; only it reaches the board.
        await text.fill('Start a pilot with the council')
        await dialog.locator('button[type="submit"]').click()
        await expect.poll(() => page.locator('.takeaway-card__text').allTextContents(), SLOW).toEqual(['Start a pilot with the council'])
        expect(anna.errors).toEqual([])
      } finally {
        await anna.close()
      }
    })
  }

  it("a story's title past its limit, shared as it is typed, is still there after leaving the story and after a reload", { timeout: 120_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const board = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    await synced(board, control)
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    const { storyId } = createStory(board.doc, { title: 'Saturday at the meal ring', persona: { name: 'Veikko' } }, sam)
    goToStage(control.doc, readControl(control.doc).stages.find((stage) => stage.kind === 'stories')!.id)
    const titleOnServer = () => readBoard(board.doc).stories.get(storyId)?.title
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      const page = anna.page
      await expectStage(page, 'Future stories')
      const title = page.getByLabel('Story title')
      const over = '17 characters too many: shorten to 120. Not saved until it is shortened.'
      // Pasted at the end of the title, where a click into it puts the cursor.
      const long = 'Saturday at the meal ring, where Veikko starts the soup at ten and the whole street comes to eat, one pot at a time, from noon until dark'
      await page.getByRole('button', { name: 'Saturday at the meal ring' }).click()
      await paste(anna, title, long.slice('Saturday at the meal ring'.length))
      await expect.poll(() => title.inputValue()).toBe(long)
      await expect.poll(() => counter(page)).toEqual([over])
      await title.blur()

      // Away to the list of stories and back: the title is as Anna left it, still over, still unsaved.
      await page.getByRole('button', { name: /All stories/ }).click()
      await title.waitFor({ state: 'detached', ...SLOW })
      await page.getByRole('button', { name: 'Saturday at the meal ring' }).click()
      await expect.poll(() => title.inputValue(), SLOW).toBe(long)
      expect(await title.getAttribute('aria-invalid')).toBe('true')
      expect(await counter(page)).toEqual([over])

      // A reload: the story opens again as it was left, and so does its title.
      await page.reload()
      await expectStage(page, 'Future stories')
      await expect.poll(() => title.inputValue(), SLOW).toBe(long)
      expect(await title.getAttribute('aria-invalid')).toBe('true')
      expect(await counter(page)).toEqual([over])
      expect(titleOnServer()).toBe('Saturday at the meal ring')
      expect(await seriousViolations(page)).toEqual([])

      // The marker: shortened, it reaches everyone, and a later reload shows the saved title.
      await title.fill('Veikko starts the soup at ten')
      await title.press('Enter')
      await waitFor(() => titleOnServer() === 'Veikko starts the soup at ten', 20_000, 'the shortened title on the server')
      await page.reload()
      await expectStage(page, 'Future stories')
      await expect.poll(() => title.inputValue(), SLOW).toBe('Veikko starts the soup at ten')
      expect(await title.getAttribute('aria-invalid')).toBeNull()
      expect(anna.errors).toEqual([])
    } finally {
      await anna.close()
      board.destroy()
      control.destroy()
    }
  })

  it('in Finnish: a name past its limit is kept in the name dialog and saved only once shortened', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Hyvinvointi 2040', language: 'fi' })
    const pia = await openAs(app.browser, app.server, links.links.participant, { viewport: 'phone', waitConnected: false })
    try {
      const page = pia.page
      const dialog = page.getByRole('dialog', { name: 'Millä nimellä sinut näytetään?' })
      const name = dialog.getByLabel('Nimesi')
      const pasted = 'Anna-Maija Virtanen-Korhonen, hoitaja ja isoäiti, Turusta kotoisin'
      await paste(pia, name, pasted)
      await expect.poll(() => counter(page)).toEqual(['6 merkkiä liikaa: lyhennä 60 merkkiin.'])
      await dialog.getByRole('button', { name: 'Tallenna' }).click()
      await expect.poll(() => name.evaluate((field) => field === document.activeElement)).toBe(true)
      expect(await name.inputValue()).toBe(pasted)
      await both(page, 'name-over-fi')
      expect(await seriousViolations(page)).toEqual([])

      await name.fill('Anna-Maija')
      await dialog.getByRole('button', { name: 'Tallenna' }).click()
      await dialog.waitFor({ state: 'hidden', ...SLOW })
      expect(pia.errors).toEqual([])
    } finally {
      await pia.close()
    }
  })
})
