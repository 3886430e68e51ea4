/**
 * The console in Finnish on a laptop, where its labels run longest: while a private round runs,
 * "Paljasta 6 korttia" shows its words (its eye icon alone read as the opposite of the eye-slash
 * that starts a round), and every entry of "Lisää…" shows its icon whole beside its words, inside
 * the menu (the join code's QR icon shrank to a dot beside "Liittymiskoodi valkokankaalla").
 * Screenshots: tests/screenshots/console/*.png.
 */
import { describe, expect, it } from 'vitest'
import { goToStage, setPrivateCounts, setPrivateMode, setShowJoinPanel, startTimer } from '../../shared/doc/index.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { facilitatedWorkshop } from './support/seed.ts'
import { openAs, SLOW } from './support/workshop.ts'

describe.skipIf(browserTestsSkipped)('the console’s words in Finnish on a laptop', () => {
  const app = useBrowserAndServer()

  it(
    'says "Reveal 6 cards" in words while a round runs, shows every menu entry’s icon whole, and breaks a stage’s name only at a syllable',
    { timeout: 120_000 },
    async () => {
      const workshop = await facilitatedWorkshop(app.server, { title: 'Arki 2040 – hyvinvointi Turussa', language: 'fi' })
      const { links, control } = workshop
      goToStage(control.doc, workshop.stageId('signals'))
      setPrivateMode(control.doc, { on: true })
      setPrivateCounts(control.doc, { AnnaAnnaAnnaAnnaAnna01: { name: 'Anna', count: 6 } })
      setShowJoinPanel(control.doc, true)
      startTimer(control.doc, Date.now())
      const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { viewport: 'laptop', name: 'Fasi' })
      const page = facilitator.page
      try {
        const reveal = page.getByRole('button', { name: 'Paljasta 6 korttia' })
        await reveal.waitFor(SLOW)
        await expect.poll(() => reveal.locator('.console-button__label').isVisible(), SLOW).toBe(true)
        await screenshot(page, 'console/private-round-fi-laptop')

        await page.getByRole('button', { name: 'Lisää…' }).click()
        const menu = page.locator('.console-menu')
        await menu.waitFor(SLOW)
        await screenshot(page, 'console/more-menu-fi-laptop')
        const entries = await menu.evaluate((list) => {
          const panel = list.closest('.console-panel')!.getBoundingClientRect()
          return [...list.querySelectorAll<HTMLElement>('button')]
            .filter((button) => button.offsetParent !== null)
            .map((button) => {
              const icon = button.querySelector('svg')?.getBoundingClientRect()
              const box = button.getBoundingClientRect()
              const tick = getComputedStyle(button, '::after').content !== 'none'
              return {
                name: button.textContent,
                icon: icon?.width ?? 0,
                inside: box.right <= panel.right && button.scrollWidth <= button.clientWidth + 1,
                tick,
              }
            })
        })
        expect(entries.length).toBeGreaterThan(3)
        expect(entries.filter((entry) => entry.icon < 16 || !entry.inside)).toEqual([])
        // The join code is on the projector: its entry says so with a tick, inside the menu too.
        expect(entries.find((entry) => entry.name === 'Liittymiskoodi valkokankaalla')?.tick).toBe(true)
        await page.keyboard.press('Escape')

        // Every stage's name in the stage panel, its buttons beside it: broken only at a syllable,
        // with a hyphen ("Tulevaisuustar|inat" broke anywhere).
        await page.locator('.console-stage__button').click()
        await page.locator('.stage-manager').waitFor(SLOW)
        await screenshot(page, 'console/stage-panel-fi-laptop')
        const broken = await page.locator('.stage-manager').evaluate((list) => {
          const found: string[] = []
          for (const name of list.querySelectorAll('.stage-manager__name')) {
            const text = name.firstChild
            if (!(text instanceof Text)) continue
            // A word on two lines with no soft hyphen in it was broken anywhere (one with them breaks at one).
            let start = 0
            for (const word of text.data.split(' ')) {
              const range = document.createRange()
              range.setStart(text, start)
              range.setEnd(text, start + word.length)
              const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
              if (tops.size > 1 && !word.includes('\u00AD')) found.push(word)
              start += word.length + 1
            }
          }
          return found
        })
        expect(broken).toEqual([])
        expect(facilitator.errors).toEqual([])
      } finally {
        await facilitator.close()
        workshop.close()
      }
    },
  )
})
