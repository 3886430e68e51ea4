/**
 * The projector with the work of a real room (60 signals, 8 trends to assess, a three-ring wheel
 * of 30, 12 takeaways) at 1280×720, 1920×1080 and 3840×2160: every title is wholly on screen, not cut
 * by anything, what shows at its centre, and drawn at 20 px or more — at once or on one of the
 * pages the projector turns (stepped here from the console, as a facilitator does). Each view is
 * photographed (tests/screenshots/room/projector-<stage>-<width>[-page<n>].png) and scanned with axe.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/server.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { shownTexts } from './support/legible.ts'
import { seedRoomBoard, type RoomBoard } from './support/roomBoard.ts'
import { advance, closeVoting, expectStage, openAs, SLOW, type Person } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const FOCAL_QUESTION =
  'What will everyday welfare look like in our town in 2040, for families, for older people living alone, and for those who arrive from elsewhere?'
const WORKSHOP = { title: 'Everyday welfare 2040', focalQuestion: FOCAL_QUESTION, horizonYear: 2040 }
const SIZES = [
  { name: '1280', viewport: { width: 1280, height: 720 } },
  { name: '1920', viewport: { width: 1920, height: 1080 } },
  { name: '3840', viewport: { width: 3840, height: 2160 } },
] as const
const MIN_PX = 20

interface Check {
  stage: string
  /** Another view of the same stage, reached by this instead of the next stage (and photographed as `shot`). */
  then?: { shot: string; reach(facilitator: Page): Promise<void> }
  /** What a title is on this stage's projector view. */
  selector: string
  expected(board: RoomBoard): string[]
}

const CHECKS: Check[] = [
  { stage: 'Frame', selector: '.frame-welcome__text', expected: () => [FOCAL_QUESTION] },
  { stage: 'Signals', selector: '.screen-signal__title', expected: (board) => board.signalTitles },
  {
    stage: 'Trends',
    selector: '.trend--projector .trend__title, .tcard--projector .tcard__title',
    expected: (board) => [...board.trendNames, ...board.signalTitles.slice(0, 54)],
  },
  {
    // While the room places and votes: the numbered trends, and the note that nobody sees anyone
    // else's grid yet (it ran off the bottom at 1280×720).
    stage: 'Assess',
    selector: '.assess-progress__trend > span:last-child, .assess-progress__note > span',
    expected: (board) => [...board.trendNames, "Everyone sees only their own grid until the facilitator shows the group's result here."],
  },
  {
    // The group's result once voting closes: every trend in the ranking beside the chart, and the
    // chart's axes (at 1280×720 the chart ran off the bottom and the ranking stopped at 6 of 8).
    stage: 'Assess',
    then: { shot: 'assess-results', reach: closeVoting },
    selector: '.assess-ranking__name > span, .assess-grid__axis-name',
    expected: (board) => [...board.trendNames, 'Impact →', 'Uncertainty →'],
  },
  { stage: 'Futures wheel', selector: 'text.wheel-node__text, text.wheel-centre__text', expected: (board) => [board.wheelTrend, ...board.wheelTexts] },
  { stage: 'Takeaways', selector: '.screen-takeaway__text', expected: (board) => board.takeawayTexts },
]

describe.skipIf(browserTestsSkipped)('the projector shows all the work of a room, legibly', () => {
  const app = useBrowserAndServer()

  it('at 1280×720, 1920×1080 and 3840×2160, on every stage, every title is legible at once or on a page', { timeout: 900_000 }, async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const board = await seedRoomBoard(app.server.wsUrl, links)
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    const screens: [string, Person][] = []
    for (const size of SIZES) {
      const person = await openAs(app.browser, app.server, links.links.screen, { waitConnected: true })
      await person.page.setViewportSize(size.viewport)
      screens.push([size.name, person])
    }
    const f = facilitator.page
    const problems: string[] = []
    const violations: Record<string, unknown> = {}

    for (const [index, check] of CHECKS.entries()) {
      if (check.then) await check.then.reach(f)
      else if (index > 0) await moveTo(f, check.stage, screens)
      for (const [, screen] of screens) await expectStage(screen.page, check.stage, 'screen')
      const shot = check.then?.shot ?? check.stage.toLowerCase().replace(/\s+/g, '-')
      const results = await readAllPages(f, screens, check.selector, `room/projector-${shot}`)
      for (const [size, screen] of screens) {
        const { seen, cut, pages } = results.get(size)!
        const missing = check.expected(board).filter((title) => !seen.has(title))
        if (missing.length > 0)
          problems.push(`${shot} at ${size} (${pages} pages): ${missing.length} titles never legible, e.g. ${JSON.stringify(missing.slice(0, 3))}`)
        if (cut.size > 0) problems.push(`${shot} at ${size}: ${cut.size} titles shown cut, e.g. ${JSON.stringify([...cut].slice(0, 3))}`)
        const small = [...seen.entries()].filter(([, px]) => px < MIN_PX)
        if (small.length > 0) problems.push(`${shot} at ${size}: ${small.length} titles under ${MIN_PX} px, e.g. ${JSON.stringify(small.slice(0, 3))}`)
        if (check.stage === 'Trends') {
          const { unnamed, emptyFrames, lonelyHeads, seen } = await continuations(screen.page)
          if (lonelyHeads.length > 0)
            problems.push(`Trends at ${size}: a trend's name and one card at a column's foot, the rest in the next: ${JSON.stringify(lonelyHeads)}`)
          if (unnamed.length > 0)
            problems.push(`Trends at ${size}: a trend runs on into another column without its name there: ${JSON.stringify(unnamed.slice(0, 3))}`)
          if (emptyFrames.length > 0)
            problems.push(`Trends at ${size}: an empty frame at a column's foot, the name in the next: ${JSON.stringify(emptyFrames)}`)
          // At 1920×1080 the room's longest trends are taller than a column: the check above met them.
          if (size === '1920' && seen === 0) problems.push('Trends at 1920: no trend ran on into another column, so none was checked')
        }
        // Shown in parts, the wheel is first shown whole at a glance, where the projector is big enough to (not at 1280×720).
        if (check.stage === 'Futures wheel' && size !== '1280' && results.get(size)!.wheelNodesAtOnce < board.wheelTexts.length)
          problems.push(`Futures wheel at ${size}: at most ${results.get(size)!.wheelNodesAtOnce} of ${board.wheelTexts.length} consequences on one page`)
        if (size === '1920') {
          const found = await seriousViolations(screen.page)
          if (found.length > 0) violations[check.stage] = found
        }
      }
      // A 4K projector throws a picture as big as an HD one: the back row reads the same wall, at twice the pixels.
      const hd = results.get('1920')!.seen
      const uhd = results.get('3840')!.seen
      const shrunk = [...hd.entries()].filter(([title, px]) => uhd.has(title) && uhd.get(title)! < 1.9 * px)
      if (shrunk.length > 0)
        problems.push(`${shot}: ${shrunk.length} titles smaller for the room at 3840 than at 1920, e.g. ${JSON.stringify(shrunk.slice(0, 2))}`)
    }
    expect(problems).toEqual([])
    expect(violations).toEqual({})
    expect([...facilitator.errors, ...screens.flatMap(([, s]) => s.errors)]).toEqual([])
    await Promise.all([facilitator.close(), ...screens.map(([, s]) => s.close())])
  })
})

/** A button of the facilitator's toolbar (the trends board has "Show on screen" buttons of its own). */
const consoleButton = (facilitator: Page, name: string) =>
  facilitator.getByRole('region', { name: 'Facilitator controls' }).getByRole('button', { name, exact: true })

/**
 * Next stage from the console; stages between the checked ones (Stories: nothing of the generated
 * board is on it yet) are passed through, and photographed on every screen on the way.
 */
async function moveTo(facilitator: Page, stage: string, screens: [string, Person][]): Promise<void> {
  for (let guard = 0; guard < 7; guard++) {
    const next = await facilitator.getByRole('button', { name: /^Next: / }).getAttribute('aria-label')
    const name = next!.replace(/^Next: /, '')
    await advance(facilitator, name)
    if (name === stage) return
    for (const [size, screen] of screens) {
      await expectStage(screen.page, name, 'screen')
      await screen.page.waitForTimeout(500)
      await screenshot(screen.page, `room/projector-${name.toLowerCase().replace(/\s+/g, '-')}-${size}`)
    }
  }
  throw new Error(`never reached ${stage}`)
}

interface PagesRead {
  /** Each title legible on some page, with the smallest size it was drawn at. */
  seen: Map<string, number>
  /** Titles shown cut (partly off screen, clipped or covered) on some page, with why. */
  cut: Set<string>
  pages: number
  /** The most consequences of a wheel drawn on one page, words or marks. */
  wheelNodesAtOnce: number
}

/**
 * Every title legible on any page of each screen: holds the pages (a new stage starts them
 * turning again, and on a busy machine twenty seconds pass between two reads), then steps them
 * from the console ("Next page", which turns every screen once) until each screen has shown all of
 * its own — from whichever page it was on, as turning wraps round. Pages 1 and 2 of each are
 * photographed.
 */
async function readAllPages(facilitator: Page, screens: [string, Person][], selector: string, shot: string): Promise<Map<string, PagesRead>> {
  const results = new Map<string, PagesRead>()
  for (const [size, screen] of screens) {
    // The projector settles on a density before it paints; give its lazy stage view a moment.
    await expect.poll(() => screen.page.locator(selector).count(), SLOW).toBeGreaterThan(0)
    await screen.page.waitForTimeout(500)
    const indicator = screen.page.locator('.page-indicator')
    const pages = (await indicator.count()) > 0 ? Number(await indicator.first().getAttribute('data-pages')) : 1
    results.set(size, { seen: new Map(), cut: new Set(), pages, wheelNodesAtOnce: 0 })
  }
  const most = Math.max(...[...results.values()].map((read) => read.pages))
  if (most > 1) {
    await consoleButton(facilitator, 'Show on screen').click()
    await facilitator.getByRole('button', { name: 'Pause page turning' }).click()
    await expect.poll(() => facilitator.getByRole('button', { name: 'Resume page turning' }).count(), SLOW).toBe(1)
    for (const [size, screen] of screens) {
      if (results.get(size)!.pages > 1) await expect.poll(() => screen.page.locator('.page-indicator--paused').count(), SLOW).toBe(1)
    }
  }
  for (let step = 0; step < most; step++) {
    const before = await Promise.all(
      screens.map(([, screen]) =>
        screen.page
          .locator('.page-indicator')
          .first()
          .getAttribute('data-page')
          .catch(() => null),
      ),
    )
    if (step > 0) await facilitator.getByRole('button', { name: /Next page/ }).click()
    for (const [index, [size, screen]] of screens.entries()) {
      const read = results.get(size)!
      if (step >= read.pages) continue
      if (step > 0) await expect.poll(() => screen.page.locator('.page-indicator').first().getAttribute('data-page'), SLOW).not.toBe(before[index])
      for (const shown of await shownTexts(screen.page, selector)) {
        if (shown.elsewhere) continue
        if (!shown.legible) read.cut.add(`${shown.text} (${shown.why})`)
        else read.seen.set(shown.text, Math.min(read.seen.get(shown.text) ?? Infinity, shown.px))
      }
      read.wheelNodesAtOnce = Math.max(read.wheelNodesAtOnce, await screen.page.locator('.screen-wheel [data-node-id]').count())
      const page = read.pages > 1 ? Number(await screen.page.locator('.page-indicator').first().getAttribute('data-page')) : 1
      if (page <= 2) await screenshot(screen.page, `${shot}-${size}${page === 1 ? '' : `-page${page}`}`)
    }
  }
  if (most > 1) await facilitator.keyboard.press('Escape')
  return results
}

/**
 * The columns (or pages) a trend's cards run on into (`seen`), and those without the trend's name
 * drawn at their top (`unnamed`): the first card there must show it (a label before its title).
 */
/**
 * Each trend running on into another column: whether its name is there, and whether its frame
 * starts where its name is (an empty frame at a column's foot, its name at the next one's top,
 * wasted the column and labelled the name's own first card "continued").
 */
function continuations(page: Page): Promise<{ unnamed: string[]; emptyFrames: string[]; lonelyHeads: string[]; seen: number }> {
  return page.evaluate(() => {
    const unnamed: string[] = []
    const emptyFrames: string[] = []
    const lonelyHeads: string[] = []
    let seen = 0
    const flowTop = document.querySelector('.projector-trends__flow')?.getBoundingClientRect().top ?? 0
    for (const trend of document.querySelectorAll<HTMLElement>('.trend--projector')) {
      const first = trend.getClientRects()[0]
      if (!first) continue
      const title = trend.querySelector('.trend__title')
      const name = title?.textContent ?? ''
      if (title && Math.abs(title.getBoundingClientRect().left - first.left) > first.width / 2) emptyFrames.push(name)
      let column = first.left
      let inFirstColumn = 0
      const cards = [...trend.querySelectorAll<HTMLElement>('.tcard--projector')]
      for (const card of cards) {
        const left = card.getBoundingClientRect().left
        if (Math.abs(left - column) <= first.width / 2) {
          if (column === first.left) inFirstColumn++
          continue
        }
        column = left
        seen++
        const label = getComputedStyle(card, '::before').content
        if (!name || !label.includes(name)) unnamed.push(`${name} before "${card.querySelector('.tcard__title')?.textContent}"`)
      }
      // Begun below another trend with one card, the rest "continued" in the next column: it read as two trends.
      if (first.top > flowTop + 1 && inFirstColumn === 1 && cards.length > 2) lonelyHeads.push(name)
    }
    return { unnamed, emptyFrames, lonelyHeads, seen }
  })
}
