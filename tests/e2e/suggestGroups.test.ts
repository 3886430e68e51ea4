import { describe, expect, it } from 'vitest'
import { createWorkshop } from '../support/server.ts'
import { loadLabelled } from '../support/clusterQuality.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { goToStageKind, seedSignals } from './support/seed.ts'
import { expectStage, openAs, readClusters, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

/** 40 realistic unsorted signals from the labelled set (a mix of Finnish, English and both). */
const SIGNALS = loadLabelled()
  .filter((s) => ['care-tech', 'care-staff', 'remote-work', 'food', 'active-mobility'].includes(s.group))
  .slice(0, 40)
  .map(({ title, description }) => ({ title, description }))

describe.skipIf(browserTestsSkipped)('"Suggest groups" in the Trends stage', () => {
  const app = useBrowserAndServer()

  it('proposes explained groups; accepting one creates the trend (undoable), and the projector can show them', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await seedSignals(app.server.wsUrl, links, SIGNALS)
    await goToStageKind(app.server.wsUrl, links, 'trends')
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'projector' })
    const participant = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      const f = facilitator.page
      await expectStage(f, 'Trends')
      // Only the facilitator is offered suggestions.
      await expectStage(participant.page, 'Trends')
      expect(await participant.page.getByRole('button', { name: 'Suggest groups' }).count()).toBe(0)

      await f.getByRole('button', { name: 'Suggest groups' }).click()
      const panel = f.getByRole('region', { name: 'Suggested groups' })
      const first = panel.locator('.suggest__list > li').first()
      await first.waitFor(SLOW)
      // Nothing is applied by itself: no trend exists yet.
      expect(await readClusters(f)).toEqual([])
      expect(await panel.locator('.suggest__list > li').count()).toBeGreaterThanOrEqual(3)
      await expect.poll(() => first.getByText(/^Shared:/).count()).toBe(1)

      // Edit: rename it and leave one signal out.
      const name = first.getByRole('textbox', { name: 'Trend name' })
      await name.fill('Care at home, with help')
      const titles = await first.locator('.suggestion__signal-title').allTextContents()
      expect(titles.length).toBeGreaterThanOrEqual(3)
      await first.getByRole('button', { name: `Leave out “${titles.at(-1)}”` }).click()
      const kept = titles.slice(0, -1)

      await f.getByRole('button', { name: 'Show suggestions on screen' }).click()
      await expect.poll(() => screen.page.getByRole('heading', { name: 'Suggested groups for discussion' }).count(), SLOW).toBe(1)
      await expect.poll(() => screen.page.getByRole('heading', { name: 'Care at home, with help' }).count(), SLOW).toBe(1)
      await screenshot(f, 'suggest-groups-laptop')
      await screen.page.waitForTimeout(300)
      await screenshot(screen.page, 'suggest-groups-projector')
      // Every group is wholly on the screen shown or wholly on a later page: none is cut off.
      const boxes = await screen.page.locator('.projector-suggest__group').evaluateAll((groups) =>
        groups.map((group) => {
          const box = group.getBoundingClientRect()
          return { left: box.left, right: box.right, bottom: box.bottom, width: innerWidth, height: innerHeight }
        }),
      )
      expect(boxes.length).toBeGreaterThanOrEqual(3)
      for (const box of boxes)
        expect(box.left >= box.width || (box.left >= 0 && box.right <= box.width && box.bottom <= box.height), JSON.stringify(box)).toBe(true)
      expect(await seriousViolations(f)).toEqual([])
      expect(await seriousViolations(screen.page)).toEqual([])

      const before = await panel.locator('.suggest__list > li').count()
      await f.getByRole('button', { name: 'Accept as trend: Care at home, with help' }).click()
      await expect.poll(() => readClusters(f), SLOW).toEqual([`Care at home, with help: ${kept.join(' | ')}`])
      await expect.poll(() => readClusters(participant.page), SLOW).toEqual([`Care at home, with help: ${kept.join(' | ')}`])
      expect(await panel.locator('.suggest__list > li').count()).toBe(before - 1)
      // The count says what is still unsorted, not what was when the groups were suggested.
      await expect
        .poll(() => panel.locator('.suggest__count').textContent())
        .toMatch(new RegExp(`^${before - 1} suggestions? from ${40 - kept.length} unsorted signals`))
      // The projector follows: the accepted group is no longer a suggestion there.
      await expect.poll(() => screen.page.getByRole('heading', { name: 'Care at home, with help' }).count(), SLOW).toBe(0)
      await screenshot(f, 'suggest-groups-accepted-laptop')

      await f.getByRole('button', { name: 'Undo trend “Care at home, with help”' }).click()
      await expect.poll(() => readClusters(f), SLOW).toEqual([])
      expect(await panel.locator('.suggest__list > li').count()).toBe(before)

      // Dismiss takes a suggestion away and changes nothing else.
      const second = panel.locator('.suggest__list > li').nth(1)
      const secondName = await second.getByRole('textbox', { name: 'Trend name' }).inputValue()
      await second.getByRole('button', { name: `Dismiss: ${secondName}` }).click()
      expect(await panel.locator('.suggest__list > li').count()).toBe(before - 1)
      expect(await readClusters(f)).toEqual([])

      // The workshop's own words are kept for everyone (control), offered again after a reload.
      await panel.locator('summary', { hasText: 'Our own words' }).click()
      await panel.getByRole('textbox', { name: 'Our own words' }).fill('hyte, health promotion')
      await panel.getByRole('button', { name: 'Use these words' }).click()
      await expect.poll(() => panel.getByRole('button', { name: 'Use these words' }).isDisabled(), SLOW).toBe(true)

      await f.getByRole('button', { name: 'Take them off the screen' }).click()
      await expect.poll(() => screen.page.getByRole('heading', { name: 'Suggested groups for discussion' }).count(), SLOW).toBe(0)
      expect([...facilitator.errors, ...screen.errors, ...participant.errors]).toEqual([])
    } finally {
      await Promise.all([facilitator.close(), screen.close(), participant.close()])
    }
  }, 180_000)

  it('groups 80 unsorted signals into a panel that fits a phone, a laptop and a projector', async () => {
    const eighty = loadLabelled()
      .filter((_, i) => i % 2 === 0)
      .slice(0, 80)
      .map(({ title, description }) => ({ title, description }))
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await seedSignals(app.server.wsUrl, links, eighty)
    await goToStageKind(app.server.wsUrl, links, 'trends')
    for (const viewport of ['laptop', 'phone', 'projector'] as const) {
      const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona', viewport })
      try {
        const f = facilitator.page
        await expectStage(f, 'Trends')
        await f.getByRole('button', { name: 'Suggest groups' }).click()
        const panel = f.getByRole('region', { name: 'Suggested groups' })
        await panel.getByText(/^\d+ suggestions? from 80 unsorted signals/).waitFor(SLOW)
        const cards = panel.locator('.suggest__list > li')
        expect(await cards.count()).toBeGreaterThanOrEqual(6)
        // Nothing sticks out sideways: not the page, not a card (long names and words wrap).
        const overflow = await f.evaluate(() => {
          const wide = [...document.querySelectorAll('.suggest__panel, .suggestion')].filter((el) => el.scrollWidth > el.clientWidth + 1)
          return { page: document.documentElement.scrollWidth > window.innerWidth, elements: wide.length }
        })
        expect(overflow).toEqual({ page: false, elements: 0 })
        // Every group can be accepted where it stands, by a button of its own name.
        const firstName = await cards.first().getByRole('textbox', { name: 'Trend name' }).inputValue()
        await cards
          .first()
          .getByRole('button', { name: `Accept as trend: ${firstName}` })
          .scrollIntoViewIfNeeded()
        await panel.getByRole('heading', { name: 'Suggested groups' }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }))
        await screenshot(f, `suggest-groups-80-${viewport}`)
        await cards
          .nth(3)
          .getByRole('button', { name: /^Accept as trend/ })
          .evaluate((button) => button.scrollIntoView({ block: 'end' }))
        await screenshot(f, `suggest-groups-80-${viewport}-cards`)
        expect(facilitator.errors).toEqual([])
      } finally {
        await facilitator.close()
      }
    }
  }, 180_000)
})
