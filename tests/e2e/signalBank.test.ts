import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createWorkshop } from '../support/server.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { goToStageKind, seedSignals } from './support/seed.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const GOOD_CSV = [
  '\uFEFFTitle,Description,Why it matters,Source,Theme,Category',
  'Care robots keep older people company,"Pilot in Espoo, 40 homes",,https://example.org/robots https://example.org/robots-2,,Technological',
  'Etätyö mökiltä yleistyy,valokuitu kunnossa,,yle.fi/etatyo,,Taloudellinen',
  'Oat milk outsells cow milk,,,,,Environmental',
].join('\r\n')

const BAD_CSV = ['Title,Source,Category', 'Fine row,,Social', ',https://example.org,', 'Third,javascript:alert(1),Social'].join('\n')

describe.skipIf(browserTestsSkipped)('the signal bank ("Load signals")', () => {
  const app = useBrowserAndServer()

  it('refuses a bad CSV whole, naming rows and columns; loads a good one, the chosen signals only, marked and with links', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(app.server.wsUrl, links, 'signals')
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    const participant = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      const f = facilitator.page
      await expectStage(f, 'Signals')
      expect(await participant.page.getByRole('button', { name: 'Load signals' }).count()).toBe(0)
      await f.getByRole('button', { name: 'Load signals' }).click()
      const dialog = f.getByRole('dialog', { name: 'Load signals from the bank' })
      await chooseCsv(f, BAD_CSV)
      const alert = dialog.getByRole('alert')
      await alert.waitFor(SLOW)
      expect(await alert.locator('li').allTextContents()).toEqual([
        'Row 3, column “Title”: the title is empty.',
        'Row 4, column “Source”: “javascript:alert(1)” is not a web link (http or https).',
      ])
      await screenshot(f, 'bank-csv-errors-laptop')

      await chooseCsv(f, GOOD_CSV)
      await dialog.getByText('3 signals from scan.csv').waitFor(SLOW)
      expect(await seriousViolations(f)).toEqual([])
      await screenshot(f, 'bank-csv-preview-laptop')
      await dialog.getByLabel('Oat milk outsells cow milk').uncheck()
      await dialog.getByRole('button', { name: 'Bring 2 signals to the wall' }).click()

      // Nothing was half-imported from the bad file; the good one's chosen two are on the wall for everyone.
      for (const page of [f, participant.page]) {
        await expect.poll(() => page.getByRole('heading', { name: 'Care robots keep older people company' }).count(), SLOW).toBe(1)
        await expect.poll(() => page.getByRole('heading', { name: 'Etätyö mökiltä yleistyy' }).count(), SLOW).toBe(1)
        expect(await page.getByRole('heading', { name: 'Oat milk outsells cow milk' }).count()).toBe(0)
        expect(await page.getByRole('heading', { name: 'Fine row' }).count()).toBe(0)
      }
      const card = participant.page.getByRole('article', { name: 'Care robots keep older people company' })
      expect(await card.getByText('From the bank').count()).toBe(1)
      expect(await card.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).toEqual([
        'https://example.org/robots',
        'https://example.org/robots-2',
      ])
      await screenshot(participant.page, 'bank-imported-phone')
      expect([...facilitator.errors, ...participant.errors]).toEqual([])
    } finally {
      await Promise.all([facilitator.close(), participant.close()])
    }
  })

  it('brings signals from an earlier workshop with its facilitator link, and refuses another link', async () => {
    const earlier = await createWorkshop(app.server.url, { title: 'Spring scan' })
    await seedSignals(app.server.wsUrl, earlier, [{ title: 'Hoitajapula pahenee' }, { title: 'Four day week pilot' }])
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(app.server.wsUrl, links, 'signals')
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    try {
      const f = facilitator.page
      await expectStage(f, 'Signals')
      await f.getByRole('button', { name: 'Load signals' }).click()
      const dialog = f.getByRole('dialog', { name: 'Load signals from the bank' })
      const field = dialog.getByLabel('Facilitator link of the earlier workshop')
      await field.fill(earlier.links.participant)
      await dialog.getByRole('button', { name: 'Get its signals' }).click()
      await dialog.getByText('That is not a facilitator link of a workshop.').waitFor(SLOW)
      await field.fill(earlier.links.facilitator.replace(/key=.*/, `key=${links.keys.facilitator}`))
      await dialog.getByRole('button', { name: 'Get its signals' }).click()
      await dialog.getByText('That link does not open the earlier workshop as its facilitator.').waitFor(SLOW)
      await field.fill(earlier.links.facilitator)
      await dialog.getByRole('button', { name: 'Get its signals' }).click()
      await dialog.getByText('2 signals from Spring scan').waitFor(SLOW)
      await dialog.getByRole('button', { name: 'Bring 2 signals to the wall' }).click()
      await expect.poll(() => f.getByRole('heading', { name: 'Hoitajapula pahenee' }).count(), SLOW).toBe(1)
      expect(await f.getByRole('article', { name: 'Four day week pilot' }).getByText('From the bank').count()).toBe(1)
    } finally {
      await facilitator.close()
    }
  })

  it('holds signals back from participants until the facilitator releases them', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await goToStageKind(app.server.wsUrl, links, 'signals')
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fiona' })
    const participant = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', viewport: 'phone' })
    try {
      const f = facilitator.page
      const p = participant.page
      await expectStage(f, 'Signals')
      await f.getByRole('button', { name: 'Load signals' }).click()
      const dialog = f.getByRole('dialog', { name: 'Load signals from the bank' })
      await chooseCsv(f, GOOD_CSV)
      await dialog.getByLabel('Hold them back until I release them').check()
      await dialog.getByRole('button', { name: 'Hold back 3 signals' }).click()
      const held = f.getByRole('region', { name: 'Held back (3 signals)' })
      await held.waitFor(SLOW)
      await screenshot(f, 'bank-held-back-laptop')
      expect(await seriousViolations(f)).toEqual([])

      await held.getByRole('button', { name: 'Release “Oat milk outsells cow milk”' }).click()
      // The released card reaches the participant (the marker); the two still held back do not.
      await expect.poll(() => p.getByRole('heading', { name: 'Oat milk outsells cow milk' }).count(), SLOW).toBe(1)
      expect(await p.getByRole('heading', { name: 'Care robots keep older people company' }).count()).toBe(0)
      expect(await p.getByText('Etätyö mökiltä yleistyy').count()).toBe(0)
      expect(await p.getByRole('region', { name: /^Held back/ }).count()).toBe(0)

      await f.getByRole('region', { name: 'Held back (2 signals)' }).getByRole('button', { name: 'Release all' }).click()
      await expect.poll(() => p.getByRole('heading', { name: 'Care robots keep older people company' }).count(), SLOW).toBe(1)
      await expect.poll(() => f.getByRole('region', { name: /^Held back/ }).count(), SLOW).toBe(0)
      expect([...facilitator.errors, ...participant.errors]).toEqual([])
    } finally {
      await Promise.all([facilitator.close(), participant.close()])
    }
  })
})

/** Chooses a CSV as a person does: "Choose a CSV file…", then the file in the browser's chooser. */
async function chooseCsv(page: Page, csv: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Load signals from the bank' })
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a CSV file…' }).click()])
  await chooser.setFiles({ name: 'scan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
}
