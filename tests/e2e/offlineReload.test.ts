/**
 * A reload while the server cannot be reached opens the app (the service worker keeps the page
 * and the app's files): it says it cannot reach the server, shows the board as this device has
 * it, and a card added then reaches the room once the server is back. Without the worker, the
 * reload showed the browser's "This site can't be reached".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readBoard } from '../../shared/doc/index.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop, tempDataDir, waitFor } from '../support/server.ts'
import { startAppServer } from './support/app.ts'
import { goToStageKind } from './support/seed.ts'
import { browserTestsSkipped, launchChromium, screenshot } from './support/browser.ts'
import { addCard, expectConnected, openAs, readWall, SLOW, type Person } from './support/workshop.ts'

type AppServer = Awaited<ReturnType<typeof startAppServer>>

const indicator = (page: Page) => page.locator('.connection .connection__text').textContent()

describe.skipIf(browserTestsSkipped)('a reload while the server is down, in Chromium', () => {
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

  it('opens the app from what the service worker kept, and the card added then reaches the room', { timeout: 180_000 }, async () => {
    server = await startAppServer({ dataDir: data.dir })
    const { port } = server
    const links = await createWorkshop(server.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(server.wsUrl, links, 'signals')
    const anna = await openAs(browser, server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    people.push(anna)
    await expectConnected(anna.page)
    await addCard(anna.page, 'Night buses run on demand')
    // The worker has taken over the page and kept what it loaded.
    await expect.poll(() => anna.page.evaluate(() => navigator.serviceWorker.controller !== null), SLOW).toBe(true)
    await expect.poll(() => anna.page.evaluate(async () => (await (await caches.open('s2s-files')).keys()).length), SLOW).toBeGreaterThan(0)

    await server.close()
    server = null
    await anna.page.reload()
    await expect.poll(() => readWall(anna.page), SLOW).toEqual(['Night buses run on demand'])
    await expect.poll(() => indicator(anna.page), SLOW).toMatch(/^Server unreachable/)
    await addCard(anna.page, 'Library lends e-bikes')
    await screenshot(anna.page, 'offline-reload-phone')

    server = await startAppServer({ dataDir: data.dir, port })
    const reader = connectClient(server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    clients.push(reader)
    await synced(reader)
    const titles = () => [...readBoard(reader.doc).signals.values()].map((signal) => signal.title).sort()
    await waitFor(() => titles().length === 2, 30_000, 'the card added offline on the server')
    expect(titles()).toEqual(['Library lends e-bikes', 'Night buses run on demand'])
  })
})
