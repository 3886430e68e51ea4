/**
 * A room's futures wheel on the projector, in Finnish (the exports' fixture: 6 first-order
 * consequences, 14 second-order and 9 third-order, the longest near 120 characters). Shown
 * part by part, at 1280×720, 1920×1080 and 3840×2160, every page is read (stepped from the
 * console, as a facilitator does): each ring's name drawn ("1. aste") and each consequence's box
 * is wholly inside the drawing, none under the footer with the legend and "Sivu 2/3". The ring
 * names sat where they do on the whole wheel, below its middle, and a part zoomed on a sector cut
 * "1. aste" and "3. aste" with its lower edge. Screenshots: tests/screenshots/wheel-projector/.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { goToStage, joinAsParticipant, pauseScreenPages, setFocus, stepScreenPages } from '../../shared/doc/index.ts'
import { addFinnishWheel } from '../../shared/export/testing/finnishWheel.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { afterFrame } from './support/consoleRow.ts'
import { facilitatedWorkshop, type FacilitatedWorkshop } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

/** A Finnish workshop on the wheel stage with its wheel on the projector; pages are turned by the test. */
async function roomWithWheel(): Promise<FacilitatedWorkshop> {
  const room = await facilitatedWorkshop(app.server, { title: 'Hyvinvointi 2040', focalQuestion: 'Miltä arki näyttää vuonna 2040?', language: 'fi' })
  const writer = { participantId: 'SamSamSamSamSamSamSam1' }
  joinAsParticipant(room.board.doc, writer, 'Sam')
  const trendId = addFinnishWheel(room.board.doc, writer)
  goToStage(room.control.doc, room.stageId('wheel'))
  setFocus(room.control.doc, { kind: 'wheel', id: trendId })
  pauseScreenPages(room.control.doc, true)
  return room
}

/**
 * What the page shown cuts: ring names and boxes partly inside the drawing, or reaching under the
 * footer (one wholly outside it is not drawn on this page), and how many ring names show whole.
 */
function readPage(page: Page): Promise<{ cut: string[]; named: number }> {
  return page.evaluate(() => {
    const svg = document.querySelector('.screen-wheel__svg')!.getBoundingClientRect()
    const viewport = document.querySelector('.screen-wheel__viewport')!.getBoundingClientRect()
    const footer = document.querySelector('.screen-wheel__footer')!.getBoundingClientRect()
    const shown = {
      left: Math.max(svg.left, viewport.left, 0),
      top: Math.max(svg.top, viewport.top, 0),
      right: Math.min(svg.right, viewport.right, innerWidth),
      bottom: Math.min(svg.bottom, viewport.bottom, innerHeight, footer.top),
    }
    const cut: string[] = []
    let named = 0
    const where = (name: string, box: DOMRect) => {
      if (box.right <= shown.left || box.left >= shown.right || box.bottom <= shown.top || box.top >= shown.bottom) return 'elsewhere'
      if (box.left >= shown.left - 0.5 && box.right <= shown.right + 0.5 && box.top >= shown.top - 0.5 && box.bottom <= shown.bottom + 0.5) return 'shown'
      cut.push(
        `${name} at y ${Math.round(box.top)}–${Math.round(box.bottom)}, x ${Math.round(box.left)}–${Math.round(box.right)} (the drawing ${Math.round(shown.top)}–${Math.round(shown.bottom)}, ${Math.round(shown.left)}–${Math.round(shown.right)})`,
      )
      return 'cut'
    }
    for (const label of document.querySelectorAll('.screen-wheel .wheel-ring__label'))
      if (where(`“${label.textContent}”`, label.getBoundingClientRect()) === 'shown') named++
    for (const box of document.querySelectorAll('.screen-wheel [data-node-id] > rect'))
      where(`the box of “${(box.parentElement!.getAttribute('aria-label') ?? '').slice(0, 50)}”`, box.getBoundingClientRect())
    return { cut, named }
  })
}

describe.skipIf(browserTestsSkipped)('a room’s wheel on the projector', () => {
  it(
    'shows every ring’s name and every box whole on each page, none under the footer, at 1280×720, 1920×1080 and 3840×2160',
    { timeout: 240_000 },
    async () => {
      const room = await roomWithWheel()
      const problems: string[] = []
      try {
        for (const size of [
          { width: 1280, height: 720 },
          { width: 1920, height: 1080 },
          { width: 3840, height: 2160 },
        ]) {
          const screen = await openAs(app.browser, app.server, room.links.links.screen, { viewport: 'projector', waitConnected: true })
          try {
            await screen.page.setViewportSize(size)
            await expectStage(screen.page, 'Tulevaisuuspyörä', 'screen')
            await screen.page.locator('.screen-wheel__svg .wheel-centre').waitFor(SLOW)
            await afterFrame(screen.page)
            const indicator = screen.page.locator('.screen-wheel .page-indicator')
            const pages = (await indicator.count()) > 0 ? Number(await indicator.getAttribute('data-pages')) : 1
            let named = 0
            for (let shown = 1; shown <= pages; shown++) {
              if (shown > 1) {
                stepScreenPages(room.control.doc, 1)
                await screen.page.locator(`.screen-wheel .page-indicator[data-page="${shown}"]`).waitFor(SLOW)
                await afterFrame(screen.page)
              }
              await screenshot(screen.page, `wheel-projector/fi-${size.width}-page${shown}`)
              const read = await readPage(screen.page)
              for (const cut of read.cut) problems.push(`${size.width}×${size.height} page ${shown}/${pages}: ${cut}`)
              named += read.named
            }
            // The rings are still named where a page has room for it.
            if (named === 0) problems.push(`${size.width}×${size.height}: no ring named on any of ${pages} pages`)
            expect(screen.errors).toEqual([])
          } finally {
            await screen.close()
          }
        }
      } finally {
        room.close()
      }
      expect(problems).toEqual([])
    },
  )
})
