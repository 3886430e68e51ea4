/**
 * A download refused because the server is busy (429 or 503 with Retry-After) says so, and that
 * trying again in a moment will do: it is not a failure. The server here gives each workshop no
 * share of exports at all (`maxExportsPerWorkshop: 0`), so every export is answered as a busy
 * workshop's would be, without a race to fill the share first.
 */
import { describe, expect, it } from 'vitest'
import { createWorkshop, startTestServer } from '../support/server.ts'
import { E2E_BUILD_DIR } from './globalSetup.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { openAs, SLOW } from './support/workshop.ts'

describe.skipIf(browserTestsSkipped)('a download while the server is busy', () => {
  const app = useBrowserAndServer(() => startTestServer({ staticDir: E2E_BUILD_DIR, limits: { maxExportsPerWorkshop: 0 } }))

  it('says to try again in a few seconds, and the buttons stay ready for it', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    try {
      const { page } = facilitator
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const menu = page.getByRole('region', { name: 'Export', exact: true })
      await menu.getByRole('button', { name: 'Markdown' }).click()
      const note = menu.getByRole('status')
      await note.waitFor(SLOW)
      expect(await note.textContent()).toBe('Many downloads are being prepared right now. Try again in a few seconds.')
      expect(await menu.getByRole('button', { name: 'Markdown' }).isEnabled()).toBe(true)
      await screenshot(page, 'results-export-busy-laptop')
      expect(facilitator.errors).toEqual([])
    } finally {
      await facilitator.close()
    }
  }, 90_000)
})
