/**
 * Where the keyboard goes when the control it was on is replaced, in real Chromium (which, unlike
 * the unit tests' DOM, sends `focusout` for an element being removed): saving a wheel
 * consequence's edit, "Done" on its add form, closing its details, the first takeaway replacing
 * the empty page, "Start a story", and "Next" becoming "Finish the workshop". In each, focus
 * fell to the page before, and a keyboard user started again from the top.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { seedRoom } from './support/room.ts'
import { facilitatedWorkshop, goToStageKind } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

/** The focused element's accessible name as a screen reader would start it: its label, else its text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return 'the page'
    const labelledBy = element.getAttribute('aria-labelledby')
    const label = element.getAttribute('aria-label') ?? (labelledBy ? document.getElementById(labelledBy)?.textContent : null)
    const field = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.labels?.[0]?.textContent : null
    return (label ?? field ?? element.textContent ?? '').replace(/\s+/g, ' ').trim()
  })

describe.skipIf(browserTestsSkipped)('the keyboard keeps its place when its control is replaced', () => {
  const app = useBrowserAndServer()

  /** Kai, a participant on a laptop, on the seeded room's futures wheel. */
  async function kaiOnTheWheel() {
    const room = await seedRoom(app.server)
    room.go('wheel')
    const person = await openAs(app.browser, app.server, room.links.links.participant, { name: 'Kai' })
    await expectStage(person.page, 'Futures wheel')
    return { room, person, page: person.page }
  }

  it('the wheel diagram: saving an edit, "Done" and closing the details each leave the keyboard where the person was', { timeout: 120_000 }, async () => {
    const { room, person, page } = await kaiOnTheWheel()
    try {
      await page.getByRole('button', { name: /^1st-order consequence, .*: Loneliness drops/ }).focus()
      await page.keyboard.press('Enter')
      const panel = page.locator('.wheel-details')
      await panel.waitFor(SLOW)
      expect(await focused(page)).toMatch(/^Loneliness drops/)
      // Sam wrote it: Kai may add to it, not change it (the server would refuse his edit).
      expect(await panel.getByRole('button', { name: 'Edit' }).count()).toBe(0)

      await panel.getByRole('button', { name: 'Add what follows' }).focus()
      await page.keyboard.press('Enter')
      await page.keyboard.type('Fewer lonely winters')
      await page.keyboard.press('Enter')
      const own = page.getByRole('button', { name: /consequence, .*: Fewer lonely winters$/ })
      await own.waitFor(SLOW)
      expect(await focused(page), 'the add form stays for the next one').toBe('What happens because of this?')
      await page.keyboard.press('Escape')
      expect(await focused(page)).toBe('+ Add what follows')

      // His own consequence is his to edit: saving leaves the keyboard on "Edit".
      await own.focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => focused(page), SLOW).toMatch(/^Fewer lonely winters/)
      await panel.getByRole('button', { name: 'Edit' }).focus()
      await page.keyboard.press('Enter')
      expect(await focused(page)).toBe('Edit the consequence')
      await page.keyboard.press('Control+End')
      await page.keyboard.type(' soon')
      await page.keyboard.press('Enter')
      await expect.poll(() => panel.getByRole('heading', { name: /soon$/ }).count(), SLOW).toBe(1)
      expect(await focused(page)).toBe('Edit')

      await page.keyboard.press('Escape')
      await expect.poll(() => panel.count(), SLOW).toBe(0)
      expect(await focused(page)).toMatch(/^2nd-order consequence, .*: Fewer lonely winters soon$/)
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })

  it('the wheel diagram: "+" on a box adds what follows (its + button is not a Tab stop), the keys said under it', { timeout: 120_000 }, async () => {
    const { room, person, page } = await kaiOnTheWheel()
    try {
      await page.getByRole('button', { name: /^1st-order consequence, .*: Loneliness drops/ }).focus()
      // From the box, Tab goes on to another box, never to a "+".
      await page.keyboard.press('Tab')
      expect(await focused(page)).toMatch(/consequence, /)
      await page.keyboard.press('Shift+Tab')
      expect(await focused(page)).toMatch(/^1st-order consequence, .*: Loneliness drops/)
      await expect.poll(() => page.locator('.wheel-diagram__keys').first().isVisible(), SLOW).toBe(true)
      await screenshot(page, 'wheel-keyboard-hint-laptop')
      await page.keyboard.press('+')
      await expect.poll(() => focused(page), SLOW).toBe('What happens because of this?')
      expect(await page.locator('.wheel-details h4').textContent()).toMatch(/^Loneliness drops/)
      await page.keyboard.type('Neighbours eat together')
      await page.keyboard.press('Enter')
      await page.getByRole('button', { name: /^2nd-order consequence, .*: Neighbours eat together$/ }).waitFor(SLOW)
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      room.done()
    }
  })

  it('the first takeaway: the keyboard goes to "Add a takeaway"; a story just started: to its title', { timeout: 120_000 }, async () => {
    const workshop = await facilitatedWorkshop(app.server)
    await goToStageKind(app.server.wsUrl, workshop.links, 'takeaways')
    const person = await openAs(app.browser, app.server, workshop.links.links.participant, { name: 'Kai' })
    const page = person.page
    try {
      await expectStage(page, 'Takeaways')
      await page.getByRole('button', { name: 'Add the first takeaway' }).focus()
      await page.keyboard.press('Enter')
      await page.keyboard.type('Map the home-care routes')
      await page.getByRole('dialog').getByRole('button', { name: 'Add the takeaway' }).focus()
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'Map the home-care routes' }).waitFor(SLOW)
      expect(await focused(page)).toBe('+ Add a takeaway')

      await goToStageKind(app.server.wsUrl, workshop.links, 'stories')
      await expectStage(page, 'Future stories')
      await page.getByRole('button', { name: 'Start a story' }).focus()
      await page.keyboard.press('Enter')
      const title = page.getByRole('textbox', { name: 'Story title' })
      await title.waitFor(SLOW)
      expect(await focused(page)).toBe('Story title')
      // Typed at once, every letter lands (a render during the first key's input event lost it).
      await page.keyboard.type('Saturday')
      expect(await title.inputValue()).toBe('Saturday')
      expect(person.errors).toEqual([])
    } finally {
      await person.close()
      workshop.close()
    }
  })

  it('the facilitator: closing the vote stays on "Reopen voting", moving onto the last stage on "Finish the workshop"', { timeout: 120_000 }, async () => {
    const room = await seedRoom(app.server)
    room.go('assess')
    const facilitator = await openAs(app.browser, app.server, room.links.links.facilitator, { name: 'Fia' })
    const page = facilitator.page
    try {
      await expectStage(page, 'Assess')
      await page.getByRole('button', { name: 'Close voting and show results' }).focus()
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { name: 'Voting is closed' }).waitFor(SLOW)
      expect(await focused(page)).toBe('Reopen voting')

      room.go('stories')
      await expectStage(page, 'Future stories')
      await expectStage(page, 'Future stories')
      await page.getByRole('button', { name: 'Next: Takeaways' }).focus()
      await page.keyboard.press('Enter')
      await expectStage(page, 'Takeaways')
      expect(await focused(page)).toMatch(/^Finish the workshop/)
      expect(facilitator.errors).toEqual([])
    } finally {
      await facilitator.close()
      room.done()
    }
  })
})
