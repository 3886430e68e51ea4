/**
 * A person's own Assess grid with trends placed close together, two of them at the same values
 * (as seen in a room): every dot shows, and no label covers another trend's dot, on a laptop and
 * on a phone.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createTrend, goToStage } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

const app = useBrowserAndServer()
/** Names and impacts (of 10) from the room; all at uncertainty 5. */
const TRENDS: [string, string][] = [
  ['Hoiva siirtyy kotiin', '7'],
  ['Naapurit jakavat sen mitä heillä on', '6,5'],
  ['Digitaaliset palvelut kaikenikäisille', '7,5'],
  ['Työ joustaa perheen arjen mukaan', '3'],
  ['Yksinäisyydestä kansanterveyden painopiste', '6,5'],
  ['Monikulttuurinen hoiva- ja palvelutyö', '8,5'],
]

/** What covers what on the grid: dots over dots, and labels over other trends' dots. */
async function coverings(page: Page): Promise<string[]> {
  return page.locator('.grid-marker--own').evaluateAll((markers) => {
    const rects = markers.map((marker) => ({
      name: marker.getAttribute('title') ?? '',
      dot: marker.querySelector('.grid-marker__dot')!.getBoundingClientRect(),
      label: marker.querySelector('.grid-marker__label')!.getBoundingClientRect(),
    }))
    // Dots are drawn round inside their boxes; labels' rounded ends leave their corners free.
    const overlaps = (a: DOMRect, b: DOMRect, slack: number) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack
    const found: string[] = []
    for (const [i, a] of rects.entries())
      for (const [j, b] of rects.entries()) {
        if (i === j) continue
        if (i < j && overlaps(a.dot, b.dot, 2)) found.push(`dot of ${a.name} on dot of ${b.name}`)
        if (overlaps(a.label, b.dot, 4)) found.push(`label of ${a.name} on dot of ${b.name}`)
      }
    return found
  })
}

describe('a crowded Assess grid of ones own', () => {
  for (const viewport of ['laptop', 'phone'] as const) {
    it(`${viewport}: two trends at the same values both show, and no label covers a dot`, { timeout: 120_000 }, async () => {
      const workshop = await facilitatedWorkshop(app.server, { language: 'fi' })
      for (const [name] of TRENDS) createTrend(workshop.board.doc, { name }, { participantId: 'Fionaxxxxxxxxxxxxxxx0' })
      goToStage(workshop.control.doc, workshop.stageId('assess'))
      const juha = await openAs(app.browser, app.server, workshop.links.links.participant, { name: 'Juha', viewport })
      try {
        for (const [name, impact] of TRENDS) {
          const row = juha.page.getByRole('group', { name: new RegExp(name) })
          await row.getByLabel('Vaikutus').fill(impact)
          await row.getByLabel('Epävarmuus').fill('5')
        }
        await expect.poll(() => juha.page.locator('.grid-marker--own').count(), SLOW).toBe(TRENDS.length)
        // Nothing hovered or focused (either shows a whole name, over whatever is near).
        await juha.page.locator('body').focus()
        await juha.page.mouse.move(1, 1)
        await juha.page.locator('.assess-grid').first().scrollIntoViewIfNeeded()
        await expect.poll(() => coverings(juha.page), SLOW).toEqual([])
        await screenshot(juha.page, `assess-crowded-${viewport}`)
        expect(juha.errors).toEqual([])
      } finally {
        await juha.close()
        workshop.close()
      }
    })
  }
})
