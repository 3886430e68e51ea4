/**
 * The projector's bar with the room's timer in it, in Finnish at 1280×720 and 1920×1080: the stage
 * name keeps its words whole and the clock stays clear of it and of the task beside it. A paused
 * timer's whole sentence ("Ajastin pysäytetty · aikaa jäljellä 9:58") in the bar's large type
 * broke "Heikot signaalit" into "Heiko / t / signa / alit" and lay over the task. And the results
 * chart's axes keep their words apart ("pieniVaikutus →suuri" ran together at 1280×720).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  closeAssessment,
  createTrend,
  goToStage,
  joinAsParticipant,
  pauseTimer,
  placeAssessment,
  setShowJoinPanel,
  startTimer,
} from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot, VIEWPORTS } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

interface BarProblems {
  /** Words of the stage name drawn on more than one line. */
  brokenWords: string[]
  /** Parts of the bar the clock's box overlaps. */
  overlaps: string[]
}

/** Reads the bar as drawn: each word of the stage name by its own boxes, and the clock's box against its neighbours'. */
function barProblems(page: Page): Promise<BarProblems> {
  return page.evaluate(() => {
    const stage = document.querySelector('.screen-bar__stage')!
    const text = stage.firstChild!
    const brokenWords: string[] = []
    for (const match of text.textContent!.matchAll(/\S+/g)) {
      const range = document.createRange()
      range.setStart(text, match.index)
      range.setEnd(text, match.index + match[0].length)
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
      if (lines.size > 1) brokenWords.push(match[0])
    }
    const clock = document.querySelector('.screen-clock')!.getBoundingClientRect()
    const overlaps: string[] = []
    for (const [name, selector] of [
      ['stage name', '.screen-bar__stage'],
      ['task', '.screen-bar__instruction'],
      ['join corner', '.join-corner'],
    ] as const) {
      const other = document.querySelector(selector)?.getBoundingClientRect()
      if (!other) continue
      const apart = clock.right <= other.left || other.right <= clock.left || clock.bottom <= other.top || other.bottom <= clock.top
      if (!apart) overlaps.push(name)
    }
    return { brokenWords, overlaps }
  })
}

describe('the projector in Finnish', () => {
  it('keeps the stage name whole and the clock clear of the task, running and paused, in Finnish', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server, {
      title: 'Hyvinvointi 2040 -testi',
      focalQuestion: 'Miltä arjen hyvinvointi näyttää kunnassamme vuonna 2040?',
      language: 'fi',
    })
    const { links, control } = workshop
    goToStage(control.doc, workshop.stageId('signals'))
    setShowJoinPanel(control.doc, true)

    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'smallProjector', waitConnected: true })
    const page = screen.page
    await page.getByRole('heading', { name: 'Heikot signaalit' }).waitFor(SLOW)
    await page.locator('.join-corner').waitFor(SLOW)
    const problems: Record<string, BarProblems> = {}
    const check = async (state: string) => {
      for (const size of ['smallProjector', 'projector'] as const) {
        await page.setViewportSize(VIEWPORTS[size])
        const found = await barProblems(page)
        if (found.brokenWords.length + found.overlaps.length > 0) problems[`${state} at ${VIEWPORTS[size].width}`] = found
        await screenshot(page, `projector-bar-${state}-${VIEWPORTS[size].width}`)
      }
    }

    startTimer(control.doc, Date.now())
    await page.locator('.screen-clock.stage-clock--running').waitFor(SLOW)
    await check('running')
    pauseTimer(control.doc, Date.now())
    await page.locator('.screen-clock.stage-clock--paused').waitFor(SLOW)
    expect(await page.locator('.screen-clock').textContent()).toMatch(/^\d+:\d\dpysäytetty$/)
    await check('paused')

    expect(problems).toEqual({})
    expect(screen.errors).toEqual([])
    workshop.close()
    await screen.close()
  })

  it("keeps the words of the results chart's axes apart at 1280×720, in Finnish", { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server, { title: 'Hyvinvointi 2040', focalQuestion: 'Miltä arki näyttää?', language: 'fi' })
    const { links, board, control } = workshop
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    const trend = createTrend(board.doc, { name: 'Teknologia hoivan tukena' }, sam)
    placeAssessment(board.doc, { trendId: trend, impact: 0.7, uncertainty: 0.3 }, sam)
    const assess = workshop.stageId('assess')
    goToStage(control.doc, assess)
    setShowJoinPanel(control.doc, true)
    closeAssessment(control.doc, assess)

    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'smallProjector', waitConnected: true })
    await screen.page.locator('.results-chart__badge').first().waitFor(SLOW)
    // The gap between neighbouring words of each axis, along it, in px.
    const gaps = await screen.page.evaluate(() =>
      [...document.querySelectorAll('.assess-grid__y-axis, .assess-grid__x-axis')].flatMap((axis) => {
        const vertical = axis.classList.contains('assess-grid__y-axis')
        const boxes = [...axis.children].map((word) => word.getBoundingClientRect())
        const along = boxes.map((box) => (vertical ? [box.top, box.bottom] : [box.left, box.right])).sort((a, b) => a[0]! - b[0]!)
        return along.slice(1).map((box, i) => Math.round(box[0]! - along[i]![1]!))
      }),
    )
    await screenshot(screen.page, 'projector-results-axes-1280-fi')
    expect(gaps.length).toBe(4)
    expect(gaps.filter((gap) => gap < 4)).toEqual([])
    expect(screen.errors).toEqual([])
    workshop.close()
    await screen.close()
  })

  it('ends the dots ranking of eight long-named trends inside a 1280×720 wall, under a long focal question', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server, {
      focalQuestion:
        'What will everyday welfare look like in our town in 2040, for the people who live here, for those who care for them at home and at work, and for the neighbours and volunteers who help?',
    })
    const { links, board, control } = workshop
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    const names = [
      'Loneliness becomes a public health priority',
      'Neighbours and volunteers carry more of the care',
      'Services go digital and local at the same time',
      'Mental health under pressure among the young',
      'The care workforce transforms and shrinks',
      'Sharing and repair economy grows in every district',
      'New ways to live together across generations',
      'Care moves home from hospitals and care homes',
    ]
    names.forEach((name, i) =>
      placeAssessment(board.doc, { trendId: createTrend(board.doc, { name }, sam), impact: 0.2 + 0.08 * i, uncertainty: 0.8 - 0.08 * i }, sam),
    )
    const assess = workshop.stageId('assess')
    goToStage(control.doc, assess)
    setShowJoinPanel(control.doc, true)
    closeAssessment(control.doc, assess)
    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'smallProjector', waitConnected: true })
    try {
      const rows = screen.page.locator('.assess-ranking__item')
      await expect.poll(() => rows.count(), SLOW).toBe(8)
      // Sized in the frame after the list changed.
      await screen.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      const { bottom, nameSize } = await screen.page.evaluate(() => ({
        bottom: document.querySelector('.assess-ranking__list')!.getBoundingClientRect().bottom,
        nameSize: parseFloat(getComputedStyle(document.querySelector('.assess-ranking__name')!).fontSize),
      }))
      await screenshot(screen.page, 'projector-results-ranking-1280')
      expect(bottom, 'the last row ends inside the wall').toBeLessThanOrEqual(720)
      expect(nameSize, 'names still read from the back of the room').toBeGreaterThanOrEqual(13)
      expect(screen.errors).toEqual([])
    } finally {
      workshop.close()
      await screen.close()
    }
  })
})
