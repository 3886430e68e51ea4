/**
 * A locked workshop is read-only for everyone, the facilitator included: the server refuses every
 * board write while it is locked, so no stage may offer a tool whose change would be dropped. The
 * facilitator's banner says why and how to lift it; participants get the stage's own "paused" note.
 */
import { describe, expect, it } from 'vitest'
import { setLocked } from '../../shared/doc/index.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { goToStageKind, seedSignals } from './support/seed.ts'
import { stageName } from './support/stages.ts'
import { expectStage, openAs, SLOW } from './support/workshop.ts'

describe.skipIf(browserTestsSkipped)('a locked workshop in Chromium', () => {
  const app = useBrowserAndServer()

  it('offers nobody a tool to change the board, and tells each person why', async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    await seedSignals(app.server.wsUrl, links, [{ title: 'Care robots at home' }, { title: 'Neighbours share tools' }])
    await goToStageKind(app.server.wsUrl, links, 'trends')
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: 'Fay' })
    const participant = await openAs(app.browser, app.server, links.links.participant, { viewport: 'phone', name: 'Anna' })
    const screen = await openAs(app.browser, app.server, links.links.screen, { viewport: 'projector' })
    await Promise.all([expectStage(facilitator.page, stageName('trends')), expectStage(participant.page, stageName('trends'))])
    expect(await screen.page.locator('.screen-locked').count()).toBe(0)
    // Before the lock both may start a trend: the check below can fail.
    await expect(facilitator.page.getByRole('button', { name: 'New trend', exact: true }).isVisible()).resolves.toBe(true)

    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator, ext: '1' })
    try {
      await synced(control)
      setLocked(control.doc, true)
      await facilitator.page.getByText('The board is locked: nobody can change it, you included.').waitFor(SLOW)
      await participant.page.getByText('The facilitator has locked the board for now.').waitFor(SLOW)
      // Absent once the lock has arrived (the banner above is the marker).
      expect(await facilitator.page.getByRole('button', { name: 'New trend', exact: true }).count()).toBe(0)
      expect(await participant.page.getByRole('button', { name: 'New trend', exact: true }).count()).toBe(0)
      // The stage's "paused" note is for participants; the facilitator has the banner.
      expect(await facilitator.page.getByText('The facilitator has locked the board for now.').count()).toBe(0)
      await screenshot(facilitator.page, 'locked-trends-facilitator-laptop')
      await screenshot(participant.page, 'locked-trends-participant-phone')
      // The projector says it too, beside the clock: the room sees why nothing can be added.
      await screen.page.locator('.screen-locked', { hasText: 'Editing paused' }).waitFor(SLOW)
      await screenshot(screen.page, 'locked-trends-projector')

      // The facilitator unlocks it from the banner itself; everyone can start a trend again.
      await facilitator.page.getByRole('button', { name: 'Unlock the board' }).click()
      await facilitator.page.getByRole('button', { name: 'New trend', exact: true }).waitFor(SLOW)
      expect(await facilitator.page.evaluate(() => document.activeElement?.id), 'focus after unlocking').toBe('main')
      await participant.page.getByRole('button', { name: 'New trend', exact: true }).waitFor(SLOW)
      expect(await participant.page.getByText('The facilitator has locked the board for now.').count()).toBe(0)
      await screen.page.locator('.screen-locked').waitFor({ state: 'detached', ...SLOW })
    } finally {
      control.destroy()
      await Promise.all([facilitator.close(), participant.close(), screen.close()])
    }
  }, 90_000)
})
