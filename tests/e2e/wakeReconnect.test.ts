/**
 * Issue 15, reconnect on wake for every role: a participant's phone whose connection was cut
 * while it slept reconnects the moment it is shown again (`visibilitychange` → nudge()), not at
 * the end of its backoff. The page's clock is paused while it "sleeps", so the backoff's timer
 * cannot fire at all: only the wake-up can bring it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readBoard } from '../../shared/doc/index.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop, tempDataDir } from '../support/server.ts'
import { onServer, startAppServer } from './support/app.ts'
import { goToStageKind } from './support/seed.ts'
import { browserTestsSkipped, launchChromium, newPerson } from './support/browser.ts'
import { expectConnected, giveName, SLOW } from './support/workshop.ts'

const indicator = (page: Page) => page.locator('.connection .connection__text').textContent()

describe.skipIf(browserTestsSkipped)('a participant’s phone waking up, in Chromium', () => {
  let browser: Browser
  const data = tempDataDir()
  const clients: TestClient[] = []
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await browser?.close()
    await server?.close()
    data.remove()
  })

  it('reconnects on visibilitychange without waiting for its backoff, and sends what it wrote while away', { timeout: 120_000 }, async () => {
    server = await startAppServer({ dataDir: data.dir })
    const port = server.port
    const links = await createWorkshop(server.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(server.wsUrl, links, 'signals')

    const { context, page, errors } = await newPerson(browser, 'phone')
    await page.clock.install() // time runs as usual until the phone "sleeps"
    await page.goto(onServer(links.links.participant, server))
    await giveName(page, 'Anna')
    await expectConnected(page)

    // The phone sleeps: its timers stop. Meanwhile the server restarts, cutting the socket.
    await page.clock.pauseAt(Date.now() + 1_000)
    await server.close()
    await expect.poll(() => indicator(page), SLOW).not.toBe('Connected')
    server = await startAppServer({ dataDir: data.dir, port })

    // Marker: the server is back and serving (a stock client synced through it); the sleeping
    // phone has not noticed, since its backoff timer is frozen.
    const reader = connectClient(server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    clients.push(reader)
    await synced(reader)
    expect(await indicator(page)).not.toBe('Connected')

    // It wakes up: shown again.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await expectConnected(page)
    await page.clock.resume()

    const title = 'Night buses run on demand'
    const form = page.getByRole('region', { name: 'Add a signal' })
    await form.getByLabel('What did you notice?').fill(title)
    await form.getByLabel('What did you notice?').press('Enter')
    await expect.poll(() => [...readBoard(reader.doc).signals.values()].map((s) => s.title), SLOW).toEqual([title])
    expect(errors).toEqual([])
    await context.close()
  })
})
