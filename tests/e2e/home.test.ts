import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startAppServer } from './support/app.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, launchChromium, newPerson, screenshot, type ViewportName } from './support/browser.ts'

describe.skipIf(browserTestsSkipped)('home page in Chromium', () => {
  let browser: Browser
  let server: Awaited<ReturnType<typeof startAppServer>>
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([launchChromium(), startAppServer()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('creates a workshop and lands the facilitator in it, connected', async () => {
    const { page, context, errors } = await newPerson(browser)
    await page.goto(server.url)
    await page.getByLabel('Workshop title').fill('Everyday welfare 2040')
    await page.getByLabel('Focal question').fill('What will everyday welfare look like in our town in 2040?')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]{22}\/facilitate#key=/)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect.poll(() => page.getByText('Everyday welfare 2040').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('refuses to create a workshop without a title, and says so by the field', async () => {
    const { page, context } = await newPerson(browser)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await expect.poll(() => page.getByText('Give the workshop a title.').isVisible()).toBe(true)
    expect(page.url()).toBe(`${server.url}/`)
    await context.close()
  })

  for (const viewport of ['phone', 'laptop', 'projector'] as ViewportName[]) {
    it(`has no serious accessibility violations at ${viewport} size`, async () => {
      const { page, context } = await newPerson(browser, viewport)
      await page.goto(server.url)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await screenshot(page, `home-${viewport}`)
      expect(await seriousViolations(page)).toEqual([])
      await context.close()
    })
  }
})
