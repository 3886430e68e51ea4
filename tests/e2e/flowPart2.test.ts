/**
 * The second half of a workshop in real browsers: Futures wheel, Future stories and Takeaways.
 * Each scenario sets the room up fast from Node (trends, signals, a key driver, the stage) over
 * the real protocol, then two participants work in their own Chromium contexts at the same time
 * and every screen is checked to show the same thing. Each stage is scanned with axe and
 * photographed (tests/screenshots/e2e-<stage>-<width>.png).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addSignal, addSignalToTrend, createStory, createTrend, goToStage, joinAsParticipant, readControl, toggleKeyDriver } from '../../shared/doc/index.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { stageName } from './support/stages.ts'
import { expectStage, literal, openAs, SLOW, type Person } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const WORKSHOP = { title: 'Everyday welfare 2040', focalQuestion: 'What will everyday welfare look like in our town in 2040?', horizonYear: 2040 }
const CARE = 'Care moves home'
const NEIGHBOURS = 'Neighbours share what they have'
const STORY = 'A Tuesday with Aino'
const POLL = { timeout: 20_000 } as const

type StageKind = 'wheel' | 'stories' | 'takeaways'
const STAGE_NAME: Record<StageKind, string> = { wheel: stageName('wheel'), stories: stageName('stories'), takeaways: stageName('takeaways') }

describe.skipIf(browserTestsSkipped)('Futures wheel, stories and takeaways with two participants in Chromium', () => {
  const app = useBrowserAndServer()

  /**
   * A room with two trends of two signals each, the first a key driver, moved to `stage`; with
   * `story`, a story about Aino linked to the key driver. The Node clients stay connected until
   * `done()`, so nothing they wrote is lost before the server has it.
   */
  async function seedRoom(stage: StageKind, options: { story?: boolean } = {}) {
    const links: WorkshopLinks = await createWorkshop(app.server.url, WORKSHOP)
    // Seeding many people's records through one socket: the facilitator's key may write anyone's.
    const board = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    await synced(board, control)
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    const care = createTrend(board.doc, { name: CARE, narrative: 'Services follow people into their homes.' }, sam)
    const neighbours = createTrend(board.doc, { name: NEIGHBOURS, narrative: 'Tools, meals and time are shared on the street.' }, sam)
    const cards = [
      addSignal(board.doc, { title: 'Care robots keep older people company at home', category: 'technological' }, sam),
      addSignal(board.doc, { title: 'Remote nurses check on patients over video every morning', category: 'technological' }, sam),
      addSignal(board.doc, { title: 'Neighbourhood kitchens replace school canteens', category: 'social' }, sam),
      addSignal(board.doc, { title: 'Libraries lend tools and teach repairs', category: 'environmental' }, sam),
    ]
    addSignalToTrend(board.doc, cards[0]!, care, sam)
    addSignalToTrend(board.doc, cards[1]!, care, sam)
    addSignalToTrend(board.doc, cards[2]!, neighbours, sam)
    addSignalToTrend(board.doc, cards[3]!, neighbours, sam)
    if (options.story) createStory(board.doc, { title: STORY, trendIds: [care], persona: { name: 'Aino', age: 78 } }, sam)
    expect(toggleKeyDriver(control.doc, care)).toBe(true)
    const stageId = readControl(control.doc).stages.find((s) => s.kind === stage)!.id
    expect(goToStage(control.doc, stageId)).toBe(true)
    const clients: TestClient[] = [board, control]
    return { links, done: () => clients.forEach((c) => c.destroy()) }
  }

  async function twoParticipants(links: WorkshopLinks, stage: StageKind): Promise<[Person, Person]> {
    const [anna, ben] = await Promise.all([
      openAs(app.browser, app.server, links.links.participant, { name: 'Anna' }),
      openAs(app.browser, app.server, links.links.participant, { name: 'Ben' }),
    ])
    await Promise.all([expectStage(anna.page, STAGE_NAME[stage]), expectStage(ben.page, STAGE_NAME[stage])])
    return [anna, ben]
  }

  async function scanAndShoot(page: Page, stage: string, width: number) {
    await screenshot(page, `e2e-${stage}-${width}`)
    return seriousViolations(page)
  }

  it('two participants write one story at the same time and cite a trend; both screens agree', { timeout: 180_000 }, async () => {
    const { links, done } = await seedRoom('stories', { story: true })
    const [anna, ben] = await twoParticipants(links, 'stories')
    const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Story text' })

    for (const person of [anna, ben]) {
      await person.page.getByRole('button', { name: STORY }).click()
      await editorOf(person.page).waitFor(SLOW)
    }

    const FIRST = 'Aino wakes at seven.'
    const ANNA_MORE = ' The robot has already made her tea.'
    const BEN_LINE = 'Her grandson calls from Oulu at noon.'

    await editorOf(anna.page).click()
    await anna.page.keyboard.type(FIRST)
    await expect.poll(() => editorOf(ben.page).innerText(), POLL).toContain(FIRST)

    // Both at once: Anna goes on at the end of the first paragraph, Ben starts a new one.
    await editorOf(ben.page).click()
    await ben.page.keyboard.press('Control+End')
    await anna.page.keyboard.press('End')
    await Promise.all([
      anna.page.keyboard.type(ANNA_MORE, { delay: 15 }),
      (async () => {
        await ben.page.keyboard.press('Enter')
        await ben.page.keyboard.type(BEN_LINE, { delay: 15 })
      })(),
    ])

    /** The story text as a reader sees it: the other writers' caret name flags left out. */
    const storyText = (page: Page) =>
      editorOf(page).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.story-caret').forEach((caret) => caret.remove())
        return [...copy.children]
          .map((block) => (block.textContent ?? '').trim())
          .filter(Boolean)
          .join('\n')
      })
    const bothTexts = async () => {
      const [a, b] = await Promise.all([storyText(anna.page), storyText(ben.page)])
      return a === b ? a : `differs:\n${a}\n---\n${b}`
    }
    await expect
      .poll(async () => {
        const text = await bothTexts()
        return text.includes(FIRST + ANNA_MORE) && text.includes(BEN_LINE)
      }, POLL)
      .toBe(true)
    const merged = await bothTexts()
    expect(merged, 'the same text on both screens').not.toMatch(/^differs:/)
    const lines = merged
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    expect(lines, 'Anna’s sentence ends paragraph one, Ben’s is its own paragraph after it').toEqual([FIRST + ANNA_MORE, BEN_LINE])

    // Anna cites the key driver through the Cite… picker; Ben sees the chip and the source.
    await anna.page.getByRole('button', { name: 'Cite…' }).click()
    const picker = anna.page.getByRole('dialog', { name: 'Cite a source' })
    await picker.waitFor(SLOW)
    await picker.getByRole('combobox', { name: 'Search' }).fill('care moves')
    await picker.getByRole('option', { name: new RegExp(`^${literal(CARE)}`) }).click()
    await picker.waitFor({ state: 'hidden', ...SLOW })

    const chipOn = (page: Page) => editorOf(page).locator('[data-citation]')
    await expect.poll(() => chipOn(ben.page).count(), POLL).toBe(1)
    expect(await chipOn(ben.page).innerText()).toContain(CARE)
    const benSources = ben.page.getByRole('region', { name: /^Sources\b/ })
    await expect.poll(() => benSources.getByText(CARE, { exact: true }).count(), POLL).toBe(1)
    await expect.poll(bothTexts, POLL).not.toMatch(/^differs:/)
    const withChip = await bothTexts()
    expect(withChip).toContain(FIRST + ANNA_MORE)
    expect(withChip).toContain(BEN_LINE)
    expect(withChip.indexOf(FIRST)).toBeLessThan(withChip.indexOf(BEN_LINE))

    const violations = await scanAndShoot(anna.page, 'stories', 1366)
    expect(violations).toEqual([])
    expect([...anna.errors, ...ben.errors]).toEqual([])
    await Promise.all([anna.close(), ben.close()])
    done()
  })

  it('two participants build a two-order futures wheel in the list view; both screens agree', { timeout: 180_000 }, async () => {
    const { links, done } = await seedRoom('wheel')
    const [anna, ben] = await twoParticipants(links, 'wheel')
    const FIRST_ORDER = 'Fewer people move to care homes'
    const SECOND_ORDER = 'Care homes stand half empty'

    for (const person of [anna, ben]) {
      await person.page.getByRole('group', { name: 'Show the wheel as' }).getByRole('button', { name: 'List' }).click()
    }
    const listOf = (page: Page) => page.getByRole('list', { name: `Consequences of ${CARE}` })

    // Anna: a first-order consequence of the trend, positive.
    const a = anna.page
    const firstField = a.getByLabel('What happens because of this trend?')
    await firstField.waitFor(SLOW)
    await firstField.fill(FIRST_ORDER)
    const firstForm = a.locator('form').filter({ has: firstField })
    await firstForm.getByRole('radio', { name: 'Positive' }).check()
    await firstForm.getByRole('button', { name: 'Add', exact: true }).click()

    // Ben: a second-order consequence under Anna's, negative, by keyboard.
    const b = ben.page
    const annasItem = () => listOf(b).getByRole('listitem').filter({ hasText: FIRST_ORDER }).first()
    await expect.poll(() => annasItem().count(), POLL).toBe(1)
    await annasItem().getByRole('button', { name: 'Add what follows' }).first().click()
    const belowField = b.getByLabel(`What happens because of “${FIRST_ORDER}”?`)
    await belowField.waitFor(SLOW)
    await belowField.fill(SECOND_ORDER)
    const belowForm = b.locator('form').filter({ has: belowField })
    await belowForm.getByRole('radio', { name: 'Negative' }).check()
    await belowField.focus()
    await b.keyboard.press('Enter')

    for (const page of [a, b]) {
      await expect.poll(() => listOf(page).getByText(SECOND_ORDER, { exact: true }).count(), POLL).toBe(1)
      const outer = listOf(page).getByRole('listitem').filter({ hasText: FIRST_ORDER }).first()
      const inner = outer.getByRole('listitem').filter({ hasText: SECOND_ORDER })
      expect(await inner.count(), 'the 2nd-order one sits under the 1st-order one').toBe(1)
      const outerCard = (await outer.innerText()).split(SECOND_ORDER)[0]!
      expect(outerCard).toContain('1st order')
      expect(outerCard).toContain('Positive')
      const innerText = await inner.innerText()
      expect(innerText).toContain('2nd order')
      expect(innerText).toContain('Negative')
    }

    expect(await scanAndShoot(a, 'wheel', 1366)).toEqual([])
    // The projector at 1920: the wheel with both orders, no serious axe findings.
    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'projector' })
    await expectStage(screen.page, STAGE_NAME.wheel, 'screen')
    for (const name of [`1st-order consequence, Positive: ${FIRST_ORDER}`, `2nd-order consequence, Negative: ${SECOND_ORDER}`]) {
      await expect.poll(() => screen.page.getByRole('img', { name, exact: true }).count(), POLL).toBe(1)
    }
    expect(await scanAndShoot(screen.page, 'wheel', 1920)).toEqual([])
    expect([...anna.errors, ...ben.errors, ...screen.errors]).toEqual([])
    await Promise.all([anna.close(), ben.close(), screen.close()])
    done()
  })

  it('a participant adds a linked takeaway, another +1s it; both see it under its "when"', { timeout: 180_000 }, async () => {
    const { links, done } = await seedRoom('takeaways', { story: true })
    const [anna, ben] = await twoParticipants(links, 'takeaways')
    const TEXT = 'Start a care-robot pilot in two homes'
    const WHO = 'social services'

    const a = anna.page
    await a
      .getByRole('button', { name: /Add the first takeaway|Add a takeaway/ })
      .first()
      .click()
    const form = a.getByRole('dialog', { name: 'Add a takeaway' })
    await form.waitFor(SLOW)
    await form.getByLabel('What should we do?').fill(TEXT)
    await form.getByLabel('Who', { exact: true }).fill(WHO)
    await form.getByRole('radio', { name: 'Within a year' }).check()
    await form
      .getByRole('group', { name: /^Trends it comes from/ })
      .getByRole('checkbox', { name: new RegExp(`^${literal(CARE)}`) })
      .check()
    await form
      .getByRole('group', { name: /^Stories it comes from/ })
      .getByRole('checkbox', { name: STORY })
      .check()
    await form.getByRole('button', { name: 'Add the takeaway' }).click()
    await form.waitFor({ state: 'hidden', ...SLOW })

    const cardOn = (page: Page) => page.getByRole('region', { name: /^Within a year/ }).getByRole('article', { name: TEXT })
    await expect.poll(() => cardOn(ben.page).count(), POLL).toBe(1)
    await cardOn(ben.page).getByRole('button', { name: '+1 — I agree (0 people agree so far)', exact: true }).click()
    await expect
      .poll(
        () =>
          cardOn(ben.page)
            .getByRole('button', { name: /^\+1 — I agree/ })
            .getAttribute('aria-pressed'),
        POLL,
      )
      .toBe('true')

    for (const page of [a, ben.page]) {
      await expect.poll(() => cardOn(page).getByRole('button', { name: '+1 — I agree (1 person agrees so far)', exact: true }).count(), POLL).toBe(1)
      const text = await cardOn(page).innerText()
      expect(text).toContain(WHO)
      expect(text).toContain(CARE)
      expect(text).toContain(STORY)
      for (const other of ['Now', 'Within five years']) {
        expect(
          await page
            .getByRole('region', { name: new RegExp(`^${other}`) })
            .getByRole('article', { name: TEXT })
            .count(),
        ).toBe(0)
      }
    }

    expect(await scanAndShoot(a, 'takeaways', 1366), 'axe on Takeaways').toEqual([])
    expect([...anna.errors, ...ben.errors]).toEqual([])
    await Promise.all([anna.close(), ben.close()])
    done()
  })
})
