/**
 * A download refused because the server is busy (503 with Retry-After: the export queue is full)
 * says so, and that trying again in a moment will do: it is not a failure. The server here lets
 * no export wait (`maxExportsWaiting: 0`); two exports of a large board keep both of its render
 * turns busy, which a third request refused at once proves, and then the facilitator of another
 * workshop presses a download.
 */
import { describe, expect, it } from 'vitest'
import type { WorkshopLinks } from '../../shared/api.ts'
import { createWorkshop, startTestServer, waitFor } from '../support/server.ts'
import { exportRequest } from '../export/support.ts'
import { honestExportFile } from '../hostile/support/honestImport.ts'
import { E2E_BUILD_DIR } from './globalSetup.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { openAs, SLOW } from './support/workshop.ts'

describe.skipIf(browserTestsSkipped)('a download while the server is busy', () => {
  const app = useBrowserAndServer(() => startTestServer({ staticDir: E2E_BUILD_DIR, limits: { maxExportsWaiting: 0 } }))

  it('says to try again in a few seconds, and the buttons stay ready for it', async () => {
    const imported = await fetch(`${app.server.url}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: honestExportFile(3_000, 1_800),
    })
    expect(imported.status).toBe(201)
    const big = (await imported.json()) as WorkshopLinks
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    try {
      const { page } = facilitator
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const menu = page.getByRole('region', { name: 'Export', exact: true })
      await menu.getByRole('button', { name: 'Markdown' }).waitFor(SLOW)

      // Three at once: two render for seconds, the third is refused at once, the marker that both turns are taken.
      const statuses: number[] = []
      const renders = Array.from({ length: 3 }, () =>
        exportRequest(app.server.url, big.id, 'md', big.keys.facilitator).then((res) => statuses.push(res.status)),
      )
      await waitFor(() => statuses.includes(503), 60_000, 'a refusal: both render turns taken')
      await menu.getByRole('button', { name: 'Markdown' }).click()
      const note = menu.getByRole('alert')
      await note.waitFor(SLOW)
      expect(await note.textContent()).toBe('Many downloads are being prepared right now. Try again in a few seconds.')
      expect(await menu.getByRole('button', { name: 'Markdown' }).isEnabled()).toBe(true)
      await screenshot(page, 'results-export-busy-laptop')
      await page.setViewportSize({ width: 390, height: 844 })
      await note.scrollIntoViewIfNeeded()
      expect(await note.isVisible()).toBe(true)
      await screenshot(page, 'results-export-busy-phone')
      await Promise.all(renders)
      expect(facilitator.errors).toEqual([])
    } finally {
      await facilitator.close()
    }
  }, 120_000)
})
