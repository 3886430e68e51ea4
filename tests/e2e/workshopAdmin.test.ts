import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/server.ts'
import { onServer, useBrowserAndServer } from './support/app.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, newPerson, screenshot, type ViewportName } from './support/browser.ts'

/**
 * The facilitator's "Link and data" tool: a new participant link disconnects whoever holds the
 * old one, and "Delete workshop" removes it for everyone.
 */
describe.skipIf(browserTestsSkipped)('replacing the participant link and deleting a workshop', () => {
  const app = useBrowserAndServer()

  async function open(link: string, name: string, viewport: ViewportName = 'laptop') {
    const person = await newPerson(app.browser, viewport)
    await person.page.goto(onServer(link, app.server))
    await person.page.getByLabel('Your name').fill(name)
    await person.page.getByRole('button', { name: 'Save' }).click()
    return person
  }

  /** "Link and data" is used rarely: it waits in the console's "More…". */
  const openTool = async (page: Page) => {
    await page.getByRole('button', { name: 'More…' }).click()
    await page.getByRole('button', { name: 'Link and data' }).click()
  }

  it('a new participant link disconnects the old one; the share panel shows the new link', { timeout: 120_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const facilitator = await open(links.links.facilitator, 'Fiona')
    const anna = await open(links.links.participant, 'Anna', 'phone')
    const f = facilitator.page
    await f.getByRole('button', { name: 'Invite', exact: true }).click()
    const participantField = f.getByLabel('Participant link', { exact: true })
    const oldLink = await participantField.inputValue()
    const oldCode = await f.locator('[data-join-code]').textContent()
    await f.getByRole('button', { name: 'Invite', exact: true }).click()

    await openTool(f)
    await f.getByRole('button', { name: 'New participant link' }).click()
    await f.getByRole('button', { name: 'Replace link' }).click()
    await expect.poll(() => f.locator('.admin__done').textContent()).toMatch(/^New participant link and join code ready/)
    await expect.poll(() => anna.page.getByText('No access — check the link').count(), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await seriousViolations(f)).toEqual([])
    for (const viewport of ['phone', 'laptop', 'projector'] as const) {
      const look = await open(links.links.facilitator, 'Fiona', viewport)
      await openTool(look.page)
      await look.page.getByRole('button', { name: 'Delete workshop' }).scrollIntoViewIfNeeded()
      await screenshot(look.page, `admin-${viewport}`)
      await look.context.close()
    }

    await f.getByRole('button', { name: 'Invite', exact: true }).click()
    await expect.poll(() => participantField.inputValue()).not.toBe(oldLink)
    // The join code opened the old key: a new code replaces it.
    await expect.poll(() => f.locator('[data-join-code]').textContent()).not.toBe(oldCode)
    await Promise.all([facilitator, anna].map((p) => p.context.close()))
  })

  it('deleting asks once, then the workshop is gone for everyone', async () => {
    const links = await createWorkshop(app.server.url, { title: 'To be deleted' })
    const facilitator = await open(links.links.facilitator, 'Fiona')
    const f = facilitator.page
    await openTool(f)
    await f.getByRole('button', { name: 'Delete workshop' }).click()
    await screenshot(f, 'admin-delete-question')
    await f.getByRole('button', { name: 'Delete for good' }).click()
    await f.waitForURL((url) => url.pathname === '/')
    const access = await fetch(`${app.server.url}/api/workshops/${links.id}/access`, { headers: { authorization: `Bearer ${links.keys.facilitator}` } })
    expect(access.status).toBe(404)
    await facilitator.context.close()
  })
})
