/**
 * The Assess stage on a 1280×720 projector while voting is open: eight trends with long names
 * (four of two lines) ran the last one off the bottom of the wall, with nothing to say more was
 * below (the exploratory test of 7 December). The names now take the size that keeps all eight.
 */
import { describe, expect, it } from 'vitest'
import { createTrend, goToStage, joinAsParticipant } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const TRENDS = [
  'Care moves home',
  'Libraries and streets as shared living rooms for every generation',
  'Longer, mixed working lives',
  'Food and local services for all, in every village',
  'Energy and climate pressure on families with small incomes',
  'Welfare goes digital',
  'Migration renews the town and its services',
  'Loneliness becomes a public health issue in every age group',
]

describe.skipIf(browserTestsSkipped)('the Assess stage on a small projector while voting is open', () => {
  const app = useBrowserAndServer()

  it('shows all eight trends inside the wall', { timeout: 120_000 }, async () => {
    const room = await facilitatedWorkshop(app.server, {
      focalQuestion: 'What will everyday welfare look like in our town in 2040, for children, older people and everyone who works?',
    })
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(room.board.doc, sam, 'Sam')
    for (const name of TRENDS) createTrend(room.board.doc, { name }, sam)
    goToStage(room.control.doc, room.stageId('assess'))
    const screen = await openAs(app.browser, app.server, room.links.links.screen, { viewport: 'projector', waitConnected: true })
    try {
      await screen.page.setViewportSize({ width: 1280, height: 720 })
      await expectStage(screen.page, 'Assess', 'screen')
      const items = screen.page.locator('.assess-progress__trend')
      await expect.poll(() => items.count(), SLOW).toBe(8)
      const last = await items.nth(7).evaluate((item) => item.getBoundingClientRect().bottom)
      await screenshot(screen.page, 'assess/progress-1280')
      expect(last).toBeLessThanOrEqual(720)
      // Still read from the back of the room: not shrunk past what the fit allows.
      const size = await items.nth(7).evaluate((item) => parseFloat(getComputedStyle(item).fontSize))
      expect(size).toBeGreaterThanOrEqual(14)
      expect(screen.errors).toEqual([])
    } finally {
      await screen.close()
      room.close()
    }
  })
})
