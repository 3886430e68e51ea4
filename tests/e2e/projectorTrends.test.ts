/**
 * The trends wall on the projector with trends of many cards and of few: a long trend may run on
 * into the next column (named again there), but a trend of two or three cards is kept in one
 * column. Split, "Care moves home" and "Care moves home, continued" read as two trends while
 * other columns had room (the room test at 1920×1080).
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addSignal, addSignalToTrend, createTrend, goToStage, joinAsParticipant, setFocus } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

/** Cards per trend, long and short in turn, as a room sorts them. */
const SIZES = [8, 2, 6, 2, 7, 3, 5, 2, 6, 2, 4, 3]

/** The trends whose cards are drawn in more than one column, by name, with their card counts. */
function splitTrends(page: Page): Promise<{ name: string; cards: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.trend--projector')].flatMap((trend) => {
      const cards = [...trend.querySelectorAll<HTMLElement>('.tcard--projector')]
      const columns = new Set(cards.map((card) => Math.round(card.getBoundingClientRect().left / 50)))
      return columns.size > 1 ? [{ name: trend.querySelector('.trend__title')?.textContent ?? '', cards: cards.length }] : []
    }),
  )
}

/** Trend names drawn in more than one column: the end of a name at the top of the next one. */
function splitNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.trend--projector .trend__title')].flatMap((title) => {
      const columns = new Set([...title.getClientRects()].map((rect) => Math.round(rect.left / 50)))
      return columns.size > 1 ? [title.textContent ?? ''] : []
    }),
  )
}

describe.skipIf(browserTestsSkipped)('the trends wall on the projector', () => {
  it('keeps a trend of a few cards in one column, and every name whole; long trends may run on', { timeout: 120_000 }, async () => {
    const room = await facilitatedWorkshop(app.server)
    const anna = { participantId: 'AnnaAnnaAnnaAnnaAnna01' }
    joinAsParticipant(room.board.doc, anna, 'Anna')
    SIZES.forEach((size, t) => {
      // Every other name takes two or three lines, as a room's do ("Työn murros: joustot, keikat ja monipaikkaisuus").
      const name = t % 2 === 0 ? `Trend ${t + 1}: work changes, gig jobs and living in many places at once` : `Trend ${t + 1} about care`
      const trend = createTrend(room.board.doc, { name }, anna)
      for (let c = 0; c < size; c++) {
        const words = c % 3 === 0 ? 'a longer title that takes two or three lines on the wall' : 'a short one'
        addSignalToTrend(room.board.doc, addSignal(room.board.doc, { title: `Signal ${t + 1}.${c + 1}, ${words}` }, anna), trend, anna)
      }
    })
    goToStage(room.control.doc, room.stageId('trends'))
    const split: string[] = []
    let longRunOn = 0
    try {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        const screen = await openAs(app.browser, app.server, room.links.links.screen, { waitConnected: true })
        try {
          await screen.page.setViewportSize(viewport)
          await expectStage(screen.page, 'Trends', 'screen')
          // Laid out and paged: the page indicator is drawn once the wall has settled on its pages.
          await screen.page.getByText(/^Page 1 of \d+/).waitFor(SLOW)
          for (const name of await splitNames(screen.page)) split.push(`the name "${name}" at ${viewport.width}`)
          for (const trend of await splitTrends(screen.page)) {
            if (trend.cards <= 3) split.push(`${trend.name} (${trend.cards} cards) at ${viewport.width}`)
            else longRunOn++
          }
          await screenshot(screen.page, `room/projector-trends-few-${viewport.width}`)
          expect(screen.errors).toEqual([])
        } finally {
          await screen.close()
        }
      }
    } finally {
      room.close()
    }
    expect(split).toEqual([])
    // The long ones still run on where that fills the columns (so the check above met the rule).
    expect(longRunOn).toBeGreaterThan(0)
  })
  it('draws one trend on screen large enough to use the screen, and a long one still whole on its pages', { timeout: 120_000 }, async () => {
    const room = await facilitatedWorkshop(app.server, { language: 'fi' })
    const anna = { participantId: 'AnnaAnnaAnnaAnnaAnna01' }
    joinAsParticipant(room.board.doc, anna, 'Anna')
    const titles = [
      'Ilmastoahdistus nuorten keskuudessa',
      'Digitaalinen henkilöllisyys kaikille EU-kansalaisille',
      'Care robots trialled in Espoo nursing homes',
      'Yhteisöllinen asuminen senioreille',
      'Remote work moves families to small towns',
      'Grandparents as paid childminders',
    ]
    const few = createTrend(
      room.board.doc,
      { name: 'Työn murros: joustot, keikat ja monipaikkaisuus', narrative: 'Työ irtoaa ajasta ja paikasta; sosiaaliturva ei ole vielä pysynyt perässä.' },
      anna,
    )
    for (const title of titles) addSignalToTrend(room.board.doc, addSignal(room.board.doc, { title, category: 'social' }, anna), few, anna)
    const many = createTrend(room.board.doc, { name: 'Hoiva siirtyy kotiin' }, anna)
    for (let c = 0; c < 40; c++)
      addSignalToTrend(room.board.doc, addSignal(room.board.doc, { title: `Signaali ${c + 1}: kotihoidon etäkäynnit lisääntyvät` }, anna), many, anna)
    goToStage(room.control.doc, room.stageId('trends'))
    setFocus(room.control.doc, { kind: 'trend', id: few })
    const screen = await openAs(app.browser, app.server, room.links.links.screen, { waitConnected: true })
    try {
      for (const viewport of [
        { width: 1920, height: 1080 },
        { width: 1280, height: 720 },
      ]) {
        await screen.page.setViewportSize(viewport)
        await screen.page.locator('.projector-trends--focused .tcard--projector').first().waitFor(SLOW)
        const measure = () =>
          screen.page.evaluate(() => {
            const cards = [...document.querySelectorAll<HTMLElement>('.projector-trends--focused .tcard--projector')]
            const bottom = Math.max(...cards.map((card) => card.getBoundingClientRect().bottom))
            const title = parseFloat(getComputedStyle(cards[0]!.querySelector('.tcard__title')!).fontSize)
            return { bottom, title, cards: cards.length }
          })
        // Fitted again to the new size once the resize reaches the page: inside it, on one page.
        await expect
          .poll(async () => (await measure()).bottom <= viewport.height && (await screen.page.locator('[data-one-page]').count()) === 1, SLOW)
          .toBe(true)
        const drawn = await measure()
        await screenshot(screen.page, `room/projector-trend-focused-${viewport.width}`)
        expect(drawn.cards).toBe(titles.length)
        // Six cards in letters the back row reads (the wall's size was 0.66 rem: 21 px at 1080), down the screen, not in its top half.
        expect(drawn.title / viewport.height).toBeGreaterThan(0.025)
        expect(drawn.bottom / viewport.height).toBeGreaterThan(0.6)
        expect(drawn.bottom).toBeLessThanOrEqual(viewport.height)
      }
      // Forty cards: smaller, and on pages, every one whole.
      setFocus(room.control.doc, { kind: 'trend', id: many })
      await screen.page.getByText(/^Sivu 1\/\d+/).waitFor(SLOW)
      await screenshot(screen.page, 'room/projector-trend-focused-many-1280')
      const overflow = await screen.page.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('.projector-trends--focused .tcard--projector')].filter(
            (card) => card.getBoundingClientRect().bottom > window.innerHeight,
          ).length,
      )
      expect(overflow).toBe(0)
      expect(screen.errors).toEqual([])
    } finally {
      await screen.close()
      room.close()
    }
  })
})
