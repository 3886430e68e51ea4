/**
 * Two people moving the same card into two different trends at once: the card ends in one of
 * them, the later move's, on every screen, and does not come back in the other one later. (Before,
 * both moves stood, and the board said the group had linked the card to both.)
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addSignal, createTrend, goToStage, readBoard } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { literal, openAs, readClusters, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()
const [CARE, REPAIR, STREETS] = ['Care moves home', 'Repair cafés spread', 'Streets for people']
const CARD = 'Night buses run on demand'
const ben = { participantId: 'BenBenBenBenBenBenBen1' }

/** Moves CARD with its "Move or link" dialog, as a person does without dragging. */
async function moveCard(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: `Move or link “${CARD}”` }).click()
  const dialog = page.getByRole('dialog', { name: CARD })
  await dialog.getByRole('button', { name: new RegExp(`^${literal(to)}`) }).click()
  await dialog.waitFor({ state: 'hidden', ...SLOW })
}

/** Three trends and three unsorted cards on the Trends stage; Fiona's laptop and Anna's phone on it. */
async function trendsWithFionaAndAnna() {
  const workshop = await facilitatedWorkshop(app.server)
  const { links, board, control } = workshop
  for (const name of [CARE, REPAIR, STREETS]) createTrend(board.doc, { name }, ben)
  for (const title of [CARD, 'Libraries lend tools', 'Four-day week trials']) addSignal(board.doc, { title }, ben)
  goToStage(control.doc, workshop.stageId('trends'))
  const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
  const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
  return { workshop, board, facilitator, anna }
}

describe('a card two people move at once', () => {
  it('ends in one trend on every screen, and the other move does not come back', { timeout: 120_000 }, async () => {
    const { workshop, board, facilitator, anna } = await trendsWithFionaAndAnna()
    try {
      // Anna's phone is off the network when she moves the card; Fiona moves it a moment later.
      await anna.context.setOffline(true)
      await moveCard(anna.page, REPAIR)
      await expect.poll(() => readClusters(anna.page), SLOW).toContain(`${REPAIR}: ${CARD}`)
      await moveCard(facilitator.page, CARE)
      await anna.context.setOffline(false)

      const expected = [`${CARE}: ${CARD}`, `${REPAIR}: `, `${STREETS}: `]
      for (const person of [facilitator, anna]) await expect.poll(() => readClusters(person.page), SLOW).toEqual(expected)
      expect(await anna.page.getByText(/also in \d other trend/).count()).toBe(0)
      // Her screen reader says where her card went, since no move of hers took it there.
      await expect
        .poll(() => anna.page.locator('[data-live-announcer]').textContent(), SLOW)
        .toBe(`“${CARD}” is in “${CARE}”: someone moved it there at the same moment as you.`)
      // And the trend she put it in says so, where she is looking, until she has read it.
      const note = anna.page.locator('.trend__moved-away', { hasText: `“${CARD}” is in “${CARE}”` })
      await note.waitFor(SLOW)
      await screenshot(anna.page, 'trends-concurrent-move-phone')
      await note.getByRole('button', { name: 'OK' }).focus()
      await anna.page.keyboard.press('Enter')
      await note.waitFor({ state: 'detached', ...SLOW })
      // Her keyboard stays in the trend she was reading, not thrown to the top of the page.
      const focusedTrend = await anna.page.evaluate(() => {
        const heading = document.activeElement?.closest('.trend')?.getAttribute('aria-labelledby')
        return heading ? (document.getElementById(heading)?.textContent ?? null) : null
      })
      expect(focusedTrend).toBe(REPAIR)
      // The move that did not stand is removed from the board, not only hidden.
      await expect.poll(() => readBoard(board.doc).memberships.size, SLOW).toBe(1)

      // So the card moving on leaves no trace of it: it is in Streets alone, not back in Repair.
      await moveCard(anna.page, STREETS)
      for (const person of [facilitator, anna])
        await expect.poll(() => readClusters(person.page), SLOW).toEqual([`${CARE}: `, `${REPAIR}: `, `${STREETS}: ${CARD}`])
      expect([...facilitator.errors, ...anna.errors]).toEqual([])
    } finally {
      workshop.close()
      await Promise.all([facilitator.close(), anna.close()])
    }
  })

  it('a move chosen while another move of the card arrives stands alone, and is no link', { timeout: 120_000 }, async () => {
    const { workshop, board, facilitator, anna } = await trendsWithFionaAndAnna()
    try {
      // Anna opens the card's menu in the pile; while it is open, Fiona's move of the card arrives.
      await anna.page.getByRole('button', { name: `Move or link “${CARD}”` }).click()
      const dialog = anna.page.getByRole('dialog', { name: CARD })
      await dialog.waitFor(SLOW)
      await moveCard(facilitator.page, CARE)
      await expect.poll(() => readBoard(board.doc).memberships.size, SLOW).toBe(1)
      await expect.poll(() => readClusters(anna.page), SLOW).toContain(`${CARE}: ${CARD}`)
      // She goes on with what she chose: the later move stands, on every screen.
      await dialog.getByRole('button', { name: new RegExp(`^${literal(REPAIR)}`) }).click()
      const expected = [`${CARE}: `, `${REPAIR}: ${CARD}`, `${STREETS}: `]
      for (const person of [facilitator, anna]) await expect.poll(() => readClusters(person.page), SLOW).toEqual(expected)
      expect(await anna.page.getByText(/also in \d other trend/).count()).toBe(0)
      await screenshot(facilitator.page, 'trends-concurrent-move-menu-laptop')
      expect([...facilitator.errors, ...anna.errors]).toEqual([])
    } finally {
      workshop.close()
      await Promise.all([facilitator.close(), anna.close()])
    }
  })
})
