/**
 * Assess on a phone: the tap that gives a person's last dot, with every trend placed, says "I'm
 * done" for them, and the facilitator's console counts them ready (it read "0 of 6 ready" beside
 * a finished vote).
 */
import { describe, expect, it } from 'vitest'
import { createTrend, goToStage } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()
const TRENDS = ['Care moves home', 'Repair cafés spread']

describe('finishing the vote', () => {
  it('says "I\'m done" for the person, and the console counts them ready', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server)
    const { links, board, control } = workshop
    for (const name of TRENDS) createTrend(board.doc, { name }, { participantId: 'Fionaxxxxxxxxxxxxxxx0' })
    goToStage(control.doc, workshop.stageId('assess'))

    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    const ready = () => facilitator.page.locator('.console-ready__text').textContent()
    await expect.poll(ready, SLOW).toBe('0 of 1 ready')
    const done = anna.page.getByRole('button', { name: "I'm done" })

    for (const name of TRENDS) await anna.page.getByRole('button', { name: new RegExp(`${name}\\s*, put it on the grid$`) }).click()
    for (let dot = 0; dot < 2; dot++) await anna.page.getByRole('button', { name: `Give a dot to ${TRENDS[0]}` }).click()
    // Every trend placed, a dot still to give: not done yet.
    expect(await done.getAttribute('aria-pressed')).toBe('false')
    await anna.page.getByRole('button', { name: `Give a dot to ${TRENDS[1]}` }).click()
    await expect.poll(() => done.getAttribute('aria-pressed'), SLOW).toBe('true')
    await expect.poll(ready, SLOW).toBe('1 of 1 ready')
    await screenshot(anna.page, 'assess-done-phone')
    await screenshot(facilitator.page, 'assess-done-console')

    expect([...facilitator.errors, ...anna.errors]).toEqual([])
    workshop.close()
    await Promise.all([facilitator.close(), anna.close()])
  })
})
