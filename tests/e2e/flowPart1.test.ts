/**
 * Issue 4: a facilitator, three participants (one on a phone) and the projector run the first
 * four stages together, each in their own browser: Frame → Signals → Trends → Assess. Cards are
 * written through the form, clustered by mouse and by keyboard alone, placed and voted on; at
 * every step each screen is checked to show the same thing. Each stage is scanned with axe and
 * photographed at phone, laptop and projector size (tests/screenshots/flow-<stage>-<size>.png).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/server.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import {
  advance,
  closeVoting,
  dragWithMouse,
  expectStage,
  literal,
  dragAnnouncement,
  openAs,
  readClusters,
  readProjectorClusters,
  readRanking,
  readWall,
  SLOW,
  type Person,
} from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const WORKSHOP = {
  title: 'Everyday welfare 2040',
  focalQuestion: 'What will everyday welfare look like in our town in 2040?',
  horizonYear: 2040,
}

/** Two signals per participant, as they would type them; the first one with its details and source. */
const SIGNALS = {
  Anna: [
    {
      title: 'Care robots keep older people company at home',
      description: 'A pilot in Espoo lends social robots to people over 80 who live alone; most want to keep them.',
      sourceUrl: 'https://yle.fi/a/74-20012345',
      category: 'Technological',
      why: 'Could free nurses for the work only people can do, or make care lonelier.',
    },
    { title: 'Remote nurses check on patients over video every morning' },
  ],
  Ben: [{ title: 'Neighbourhood kitchens replace school canteens' }, { title: 'Libraries lend tools and teach repairs' }],
  Chloe: [{ title: 'Four-day week trial in municipal care' }, { title: 'Town council lets residents set the care budget' }],
} as const
const ALL_TITLES = Object.values(SIGNALS).flatMap((cards) => cards.map((card) => card.title))
const [ROBOTS, NURSES] = [SIGNALS.Anna[0].title, SIGNALS.Anna[1].title]
const [KITCHENS, LIBRARIES] = [SIGNALS.Ben[0].title, SIGNALS.Ben[1].title]
const [FOUR_DAY, COUNCIL] = [SIGNALS.Chloe[0].title, SIGNALS.Chloe[1].title]
const CARE = 'Care moves home'
const NEIGHBOURS = 'Neighbours share what they have'

describe.skipIf(browserTestsSkipped)('a workshop run by four people and a projector, Frame to Assess (issue 4)', () => {
  const app = useBrowserAndServer()

  it('runs Frame → Signals → Trends → Assess; every screen agrees at every step', { timeout: 180_000 }, async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const open = (link: string, options: Parameters<typeof openAs>[3]) => openAs(app.browser, app.server, link, options)
    const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
    // The projector gets its link from the console's "Invite" panel.
    await facilitator.page.getByRole('button', { name: 'Invite', exact: true }).click()
    const screenLink = await facilitator.page.getByLabel('Screen link').inputValue()
    expect(await facilitator.page.getByLabel('Participant link').inputValue()).toContain(`/w/${links.id}/join#key=`)
    await facilitator.page.getByRole('button', { name: 'Invite', exact: true }).click()
    const [anna, ben, chloe, screen] = await Promise.all([
      open(links.links.participant, { name: 'Anna' }),
      open(links.links.participant, { name: 'Ben' }),
      open(links.links.participant, { name: 'Chloe', viewport: 'phone' }),
      open(screenLink, { viewport: 'projector' }),
    ])
    const f = facilitator.page
    const participants = [anna, ben, chloe]
    const everyone = [facilitator, ...participants]
    const violations: Record<string, unknown> = {}

    /**
     * Screenshots at the three sizes (the phone scrolled to the stage's work, `phoneAt`), and axe
     * on the laptop and phone participants, the facilitator and the projector.
     */
    const record = async (stage: string, phoneAt: string) => {
      await chloe.page
        .getByRole('heading', { name: phoneAt, exact: true })
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }))
      await Promise.all([
        screenshot(chloe.page, `flow-${stage}-phone`),
        screenshot(anna.page, `flow-${stage}-laptop`),
        screenshot(screen.page, `flow-${stage}-projector`),
      ])
      for (const [who, person] of [
        ['participant', anna],
        ['facilitator', facilitator],
        ['screen', screen],
        ['phone', chloe],
      ] as const) {
        const found = await seriousViolations(person.page)
        if (found.length > 0) violations[`${stage}/${who}`] = found
      }
    }

    // ---- Frame: the focal question, large, on every participant's screen.
    for (const person of participants) {
      const question = person.page.getByRole('heading', { name: WORKSHOP.focalQuestion })
      await question.waitFor(SLOW)
      const [questionPx, bodyPx] = await question.evaluate((el) => [
        parseFloat(getComputedStyle(el).fontSize),
        parseFloat(getComputedStyle(document.body).fontSize),
      ])
      expect(questionPx, 'the focal question is set large').toBeGreaterThanOrEqual(1.5 * bodyPx)
      await expectStage(person.page, 'Frame')
    }
    await expect.poll(() => screen.page.getByText(WORKSHOP.focalQuestion).count(), SLOW).toBeGreaterThan(0)
    await expect.poll(() => f.getByText('0 of 3 ready').count(), SLOW).toBe(1)
    await record('frame', WORKSHOP.focalQuestion)
    // Nobody said "I'm done", yet nothing would be lost: the room moves at once (readiness is shown, not waited for).
    expect(await advance(f, 'Signals')).toBe(false)

    // ---- Signals: two cards each through the form; every wall shows all six.
    await Promise.all([...participants.map((p) => expectStage(p.page, 'Signals')), expectStage(screen.page, 'Signals', 'screen')])
    for (const [person, cards] of [
      [anna, SIGNALS.Anna],
      [ben, SIGNALS.Ben],
      [chloe, SIGNALS.Chloe],
    ] as const) {
      for (const card of cards) await addSignal(person.page, card)
    }
    const sortedTitles = [...ALL_TITLES].sort()
    for (const person of [...everyone, screen]) {
      await expect.poll(async () => (await readWall(person.page)).sort(), SLOW).toEqual(sortedTitles)
    }
    // The source link shows as its domain on everyone's wall, opening in a new tab.
    // The projector has nothing to click: there the source is its domain, as text.
    await expect
      .poll(
        () =>
          screen.page
            .locator('.screen-signal__source')
            .filter({ hasText: /^yle\.fi$/ })
            .count(),
        SLOW,
      )
      .toBe(1)
    for (const person of [facilitator, chloe]) {
      const source = person.page.getByRole('link', { name: /^yle\.fi/ })
      expect(await source.count()).toBe(1)
      expect(await source.getAttribute('href')).toBe(SIGNALS.Anna[0].sourceUrl)
      expect(await source.getAttribute('target')).toBe('_blank')
    }
    await record('signals', 'Signal wall')
    await everyoneDone(participants)
    await advance(f, 'Trends')

    // ---- Trends: Anna clusters with the mouse, Ben with the keyboard only.
    await Promise.all([...participants.map((p) => expectStage(p.page, 'Trends')), expectStage(screen.page, 'Trends', 'screen')])
    const a = anna.page
    const handle = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${literal(title)}`) })
    await expect.poll(() => a.getByRole('region', { name: 'Unsorted' }).getByRole('listitem').count(), SLOW).toBe(6)

    // Mouse: a card dropped on another card starts a trend with both; its name field takes focus.
    await dragWithMouse(a, handle(a, NURSES), handle(a, ROBOTS))
    await expect.poll(() => a.evaluate(() => document.activeElement?.getAttribute('aria-label')), SLOW).toBe('Trend name')
    await a.keyboard.type(CARE)
    await a.keyboard.press('Enter')
    const careCards = a.getByRole('list', { name: `Cards in ${CARE}` })
    await expect.poll(() => careCards.getByRole('listitem').count(), SLOW).toBe(2)
    // Mouse: a card dropped on a trend joins it.
    await dragWithMouse(a, handle(a, COUNCIL), careCards)
    await expect.poll(() => careCards.getByRole('listitem').count(), SLOW).toBe(3)

    // Keyboard only: Space picks a card up, the arrows step between targets (announced), Space drops.
    const b = ben.page
    await expect.poll(() => readClusters(b), SLOW).toEqual(await readClusters(a))
    await keyboardDrag(b, handle(b, LIBRARIES), 'ArrowDown', `Over card “${KITCHENS}”`)
    await expect.poll(() => b.evaluate(() => document.activeElement?.getAttribute('aria-label')), SLOW).toBe('Trend name')
    await b.keyboard.type(NEIGHBOURS)
    await b.keyboard.press('Enter')
    await expect
      .poll(
        () =>
          b
            .getByRole('list', { name: `Cards in ${NEIGHBOURS}` })
            .getByRole('listitem')
            .count(),
        SLOW,
      )
      .toBe(2)
    await keyboardDrag(b, handle(b, FOUR_DAY), 'ArrowRight', `Over trend “${CARE}”`)
    await expect
      .poll(
        () =>
          b
            .getByRole('list', { name: `Cards in ${CARE}` })
            .getByRole('listitem')
            .count(),
        SLOW,
      )
      .toBe(4)
    // The dragged card keeps the keyboard focus in its new place.
    await expect.poll(() => b.evaluate(() => document.activeElement?.textContent ?? ''), SLOW).toContain(FOUR_DAY)
    // Keyboard only, without dragging: the card's "Move to…" dialog.
    await b.getByRole('button', { name: `Move or link “${COUNCIL}”` }).press('Enter')
    const dialog = b.getByRole('dialog', { name: COUNCIL })
    await dialog.waitFor(SLOW)
    // Down and Up go through the choices, as in a menu; Enter takes the one in focus.
    const focused = () => b.evaluate(() => document.activeElement?.textContent ?? '')
    const inTheList = () => b.evaluate(() => document.activeElement?.closest('.card-actions__list') !== null)
    for (let step = 0; step < 3 && !(await inTheList()); step++) await b.keyboard.press('Tab')
    const first = await focused()
    await b.keyboard.press('ArrowDown')
    expect(await focused()).not.toBe(first)
    await b.keyboard.press('Home')
    for (let step = 0; step < 5 && !(await focused()).startsWith(NEIGHBOURS); step++) await b.keyboard.press('ArrowDown')
    expect(await focused()).toMatch(new RegExp(`^${literal(NEIGHBOURS)}`))
    await b.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden', ...SLOW })

    const expected = [`${CARE}: ${[ROBOTS, NURSES, FOUR_DAY].sort().join(' | ')}`, `${NEIGHBOURS}: ${[KITCHENS, LIBRARIES, COUNCIL].sort().join(' | ')}`]
    const sortedCards = (clusters: string[]) => clusters.map((c) => c.replace(/: (.*)$/, (_, cards: string) => `: ${cards.split(' | ').sort().join(' | ')}`))
    await expect.poll(async () => sortedCards(await readClusters(b)), SLOW).toEqual(expected)
    const seenByBen = await readClusters(b)
    for (const person of everyone) await expect.poll(() => readClusters(person.page), SLOW).toEqual(seenByBen)
    await expect.poll(() => readProjectorClusters(screen.page, ALL_TITLES), SLOW).toEqual(seenByBen)
    expect(await a.getByText('Every card is in a trend. Well sorted!').isVisible()).toBe(true)
    await record('trends', 'Unsorted')
    await everyoneDone(participants)
    await advance(f, 'Assess')

    // ---- Assess: everyone places both trends (numbers, or the arrow keys on a marker) and spends 3 dots.
    await Promise.all([...participants.map((p) => expectStage(p.page, 'Assess')), expectStage(screen.page, 'Assess', 'screen')])
    // Anna types the numbers.
    await placeByNumbers(a, CARE, '8', '7')
    await placeByNumbers(a, NEIGHBOURS, '4', '3')
    await giveDots(a, { [CARE]: 2, [NEIGHBOURS]: 1 })
    // Ben puts each trend on the grid from the tray and moves its marker with the arrow keys.
    await placeByArrows(b, `1 ${CARE}`, ['Shift+ArrowUp', 'ArrowUp', 'ArrowUp', 'Shift+ArrowRight'])
    await placeByArrows(b, `2 ${NEIGHBOURS}`, ['Shift+ArrowDown', 'ArrowLeft', 'ArrowLeft'])
    await expectPlacement(b, CARE, '8', '7')
    await expectPlacement(b, NEIGHBOURS, '3', '4')
    await b.getByRole('button', { name: `Give a dot to ${NEIGHBOURS}` }).press('Enter')
    await b.getByRole('button', { name: `Give a dot to ${NEIGHBOURS}` }).press('Enter')
    await b.getByRole('button', { name: `Give a dot to ${CARE}` }).press('Enter')
    // Chloe on her phone.
    const c = chloe.page
    await placeByNumbers(c, CARE, '9', '6')
    await placeByNumbers(c, NEIGHBOURS, '5', '2')
    await giveDots(c, { [CARE]: 3 })
    for (const person of participants)
      await expect.poll(() => person.page.getByRole('region', { name: 'Your placements and dots' }).getByText('All 3 dots given').count(), SLOW).toBe(1)
    // A fourth dot is refused, with the reason: in the dots summary, and beside the "+" pressed.
    await c.getByRole('button', { name: `Give a dot to ${NEIGHBOURS}` }).click()
    await expect
      .poll(
        () =>
          c
            .getByRole('region', { name: 'Your placements and dots' })
            .getByText('You have given all 3 of your dots. Take one back from another trend first.')
            .count(),
        SLOW,
      )
      .toBe(2)
    await record('assess', 'Your grid')

    // The facilitator closes voting (asking again only if someone is not finished).
    await closeVoting(f)

    // Everyone sees the same result, in the same words.
    for (const person of [...everyone, screen]) await expect.poll(() => person.page.getByRole('heading', { name: "The group's result" }).count(), SLOW).toBe(1)
    const ranking = await readRanking(f)
    expect(ranking).toHaveLength(2)
    expect(ranking[0]).toMatch(
      new RegExp(
        `^${literal(CARE)} / Impact 8 · uncertainty 7 · Critical uncertainties middle half of placements \\(interquartile range\\): impact .* placed by 3 people / 6 dots$`,
      ),
    )
    expect(ranking[1]).toMatch(
      new RegExp(
        `^${literal(NEIGHBOURS)} / Impact 4 · uncertainty 3 · Background middle half of placements \\(interquartile range\\): impact .* placed by 3 people / 3 dots$`,
      ),
    )
    for (const person of participants) await expect.poll(() => readRanking(person.page), SLOW).toEqual(ranking)
    // The projector shows the grid large and the ranking as names and dots only.
    const namesAndDots = ranking.map((line) =>
      line
        .split(' / ')
        .filter((_, i, parts) => i === 0 || i === parts.length - 1)
        .join(' / '),
    )
    await expect.poll(() => readRanking(screen.page), SLOW).toEqual(namesAndDots)
    await record('results', "The group's result")

    expect(violations).toEqual({})
    for (const person of [...everyone, screen]) {
      expect(person.errors).toEqual([])
      expect(person.dialogs).toEqual([])
    }
    await Promise.all([...everyone, screen].map((p) => p.close()))
  })
})

/** Adds a card through the "Add a signal" form: the title and Enter, or the details and "Add card". */
async function addSignal(page: Page, card: { title: string; description?: string; sourceUrl?: string; category?: string; why?: string }): Promise<void> {
  const form = page.getByRole('region', { name: 'Add a signal' })
  await form.getByLabel('What did you notice?').fill(card.title)
  if (card.description !== undefined) {
    const details = form.getByRole('button', { name: 'More details (optional)' })
    if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click()
    await form.getByLabel('What is happening').fill(card.description)
    if (card.sourceUrl) await form.getByLabel('Source link').fill(card.sourceUrl)
    if (card.category) await form.getByRole('radio', { name: card.category }).check()
    if (card.why) await form.getByLabel('Why it matters').fill(card.why)
    await form.getByRole('button', { name: 'Add card' }).click()
  } else {
    await form.getByLabel('What did you notice?').press('Enter')
  }
  await expect.poll(() => page.getByText(`Added “${card.title}” to the wall.`).count(), SLOW).toBeGreaterThan(0)
}

/** Each participant presses "I'm done". */
async function everyoneDone(people: Person[]): Promise<void> {
  for (const person of people) {
    const done = person.page.getByRole('button', { name: "I'm done" })
    await done.click()
    await expect.poll(() => done.getAttribute('aria-pressed'), SLOW).toBe('true')
  }
}

/**
 * A drag with the keyboard alone: focus the card's handle, Space to pick it up, `key` until the
 * announcement says the card is over the wanted target, Space to drop.
 */
async function keyboardDrag(page: Page, handle: ReturnType<Page['getByRole']>, key: string, over: string): Promise<void> {
  await handle.focus()
  await page.keyboard.press('Space')
  await expect.poll(() => dragAnnouncement(page), SLOW).toContain('Picked up')
  for (let step = 0; ; step++) {
    if (step > 16) throw new Error(`never heard "${over}"; last: ${await dragAnnouncement(page)}`)
    const before = await dragAnnouncement(page)
    await page.keyboard.press(key)
    // Each step lands on another target, so the announcement changes. A key pressed in the instant
    // the drag starts listening can go unheard, on a slow machine as for a quick person: press again.
    const moved = await expect
      .poll(() => dragAnnouncement(page), { timeout: 3_000 })
      .not.toBe(before)
      .then(() => true)
      .catch(() => false)
    if (moved && (await dragAnnouncement(page)).includes(over)) break
  }
  await page.keyboard.press('Space')
}

/** The row of a trend in "Your placements and dots" (a fieldset named by the trend). */
const row = (page: Page, trend: string) => page.getByRole('group', { name: new RegExp(`^${literal(trend)}`) })

async function placeByNumbers(page: Page, trend: string, impact: string, uncertainty: string): Promise<void> {
  await row(page, trend).getByLabel('Impact').fill(impact)
  await expect.poll(() => row(page, trend).getByLabel('Impact').inputValue(), SLOW).toBe(impact)
  await row(page, trend).getByLabel('Uncertainty').fill(uncertainty)
  await row(page, trend).getByLabel('Uncertainty').blur()
  await expectPlacement(page, trend, impact, uncertainty)
}

async function expectPlacement(page: Page, trend: string, impact: string, uncertainty: string): Promise<void> {
  await expect.poll(() => row(page, trend).getByLabel('Impact').inputValue(), SLOW).toBe(impact)
  await expect.poll(() => row(page, trend).getByLabel('Uncertainty').inputValue(), SLOW).toBe(uncertainty)
}

/** Enter on the trend's chip puts its marker in the middle and focuses it; then the arrow keys move it. */
async function placeByArrows(page: Page, chip: string, keys: string[]): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${literal(chip)}\\s*, put it on the grid$`) }).press('Enter')
  const marker = page.getByRole('button', { name: new RegExp(`^${literal(chip)}: impact`) })
  await expect.poll(() => marker.evaluate((el) => el === document.activeElement), SLOW).toBe(true)
  for (const key of keys) await page.keyboard.press(key)
}

async function giveDots(page: Page, dots: Record<string, number>): Promise<void> {
  for (const [trend, count] of Object.entries(dots)) {
    for (let i = 0; i < count; i++) await page.getByRole('button', { name: `Give a dot to ${trend}` }).click()
    await expect
      .poll(
        () =>
          row(page, trend)
            .getByText(`${count} dot${count === 1 ? '' : 's'} from you`)
            .count(),
        SLOW,
      )
      .toBe(1)
  }
}
