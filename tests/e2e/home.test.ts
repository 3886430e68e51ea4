import { describe, expect, it } from 'vitest'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, newPerson, screenshot, type ViewportName } from './support/browser.ts'
import { useBrowserAndServer } from './support/app.ts'

describe.skipIf(browserTestsSkipped)('home page in Chromium', () => {
  const app = useBrowserAndServer()

  it('creates a workshop and lands the facilitator in it, connected', async () => {
    const { page, context, errors } = await newPerson(app.browser)
    // Nothing the page asks for is missing (a favicon's 404 was an error on every device).
    const missing: string[] = []
    page.on('response', (response) => void (response.status() >= 400 && missing.push(`${response.status()} ${response.url()}`)))
    await page.goto(app.server.url)
    await page.getByLabel('Workshop title').fill('Everyday welfare 2040')
    await page.getByLabel('Focal question').fill('What will everyday welfare look like in our town in 2040?')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.waitForURL(/\/w\/[A-Za-z0-9_-]{22}\/facilitate#key=/)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).count(), { timeout: 10_000 }).toBeGreaterThan(0)
    await expect.poll(() => page.getByText('Everyday welfare 2040').count()).toBeGreaterThan(0)
    await expect.poll(() => page.evaluate(() => fetch('/favicon.svg').then((response) => response.headers.get('content-type')))).toBe('image/svg+xml')
    expect(errors).toEqual([])
    expect(missing).toEqual([])
    await context.close()
  })

  it('refuses to create a workshop without a title, and says so by the field', async () => {
    const { page, context } = await newPerson(app.browser)
    await page.goto(app.server.url)
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await expect.poll(() => page.getByText('Give the workshop a title.').isVisible()).toBe(true)
    expect(page.url()).toBe(`${app.server.url}/`)
    await context.close()
  })

  for (const viewport of ['phone', 'laptop', 'projector'] as ViewportName[]) {
    it(`has no serious accessibility violations at ${viewport} size`, async () => {
      const { page, context } = await newPerson(app.browser, viewport)
      await page.goto(app.server.url)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await screenshot(page, `home-${viewport}`)
      expect(await seriousViolations(page)).toEqual([])
      await context.close()
    })
  }
})
