/**
 * The projector's header at 1280×720 on every stage, in Finnish and English, with all it holds:
 * the stage, its instruction, a running clock, the ready count, the connection and the join
 * corner. It stays compact (the stage area keeps the room) and the instruction reads in at most
 * three lines. In Finnish the long stage name and the join corner squeezed the instruction into a
 * six-line column beside the name, and the header took 200 of the 720 px. Below it, each empty
 * stage shows whole, at 1280×720 and 1920×1080.
 *
 * And the join code turned on during a later stage (J), with 24 signals on the wall, at
 * 1920×1080, 3840×2160 and 1280×720: its QR code is at least 250 px at 1080p (in proportion at
 * the other sizes), reads as the join link, and covers none of the stage's work, every card of
 * which is whole on some page. The code stayed the bar's corner code, 90 px at 1080p, which a
 * phone at the back of the room cannot scan.
 */
import { describe, expect, it } from 'vitest'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { goToStage, setShowJoinPanel, startTimer } from '../../shared/doc/index.ts'
import type { StageKind } from '../../shared/schema/stage.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot, VIEWPORTS } from './support/browser.ts'
import { shownTexts } from './support/legible.ts'
import { facilitatedWorkshop, seedSignals } from './support/seed.ts'
import { ALL_STAGE_KINDS, stageName } from './support/stages.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

/** At 1280×720: about a sixth of the height, the rest for the stage. */
const MAX_HEADER = 130
const MAX_INSTRUCTION_LINES = 3

interface HeaderReading {
  header: number
  instructionLines: number
  instructionWidth: number
}

function readHeader(page: Page): Promise<HeaderReading> {
  return page.evaluate(() => {
    const header = document.querySelector('.screen-bar')!.getBoundingClientRect()
    const instruction = document.querySelector<HTMLElement>('.screen-bar__instruction')!
    const range = document.createRange()
    range.selectNodeContents(instruction)
    // One rect per line box of text (and per inline fragment on a line: grouped by their top).
    const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
    return { header: Math.round(header.height), instructionLines: tops.size, instructionWidth: Math.round(instruction.getBoundingClientRect().width) }
  })
}

/**
 * Text that ends below the window: nobody scrolls a projector. The board is empty here, so this is
 * each stage's empty state (its words and its example), which once put the Assess grid's foot,
 * the example takeaway and the third story step out of sight at 1280×720.
 */
function belowTheEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      if (!text || !node.parentElement?.checkVisibility()) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.height > 0 && box.bottom > window.innerHeight + 1) cut.push(text.slice(0, 40))
    }
    return cut
  })
}

const WORKSHOPS = {
  fi: { title: 'Arjen hyvinvointi 2040 -työpaja', focalQuestion: 'Miltä arjen hyvinvointi näyttää kunnassamme vuonna 2040?', language: 'fi' },
  en: { title: 'Everyday welfare 2040 workshop', focalQuestion: 'What will everyday welfare look like in our town in 2040?' },
} as const

describe.skipIf(browserTestsSkipped)('the projector header', () => {
  for (const language of ['fi', 'en'] as const) {
    it(`${language}: at 1280×720 stays compact on every stage, in three lines at most, the stage whole below`, { timeout: 180_000 }, async () => {
      const workshop = await facilitatedWorkshop(app.server, WORKSHOPS[language])
      setShowJoinPanel(workshop.control.doc, true)
      const screen = await openAs(app.browser, app.server, workshop.links.links.screen, { viewport: 'smallProjector' })
      const page = screen.page
      const readings: Record<string, HeaderReading> = {}
      const problems: string[] = []
      try {
        for (const kind of ALL_STAGE_KINDS) {
          goToStage(workshop.control.doc, workshop.stageId(kind as StageKind))
          startTimer(workshop.control.doc, Date.now())
          await page.setViewportSize(VIEWPORTS.smallProjector)
          await expectStage(page, stageName(kind, language), 'screen')
          await page.locator('.screen-clock.stage-clock--running').waitFor(SLOW)
          // Past the opening the join panel is the corner in the header.
          if (kind !== 'frame') await page.locator('.screen-bar .join-corner').waitFor(SLOW)
          const reading = await readHeader(page)
          readings[kind] = reading
          if (reading.header > MAX_HEADER) problems.push(`${kind}: header ${reading.header} px`)
          if (reading.instructionLines > MAX_INSTRUCTION_LINES) problems.push(`${kind}: instruction in ${reading.instructionLines} lines`)
          await screenshot(page, `projector-header/${language}-${kind}-1280`)
          for (const cut of await belowTheEdge(page)) problems.push(`${kind} at 1280: “${cut}” below the screen's edge`)
          await page.setViewportSize(VIEWPORTS.projector)
          await screenshot(page, `projector-header/${language}-${kind}-1920`)
          for (const cut of await belowTheEdge(page)) problems.push(`${kind} at 1920: “${cut}” below the screen's edge`)
        }
        expect(problems, JSON.stringify(readings)).toEqual([])
        expect(screen.errors).toEqual([])
      } finally {
        workshop.close()
        await screen.close()
      }
    })
  }

  it('fi: turned on during a later stage, the join code is scannable from the back of the room and covers none of the work', { timeout: 180_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server, WORKSHOPS.fi)
    const titles = Array.from(
      { length: 24 },
      (_, i) =>
        `${['Kunnat kokeilevat etäkotihoitoa videoyhteydellä', 'Korttelien viestiketjut korvaavat ilmoitustaulut', 'Kirjastot lainaavat hoivarobotteja'][i % 3]} ${i + 1}`,
    )
    await seedSignals(
      app.server.wsUrl,
      workshop.links,
      titles.map((title) => ({ title })),
    )
    goToStage(workshop.control.doc, workshop.stageId('signals'))
    setShowJoinPanel(workshop.control.doc, false)
    const screen = await openAs(app.browser, app.server, workshop.links.links.screen, { viewport: 'projector' })
    const page = screen.page
    const problems: string[] = []
    try {
      await expectStage(page, stageName('signals', 'fi'), 'screen')
      for (const size of [VIEWPORTS.projector, { width: 3840, height: 2160 }, VIEWPORTS.smallProjector]) {
        const at = `${size.width}×${size.height}`
        await page.setViewportSize(size)
        // As the facilitator's J does: off, then on.
        setShowJoinPanel(workshop.control.doc, false)
        await expect.poll(() => page.locator('.screen .qr').count(), SLOW).toBe(0)
        setShowJoinPanel(workshop.control.doc, true)
        const qr = page.locator('.screen img.qr')
        await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0).catch(() => false), SLOW).toBe(true)
        await page.locator('.screen-signal__title').first().waitFor(SLOW)
        await screenshot(page, `projector-header/fi-join-turned-on-${size.width}`)
        const box = (await qr.boundingBox())!
        const least = (250 * size.height) / 1080
        if (Math.min(box.width, box.height) < least) problems.push(`${at}: the QR code is ${Math.round(box.width)} px, under ${Math.round(least)}`)
        if (box.x < 0 || box.y < 0 || box.x + box.width > size.width || box.y + box.height > size.height)
          problems.push(`${at}: the QR code runs off the screen`)
        const stage = (await page.locator('.screen-stage').boundingBox())!
        const apart = box.x + box.width <= stage.x || stage.x + stage.width <= box.x || box.y + box.height <= stage.y || stage.y + stage.height <= box.y
        if (!apart) problems.push(`${at}: the QR code lies over the stage area`)
        const code = (await page.locator('.screen [data-join-code]').textContent())!.trim()
        const png = PNG.sync.read(await qr.screenshot())
        const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
        if (decoded?.data !== `${app.server.url}/join#${code}`) problems.push(`${at}: the QR code reads ${JSON.stringify(decoded?.data)}`)
        // The wall beside it: every card whole here or on another page, none under the code.
        for (const card of await shownTexts(page, '.screen-signal__title'))
          if (!card.legible && !card.elsewhere) problems.push(`${at}: “${card.text}” ${card.why}`)
      }
      expect(problems).toEqual([])
      expect(screen.errors).toEqual([])
    } finally {
      workshop.close()
      await screen.close()
    }
  })
})
