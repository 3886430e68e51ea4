/**
 * The futures wheel on a laptop, as a room meets it: everyone arrives at an empty wheel (which
 * opens the trend's panel, where to start) and the room's fourteen consequences arrive while they
 * look. Someone who never turned to that panel is then left with the whole wheel in sight: no
 * details panel over it, and every "+" in the diagram's window takes a click.
 */
import { describe, expect, it } from 'vitest'
import { addWheelNode, createTrend, goToStage, joinAsParticipant, toggleKeyDriver } from '../../shared/doc/index.ts'
import { onServer, useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { stageName } from './support/stages.ts'
import { expectConnected, giveName, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()

const FIRST = ['Hoivakotipaikkoja tarvitaan vähemmän', 'Omaishoitajien kuormitus kasvaa', 'Hoivarobotit', 'Naapurit katsovat toistensa perään']

describe.skipIf(browserTestsSkipped)('the futures wheel on a laptop', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 800 },
  ]) {
    it(`${viewport.width}×${viewport.height}: when the room's consequences arrive, no details panel stays over the wheel`, { timeout: 120_000 }, async () => {
      const room = await facilitatedWorkshop(app.server, { language: 'fi' })
      const petra = { participantId: 'PetraPetraPetraPetra1' }
      joinAsParticipant(room.board.doc, petra, 'Petra')
      const trendId = createTrend(room.board.doc, { name: 'Hoiva siirtyy koteihin' }, petra)
      toggleKeyDriver(room.control.doc, trendId)
      goToStage(room.control.doc, room.stageId('wheel'))
      const context = await app.browser.newContext({ viewport })
      try {
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        await page.goto(onServer(room.links.links.participant, app.server))
        await giveName(page, 'Pia')
        await expectConnected(page)
        await page.getByRole('heading', { level: 2, name: stageName('wheel', 'fi'), exact: true }).waitFor(SLOW)
        // The empty wheel shows where to start.
        await page.locator('.wheel-details').waitFor(SLOW)

        const firsts = FIRST.map((text) => addWheelNode(room.board.doc, { trendId, parentId: null, text, valence: 'positive' }, petra)!)
        for (let n = 1; n <= 10; n++)
          addWheelNode(
            room.board.doc,
            { trendId, parentId: firsts[n % FIRST.length]!, text: `Hoivakotipaikkoja: toisen asteen seuraus ${n} (Petra)`, valence: 'negative' },
            petra,
          )
        await expect.poll(() => page.locator('.wheel-diagram g.wheel-node[data-node-id]').count(), SLOW).toBe(14)
        await expect.poll(() => page.locator('.wheel-details').count(), SLOW).toBe(0)
        await page.locator('.wheel-diagram').scrollIntoViewIfNeeded()
        // Every "+" whose centre is in the window is what a click there hits.
        const missed = await page.evaluate(() => {
          const viewport = document.querySelector('.wheel-diagram__viewport')!.getBoundingClientRect()
          const bottom = Math.min(viewport.bottom, innerHeight, ...[...document.querySelectorAll('.ready-bar')].map((bar) => bar.getBoundingClientRect().top))
          let tested = 0
          const problems: string[] = []
          for (const add of document.querySelectorAll<SVGGElement>('g.wheel-add')) {
            const disc = add.querySelector('.wheel-add__disc')!.getBoundingClientRect()
            const [x, y] = [disc.left + disc.width / 2, disc.top + disc.height / 2]
            if (x < viewport.left || x > viewport.right || y < viewport.top || y > bottom) continue
            tested++
            if (document.elementFromPoint(x, y)?.closest('g.wheel-add') !== add) problems.push(add.getAttribute('aria-label') ?? '')
          }
          return { tested, problems }
        })
        expect(missed.problems).toEqual([])
        expect(missed.tested).toBeGreaterThan(5)
        await screenshot(page, `wheel-laptop/fi-${viewport.width}x${viewport.height}`)
        expect(errors).toEqual([])
      } finally {
        await context.close()
        room.close()
      }
    })
  }
})
