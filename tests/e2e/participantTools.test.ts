/**
 * Issue 13, the participants' tools in real Chromium, used the way people use them:
 * - a sighted keyboard user sorts a card into a trend by following the steps the screen shows
 *   (not the screen reader's description), and the carried card never hides the target's name;
 * - the futures wheel's "+" found by its accessible name, and still there for the next one;
 * - twelve people in one room, twelve different presence colours.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/server.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { ROOM_TRENDS, seedRoom } from './support/room.ts'
import { expectStage, openAs, SLOW, type Person } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

describe.skipIf(browserTestsSkipped)('participants’ tools (issue 13)', () => {
  const app = useBrowserAndServer()

  it('a sighted keyboard user sorts a card by the on-screen steps; the carried card leaves the target’s name readable', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('trends')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai' })
    const page = person.page
    try {
      await expectStage(page, 'Trends')
      const hint = page.getByTestId('keyboard-hint')
      expect(await hint.count()).toBe(0)

      // Tab to the first card, as a keyboard user does: the steps appear on screen.
      await tabUntil(page, () => document.activeElement?.classList.contains('tcard__grab') === true)
      await hint.waitFor(SLOW)
      const { title, inTrend } = await page.evaluate(() => {
        const item = document.activeElement!.closest('li')!
        const label = item.querySelector('button[aria-label^="Move or link"]')!.getAttribute('aria-label')!
        return {
          title: label.replace(/^Move or link “/, '').replace(/”$/, ''),
          inTrend: item.closest('article')?.querySelector('h3, h2')?.textContent?.trim() ?? null,
        }
      })
      expect(await hint.innerText()).toMatch(/Space\s+pick up this card, then use the arrow keys/)
      await screenshot(page, 'keyboard-hint-focus')

      // "Space: pick up", then "→: trends" until the hint names the target we want.
      await page.keyboard.press('Space')
      const target = inTrend === ROOM_TRENDS[2] ? ROOM_TRENDS[3] : ROOM_TRENDS[2]
      // Each press moves the card one target on; the hint follows a render later. Waiting for the
      // hint to change before the next press keeps a busy machine from pressing past the target.
      for (let step = 0; !(await hint.innerText()).includes(`Over trend “${target}”`); step++) {
        if (step > 20) throw new Error(`the hint never named “${target}”: ${await hint.innerText()}`)
        const before = await hint.innerText()
        expect(before).toMatch(/→\s+trends and Unsorted/)
        await page.keyboard.press('ArrowRight')
        await expect.poll(() => hint.innerText(), SLOW).not.toBe(before)
      }
      // The carried card is below the target's name, not over it.
      const cluster = page
        .getByRole('region', { name: /^Trends\b/ })
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: target, exact: true }) })
      // The name as people see it: the trend's name field.
      const nameBox = (await cluster.getByRole('textbox', { name: 'Trend name' }).boundingBox())!
      // The carried card glides to its spot: measure it once it has stopped.
      let overlay = (await page.locator('.tcard--overlay').boundingBox())!
      await expect
        .poll(async () => {
          const now = (await page.locator('.tcard--overlay').boundingBox())!
          const still = now.x === overlay.x && now.y === overlay.y
          overlay = now
          return still
        }, SLOW)
        .toBe(true)
      const overlaps =
        overlay.x < nameBox.x + nameBox.width &&
        nameBox.x < overlay.x + overlay.width &&
        overlay.y < nameBox.y + nameBox.height &&
        nameBox.y < overlay.y + overlay.height
      expect(overlaps, `overlay ${JSON.stringify(overlay)} over the name ${JSON.stringify(nameBox)}`).toBe(false)
      await screenshot(page, 'keyboard-hint-carrying')

      await page.keyboard.press('Space')
      await expect
        .poll(
          () =>
            page
              .getByRole('list', { name: `Cards in ${target}` })
              .getByRole('button', { name: `Move or link “${title}”` })
              .count(),
          SLOW,
        )
        .toBe(1)
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })

  it('on a phone, a card dropped by keyboard into the last trend stays in sight above the keyboard steps', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('trends')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai', viewport: 'phone' })
    const page = person.page
    const last = ROOM_TRENDS.at(-1)!
    try {
      await expectStage(page, 'Trends')
      await tabUntil(page, () => document.activeElement?.classList.contains('tcard__grab') === true)
      const label = await page.evaluate(() =>
        document.activeElement!.closest('li')!.querySelector('button[aria-label^="Move or link"]')!.getAttribute('aria-label')!,
      )
      await page.keyboard.press('Space')
      const hint = page.getByTestId('keyboard-hint')
      for (let i = 0; i < 20 && !(await hint.innerText()).includes(last); i++) await page.keyboard.press('ArrowRight')
      expect(await hint.innerText()).toContain(last)
      await page.keyboard.press('Space')
      const dropped = page.getByRole('list', { name: `Cards in ${last}` }).getByRole('button', { name: label })
      await dropped.waitFor(SLOW)
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('tcard__grab')), SLOW).toBe(true)
      // Where the card ended up, after the page has scrolled it into sight.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      const card = (await dropped.evaluate((button) => button.closest('li')!.getBoundingClientRect().toJSON())) as DOMRect
      const steps = (await hint.boundingBox())!
      expect(card.top, 'the card’s top in the window').toBeGreaterThanOrEqual(0)
      expect(card.bottom, 'the card’s bottom above the keyboard steps').toBeLessThanOrEqual(steps.y)
      await screenshot(page, 'keyboard-drop-last-trend-phone')
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })

  it('the wheel’s “+” by accessible name: adds what follows, and the next “+” is there at once', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('wheel')
    const [laptop, phone] = await Promise.all([
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Lea' }),
      openAs(app.browser, app.server, room.links.links.participant, { name: 'Mo', viewport: 'phone' }),
    ])
    try {
      for (const person of [laptop, phone]) {
        await expectStage(person.page, 'Futures wheel')
        // The same picture on both devices: the diagram, with the switch to the list in sight.
        await person.page.getByRole('group', { name: `Futures wheel: ${ROOM_TRENDS[0]}` }).waitFor(SLOW)
        expect(await person.page.getByRole('button', { name: 'Diagram', pressed: true }).isVisible()).toBe(true)
        expect(await person.page.getByRole('button', { name: 'List', pressed: false }).isVisible()).toBe(true)
      }
      const page = laptop.page
      const names = await page.getByRole('button', { name: /^Add what follows “/ }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))
      expect(new Set(names).size, 'every “+” has its own name').toBe(names.length)
      expect(names.length).toBe(1 + 5 + 15)
      // No "+" covers a word: the disc sits on its box's corner, clear of every line of text.
      const covered = await page.evaluate(() => {
        // The words' own extent: each line but the last ends in a space, which may run under the "+".
        const lines = [...document.querySelectorAll('.wheel-node__text tspan, .wheel-centre__text tspan')].map((line) => {
          const words = document.createRange()
          words.setStart(line.firstChild!, 0)
          words.setEnd(line.firstChild!, line.textContent!.trimEnd().length)
          return { text: line.textContent, rect: words.getBoundingClientRect() }
        })
        return [...document.querySelectorAll('.wheel-add__disc')].flatMap((disc) => {
          const d = disc.getBoundingClientRect()
          const [cx, cy, r] = [d.x + d.width / 2, d.y + d.height / 2, d.width / 2]
          return lines
            .filter(({ rect }) => Math.hypot(Math.max(rect.left - cx, 0, cx - rect.right), Math.max(rect.top - cy, 0, cy - rect.bottom)) < r - 1)
            .map(
              ({ text, rect }) =>
                `${text} ${JSON.stringify([Math.round(rect.left), Math.round(rect.top), Math.round(rect.right), Math.round(rect.bottom)])} disc ${Math.round(cx)},${Math.round(cy)} r${r}`,
            )
        })
      })
      expect(covered, 'lines of text under a “+”').toEqual([])

      await page.getByRole('button', { name: 'Add what follows “Loneliness drops among people who live alone”' }).click()
      const field = page.getByRole('textbox', { name: 'What happens because of this?' })
      await field.fill('Neighbours check on each other')
      await field.press('Enter')
      await expect.poll(() => page.getByRole('button', { name: 'Add what follows “Neighbours check on each other”' }).count(), SLOW).toBe(1)
      // After one consequence the form is still there for the next.
      expect(await field.isVisible()).toBe(true)
      await expect.poll(() => phone.page.getByRole('button', { name: 'Add what follows “Neighbours check on each other”' }).count(), SLOW).toBe(1)
      await screenshot(page, 'wheel-plus-laptop')
      await screenshot(phone.page, 'wheel-plus-phone')
      expect([...laptop.errors, ...phone.errors]).toEqual([])
    } finally {
      await Promise.all([laptop.close(), phone.close()])
      room.done()
    }
  })

  it('twelve people in one room have twelve different presence colours', { timeout: 180_000 }, async () => {
    // A fresh room: the first twelve people to join it.
    const links = await createWorkshop(app.server.url, { title: 'Twelve people' })
    const people: Person[] = []
    try {
      // One after another, as people arrive; each on their own device.
      for (let i = 0; i < 12; i++)
        people.push(await openAs(app.browser, app.server, links.links.participant, { name: `Person ${String.fromCharCode(65 + i)}`, viewport: 'phone' }))
      const page = people[0]!.page
      await page.setViewportSize({ width: 1366, height: 768 })
      const colours = async () => {
        const toggle = page.getByRole('button', { name: /\d+ here/ })
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
        return page.locator('.presence__panel .ui-person__dot').evaluateAll((dots) => dots.map((dot) => getComputedStyle(dot).backgroundColor))
      }
      await expect.poll(async () => (await colours()).length, SLOW).toBeGreaterThanOrEqual(12)
      const seen = await colours()
      expect(new Set(seen).size, `colours: ${seen.join(', ')}`).toBe(12)
      await screenshot(page, 'presence-twelve')
      // A room of twelve is seen whole on a laptop: nobody scrolled out of the list.
      const list = await page.locator('.presence__panel').evaluate((panel) => ({ scroll: panel.scrollHeight, visible: panel.clientHeight }))
      expect(list.scroll, 'the presence list scrolls').toBeLessThanOrEqual(list.visible)
    } finally {
      await Promise.all(people.map((p) => p.close()))
    }
  })
})

async function tabUntil(page: Page, reached: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(reached)) return
  }
  throw new Error('Tab never reached the target')
}
