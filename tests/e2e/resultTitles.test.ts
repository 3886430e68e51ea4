/**
 * The group's result on the projector and a phone: a quadrant title whose corner holds a badge
 * moves where no badge is (chartLayout's `placeTitles`). "Critical uncertainties" is the corner
 * the most decided trends land in: the top-ranked badge read "ritical uncertainties".
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { closeAssessment, createTrend, goToStage, joinAsParticipant, placeAssessment } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

/** Each visible quadrant title's text and how many result badges are drawn over it. */
function titlesUnderBadges(page: Page): Promise<{ text: string; badges: number }[]> {
  return page.evaluate(() => {
    const badges = [...document.querySelectorAll('.results-chart__badge circle')].map((circle) => circle.getBoundingClientRect())
    return [...document.querySelectorAll<HTMLElement>('.assess-grid--results .assess-grid__quadrant-name, .assess-grid--results .assess-grid__quadrant-hint')]
      .filter((part) => part.offsetParent !== null)
      .map((part) => {
        const range = document.createRange()
        range.selectNodeContents(part)
        const text = range.getBoundingClientRect()
        const over = badges.filter((b) => b.left < text.right && text.left < b.right && b.top < text.bottom && text.top < b.bottom)
        return { text: part.textContent ?? '', badges: over.length }
      })
  })
}

describe('the result chart’s quadrant titles', () => {
  it('leave a corner a badge sits in, on the projector and on a phone', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server)
    const { links, board, control } = workshop
    const people = ['Sam', 'Tuuli', 'Usko'].map((name, i) => {
      const actor = { participantId: `${name}${'x'.repeat(20 - name.length)}${i}` }
      joinAsParticipant(board.doc, actor, name)
      return actor
    })
    // The most decided trend in the very corner of "Critical uncertainties", another in "Background".
    const corner = createTrend(board.doc, { name: 'Care moves home' }, people[0]!)
    const quiet = createTrend(board.doc, { name: 'Repair cafés spread' }, people[0]!)
    for (const person of people) {
      placeAssessment(board.doc, { trendId: corner, impact: 0.97, uncertainty: 0.96 }, person)
      placeAssessment(board.doc, { trendId: quiet, impact: 0.35, uncertainty: 0.3 }, person)
    }
    goToStage(control.doc, workshop.stageId('assess'))
    closeAssessment(control.doc, workshop.stageId('assess'))

    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'projector', waitConnected: true })
    const phone = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    const problems: string[] = []
    for (const [where, page, size] of [
      ['1280×720', screen.page, { width: 1280, height: 720 }],
      ['1920×1080', screen.page, { width: 1920, height: 1080 }],
      ['a phone', phone.page, null],
    ] as const) {
      if (size) await page.setViewportSize(size)
      await page.locator('.results-chart__badge').first().waitFor(SLOW)
      await page.locator('.assess-grid--results').scrollIntoViewIfNeeded()
      await expect.poll(() => page.locator('.assess-grid__quadrant--critical[data-title], .assess-grid__quadrant--critical[data-hint]').count(), SLOW).toBe(1)
      // Polled: after a resize the chart measures its titles again a frame or two later.
      const covered = () => titlesUnderBadges(page).then((titles) => titles.filter((title) => title.badges > 0))
      await expect.poll(covered, SLOW).toEqual([])
      for (const title of await covered()) problems.push(`${where}: "${title.text}" under ${title.badges} badge(s)`)
      await screenshot(page, `results-titles-${where === 'a phone' ? 'phone' : size!.width}`)
    }
    expect(problems).toEqual([])
    expect([...screen.errors, ...phone.errors]).toEqual([])
    workshop.close()
    await Promise.all([screen.close(), phone.close()])
  })
})
