/**
 * Issue 15, the version handshake in Chromium: a page opened before the server was updated is
 * told "A new version is available — reload" (phone, laptop, projector), writes nothing to the
 * new server, and a card it made while its server was away survives the reload (IndexedDB) and
 * reaches the room.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readBoard } from '../../shared/doc/index.ts'
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/version.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop, tempDataDir } from '../support/server.ts'
import { startAppServer } from './support/app.ts'
import { goToStageKind } from './support/seed.ts'
import { browserTestsSkipped, launchChromium, screenshot } from './support/browser.ts'
import { shownTexts } from './support/legible.ts'
import { addCard, expectConnected, openAs, SLOW, type Person } from './support/workshop.ts'

type AppServer = Awaited<ReturnType<typeof startAppServer>>

const banner = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'A new version is available — reload' }) })

describe.skipIf(browserTestsSkipped)('a page older than its server, in Chromium', () => {
  let browser: Browser
  const data = tempDataDir()
  const people: Person[] = []
  const clients: TestClient[] = []
  let server: AppServer | null = null
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    for (const person of people) await person.close()
    await browser?.close()
    await server?.close()
    data.remove()
  })

  /** The server on the same port and data as before (pages keep their origin and IndexedDB), running `code`. */
  async function restart(code: 'same' | 'newer', port?: number): Promise<AppServer> {
    await server?.close()
    const codeVersion = code === 'newer' ? { protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION + 1 } : undefined
    server = await startAppServer({ dataDir: data.dir, port, codeVersion })
    return server
  }

  /** What the server holds, through a stock client (always served): its sync is the marker. */
  async function titlesOnServer(at: AppServer, workshopId: string, key: string): Promise<string[]> {
    const reader = connectClient(at.wsUrl, workshopId, 'board', { key })
    clients.push(reader)
    await synced(reader)
    return [...readBoard(reader.doc).signals.values()].map((s) => s.title)
  }

  it('shows the reload banner on every device, and the card written before it reaches the room after Reload', { timeout: 180_000 }, async () => {
    const first = await restart('same')
    const port = first.port
    const links = await createWorkshop(first.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(first.wsUrl, links, 'signals')

    const anna = await openAs(browser, first, links.links.participant, { name: 'Anna', viewport: 'phone' })
    people.push(anna)
    await expect.poll(() => anna.page.getByRole('region', { name: 'Add a signal' }).count(), SLOW).toBe(1)

    // The server goes away for its update; Anna writes on, her card waits on her phone.
    await server!.close()
    server = null
    const title = 'Care robots keep older people company'
    await addCard(anna.page, title)

    // The updated server is back. Anna's page is older than it: the server closes her
    // connections with "stale client", and the page says so instead of retrying.
    const updated = await restart('newer', port)
    await anna.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange'))) // no need to wait out the backoff
    await banner(anna.page).waitFor(SLOW)
    await expect.poll(() => banner(anna.page).getByRole('button', { name: 'Reload' }).isVisible()).toBe(true)
    await screenshot(anna.page, 'version/stale-phone')
    expect(await titlesOnServer(updated, links.id, links.keys.facilitator)).toEqual([])

    // The same banner for the facilitator's laptop and the projector (1920 and 1280 wide); in Finnish too.
    const facilitator = await openAs(browser, updated, links.links.facilitator, { name: 'Fran', waitConnected: false })
    people.push(facilitator)
    await banner(facilitator.page).waitFor(SLOW)
    await screenshot(facilitator.page, 'version/stale-laptop')
    for (const viewport of ['projector', 'smallProjector'] as const) {
      const screen = await openAs(browser, updated, links.links.screen, { viewport, waitConnected: false })
      people.push(screen)
      await banner(screen.page).waitFor(SLOW)
      await screenshot(screen.page, `version/stale-${viewport}`)
      // The note is for the facilitator: the room still reads how to join, the code whole.
      const code = await shownTexts(screen.page, '.join-panel__code')
      expect(code.length, viewport).toBeGreaterThan(0)
      expect(
        code.filter((text) => !text.legible),
        viewport,
      ).toEqual([])
      // …and nothing lies over the join panel: the note once covered half the code at 1280 × 720.
      const [note, panel] = await Promise.all([banner(screen.page).boundingBox(), screen.page.locator('.join-panel').boundingBox()])
      const apart =
        note!.x + note!.width <= panel!.x || panel!.x + panel!.width <= note!.x || note!.y + note!.height <= panel!.y || panel!.y + panel!.height <= note!.y
      expect(apart, `${viewport}: the note ${JSON.stringify(note)} over the join panel ${JSON.stringify(panel)}`).toBe(true)
    }
    // Nobody is at the projector's keyboard: it reloads by itself (and finds the banner again,
    // since this server still holds the old app).
    const projector = people.at(-1)!.page
    await projector.waitForEvent('load', { timeout: 30_000 })
    await banner(projector).waitFor(SLOW)
    await facilitator.page
      .getByRole('button', { name: /suomi|Suomeksi|FI/i })
      .first()
      .click()
      .catch(() => {})
    await facilitator.page
      .getByRole('heading', { name: 'Uusi versio on saatavilla — lataa sivu uudelleen' })
      .waitFor({ timeout: 5_000 })
      .then(() => screenshot(facilitator.page, 'version/stale-laptop-fi'))
      .catch(() => {})

    // Reloading loads the new app (here: the server runs this checkout's code again). The card,
    // kept in IndexedDB, syncs; nothing is lost.
    const current = await restart('same', port)
    await banner(anna.page).getByRole('button', { name: 'Reload' }).click()
    await expectConnected(anna.page)
    await expect.poll(() => titlesOnServer(current, links.id, links.keys.facilitator), SLOW).toEqual([title])
    await expect.poll(() => banner(anna.page).count()).toBe(0)
    expect(anna.errors).toEqual([])
  })
})
