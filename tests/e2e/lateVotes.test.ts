/**
 * Dots given on a phone that was offline when the facilitator closed voting arrive afterwards and
 * move the result: the facilitator is told, beside the ranking, rather than the result changing
 * without a word.
 */
import { describe, expect, it } from 'vitest'
import { createTrend, goToStage } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()
const TRENDS = ['Care moves home', 'Repair cafés spread']

describe('votes that arrive after voting closed', () => {
  it('tell the facilitator that the result now counts them', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server)
    const { links, board, control } = workshop
    for (const name of TRENDS) createTrend(board.doc, { name }, { participantId: 'Fionaxxxxxxxxxxxxxxx0' })
    goToStage(control.doc, workshop.stageId('assess'))
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      // Anna's phone loses the network; she places both trends and gives her dots there.
      await anna.context.setOffline(true)
      for (const name of TRENDS) await anna.page.getByRole('button', { name: new RegExp(`${name}\\s*, put it on the grid$`) }).click()
      for (let dot = 0; dot < 3; dot++) await anna.page.getByRole('button', { name: `Give a dot to ${TRENDS[1]}` }).click()

      await facilitator.page.getByRole('button', { name: 'Close voting and show results' }).click()
      // Anna, offline, is not waited for: it closes at once, or after "Close anyway" if she still counts.
      const result = facilitator.page.getByRole('heading', { name: "The group's result" })
      const anyway = facilitator.page.getByRole('button', { name: 'Close anyway' })
      await result.or(anyway).first().waitFor(SLOW)
      if (await anyway.isVisible()) await anyway.click()
      await result.waitFor(SLOW)
      const note = facilitator.page.getByRole('status').filter({ hasText: 'Votes arrived after voting closed' })
      expect(await note.count()).toBe(0)

      await anna.context.setOffline(false)
      await note.waitFor(SLOW)
      await expect.poll(() => note.textContent(), SLOW).toContain("1 person's dots or placements arrived just now")
      await screenshot(facilitator.page, 'assess-late-votes-laptop')
      await note.getByRole('button', { name: 'OK, noted' }).click()
      await expect.poll(() => note.count(), SLOW).toBe(0)
      expect([...facilitator.errors, ...anna.errors]).toEqual([])
    } finally {
      workshop.close()
      await Promise.all([facilitator.close(), anna.close()])
    }
  })
})
