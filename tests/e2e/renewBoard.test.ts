import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addSignal, goToStage, readBoard, readControl } from '../../shared/doc/index.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { useBrowserAndServer } from './support/app.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { addCard, expectConnected, openAs, readWall, SLOW } from './support/workshop.ts'

/**
 * "Start the board afresh" from the facilitator's "Link and data": the room's 60 cards stay, every
 * app loads the fresh board by itself, and a card a participant wrote with no network while it
 * happened reaches the room once she is back, once.
 */
describe.skipIf(browserTestsSkipped)('starting the board afresh in Chromium', () => {
  const app = useBrowserAndServer()

  const indicator = (page: Page) => page.locator('.connection .connection__text').textContent()

  it('keeps the cards, moves everyone over, and carries over a card written offline', { timeout: 180_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const clients: TestClient[] = []
    try {
      const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
      const ben = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
      clients.push(control, ben)
      await synced(control, ben)
      expect(goToStage(control.doc, readControl(control.doc).stages.find((stage) => stage.kind === 'signals')!.id)).toBe(true)
      const benActor = { participantId: 'BenBenBenBenBenBenBen1' }
      const roomTitles = Array.from({ length: 60 }, (_, i) => `Signal ${i + 1} from the morning walk`)
      for (const title of roomTitles) addSignal(ben.doc, { title }, benActor)
      const onServer = () => [...readBoard(ben.doc).signals.values()].map((signal) => signal.title).sort()

      const fiona = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
      const anna = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
      await addCard(anna.page, 'Care robots keep older people company')
      await expect.poll(() => onServer().length, SLOW).toBe(61)

      // Anna's network drops; she writes a card anyway.
      await anna.context.setOffline(true)
      await expect.poll(() => indicator(anna.page), SLOW).toMatch(/^Offline/)
      await addCard(anna.page, 'Libraries lend tools')

      // Fiona starts the board afresh. Her wall never goes empty meanwhile (the last board stays
      // shown until the new one has loaded): watched in the page, from before the click.
      const f = fiona.page
      await expect.poll(async () => (await readWall(f)).length, SLOW).toBe(61)
      await f.evaluate(() => {
        const win = window as unknown as { fewestCards: number }
        win.fewestCards = Number.POSITIVE_INFINITY
        const count = () => document.querySelectorAll('[aria-label="Signal wall"] h3').length
        new MutationObserver(() => (win.fewestCards = Math.min(win.fewestCards, count()))).observe(document.body, { childList: true, subtree: true })
      })
      await f.getByRole('button', { name: 'More…' }).click()
      await f.getByRole('button', { name: 'Link and data' }).click()
      await f.getByRole('button', { name: 'Start the board afresh' }).click()
      await screenshot(f, 'admin-renew-question')
      await f.getByRole('button', { name: 'Start afresh' }).click()
      await expect
        .poll(() => f.locator('.admin__done').textContent(), SLOW)
        .toMatch(
          /^The board started afresh, every card and story kept\. (It dropped the traces of what was deleted: \d+ kB before, \d+ kB now|It had few traces to drop: it takes \d+ kB)\.$/,
        )
      expect(await seriousViolations(f)).toEqual([])
      await screenshot(f, 'admin-renew-done')
      // Her own app loaded the fresh board by itself: connected, all 61 cards, never fewer.
      await expectConnected(f)
      await expect.poll(async () => (await readWall(f)).length, SLOW).toBe(61)
      expect(await f.evaluate(() => (window as unknown as { fewestCards: number }).fewestCards)).toBe(61)

      // Ben's old copy was closed; a fresh one sees the same 61 cards.
      await expect.poll(() => ben.closes.some((close) => close.code === 4410), SLOW).toBe(true)
      const after = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
      clients.push(after)
      await synced(after)
      const titlesAfter = () => [...readBoard(after.doc).signals.values()].map((signal) => signal.title).sort()
      expect(titlesAfter()).toHaveLength(61)

      // Anna is back: her offline card reaches the room, once, and she goes on writing.
      await anna.context.setOffline(false)
      const everyone = [...roomTitles, 'Care robots keep older people company', 'Libraries lend tools'].sort()
      await expect.poll(titlesAfter, SLOW).toEqual(everyone)
      await expect.poll(async () => (await readWall(anna.page)).sort(), SLOW).toEqual(everyone)
      await expect.poll(() => indicator(anna.page), SLOW).toBe('Connected')
      await addCard(anna.page, 'Town buys electric minibuses')
      await expect.poll(() => titlesAfter().length, SLOW).toBe(63)
      await screenshot(anna.page, 'renewed-board-phone')
      // Her device now keeps the new generation: reloaded, it connects as it is, nothing twice.
      const noted = () => anna.page.evaluate((name) => localStorage.getItem(name), `s2s:${links.id}:board:generation`)
      await expect.poll(noted, SLOW).toBe('1')
      await anna.page.reload()
      await expectConnected(anna.page)
      await expect.poll(async () => (await readWall(anna.page)).length, SLOW).toBe(63)
      await addCard(anna.page, 'Neighbourhood kitchens replace canteens')
      await expect.poll(() => titlesAfter().length, SLOW).toBe(64)
      expect(await noted()).toBe('1')
      expect([...anna.errors, ...fiona.errors]).toEqual([])
      // The same panel in Finnish (the workshop's language, for everyone: so last).
      await f.getByRole('button', { name: /Suomi/ }).click()
      await expect.poll(() => f.getByRole('button', { name: 'Lisää…' }).count(), SLOW).toBe(1)
      if ((await f.getByRole('button', { name: 'Linkki ja tiedot' }).count()) === 0) await f.getByRole('button', { name: 'Lisää…' }).click()
      await f.getByRole('button', { name: 'Linkki ja tiedot' }).click()
      await expect.poll(() => f.getByRole('button', { name: 'Aloita taulu puhtaalta pöydältä' }).count(), SLOW).toBe(1)
      await screenshot(f, 'admin-renew-fi')
      // Finnish labels are longer: the console still fits a laptop's width (Next gives way).
      expect(await f.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      await Promise.all([anna.close(), fiona.close()])
    } finally {
      for (const client of clients) client.destroy()
    }
  })
})
