/**
 * A long name on a 360 px phone, in Finnish (the exploratory test of 7 December): the signal
 * wall's author filter listed "Liisa Ä. Väisänen-Kärkkäinen (2)" and grew past the screen, so the
 * whole page slid sideways; in a private round the same name ran out of the "others have
 * written" box. Both now stay inside the screen, the name cut with "…".
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addSignal, goToStage, joinAsParticipant } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop, setPrivate } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const LONG_NAME = 'Liisa Ä. Väisänen-Kärkkäinen'

/** How far the page reaches past the window's right edge, and what reaches furthest. */
function sideways(page: Page): Promise<{ overflow: number; widest: string }> {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth
    let widest = ''
    let right = 0
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect()
      if (box.width > 0 && box.right > right) [right, widest] = [box.right, `${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)})`]
    }
    return { overflow, widest }
  })
}

describe.skipIf(browserTestsSkipped)('a long name on a 360 px phone, in Finnish', () => {
  const app = useBrowserAndServer()

  it('keeps the signal wall’s filters and the private round’s box inside the screen', { timeout: 120_000 }, async () => {
    const room = await facilitatedWorkshop(app.server, { title: 'Arki 2040', focalQuestion: 'Miltä arki näyttää?', language: 'fi' })
    const liisa = { participantId: 'LiisaLiisaLiisaLiisa01' }
    joinAsParticipant(room.board.doc, liisa, LONG_NAME)
    addSignal(room.board.doc, { title: 'Asiakastietojärjestelmäuudistus viivästyy' }, liisa)
    addSignal(room.board.doc, { title: 'Kirjastot lainaavat työkaluja' }, liisa)
    // The author filter shows once the wall has cards of two people.
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(room.board.doc, sam, 'Sam')
    addSignal(room.board.doc, { title: 'Etälääkäri kotona' }, sam)
    goToStage(room.control.doc, room.stageId('signals'))
    const [jussi, writer] = await Promise.all([
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Jussi', viewport: 'phone' }),
      openAs(app.browser, app.server, room.links.links.participant, { name: LONG_NAME, viewport: 'laptop' }),
    ])
    try {
      await expectStage(jussi.page, 'Heikot signaalit')
      await jussi.page.getByRole('combobox', { name: 'Kirjoittaja', exact: true }).waitFor(SLOW)
      expect(await jussi.page.getByRole('combobox', { name: 'Kirjoittaja', exact: true }).locator('option').allTextContents()).toContain(`${LONG_NAME} (2)`)
      expect(await sideways(jussi.page)).toMatchObject({ overflow: 0 })
      await jussi.page.getByRole('combobox', { name: 'Kirjoittaja', exact: true }).scrollIntoViewIfNeeded()
      await screenshot(jussi.page, 'long-names/signals-filters-phone-fi')

      // A private round: the long-named person writes a card; Jussi's box says so, inside the screen.
      await setPrivate(app.server.wsUrl, room.links, 'on')
      const form = writer.page.getByRole('region', { name: 'Lisää signaali' })
      await form.getByLabel('Mitä huomasit?').fill('Naapurit jakavat autoja')
      await form.getByLabel('Mitä huomasit?').press('Enter')
      const pace = jussi.page.locator('.private-pace__person', { hasText: LONG_NAME })
      await pace.waitFor(SLOW)
      const [row, box] = await Promise.all([pace.boundingBox(), jussi.page.locator('.private-pace').boundingBox()])
      expect(row!.x + row!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5)
      expect(await sideways(jussi.page)).toMatchObject({ overflow: 0 })
      await pace.scrollIntoViewIfNeeded()
      await screenshot(jussi.page, 'long-names/private-pace-phone-fi')
      expect([...jussi.errors, ...writer.errors]).toEqual([])
    } finally {
      await Promise.all([jussi.close(), writer.close()])
      room.close()
    }
  })
})
