/**
 * A participant who writes more than the workshop accepts from one person (WRITE_BURST_PER_PERSON,
 * then WRITES_PER_MINUTE_PER_PERSON), or from all its participants together (WRITE_BURST_PER_WORKSHOP,
 * WRITES_PER_MINUTE_PER_WORKSHOP), is told their changes wait, and then sees them go through without
 * doing anything: nothing is lost. The allowances are made small here so that a few dozen cards
 * reach them; in a workshop a person's holds a busy participant's whole day.
 */
import { describe, expect, it } from 'vitest'
import { endPrivateRound, goToStage, readBoard, readControl, setPrivateMode } from '../../shared/doc/index.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { startAppServer, useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { addCard, openAs, SLOW } from './support/workshop.ts'

/** The allowance made small, the callout that says the changes wait, and its screenshot. */
const CASES = [
  {
    whose: "a person's",
    limits: { writeBurstPerPerson: 40, writesPerMinutePerPerson: 120 },
    callout: 'Your changes are waiting',
    shot: 'writing-paused-participant-phone',
  },
  {
    whose: "the workshop's (all participants share it)",
    limits: { writeBurstPerWorkshop: 40, writesPerMinutePerWorkshop: 120 },
    callout: 'The workshop is busy — your changes are waiting',
    shot: 'workshop-busy-participant-phone',
  },
  {
    whose: "a person's, writing in a private round (their own draft)",
    limits: { writeBurstPerPerson: 40, writesPerMinutePerPerson: 120 },
    callout: 'Your changes are waiting',
    shot: 'writing-paused-private-round-phone',
    privateRound: true,
  },
]

describe.skipIf(browserTestsSkipped).each(CASES)('a participant past $whose writing allowance, in Chromium', ({ limits, callout, shot, privateRound }) => {
  // About 25 cards at once (40 records, and the overdraft of one of the app's pieces, 400), then
  // one card's worth every 8 s; past the workshop's, about 25 more on the person's own share.
  const app = useBrowserAndServer(() => startAppServer({ limits }))

  it('hears that the changes wait, and sees every card arrive by itself', { timeout: 180_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
    const facilitator = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    const anna = await openAs(app.browser, app.server, links.links.participant, { viewport: 'phone', name: 'Anna' })
    try {
      await synced(facilitator, control)
      expect(goToStage(control.doc, readControl(control.doc).stages.find((stage) => stage.kind === 'signals')!.id)).toBe(true)
      if (privateRound) setPrivateMode(control.doc, { on: true })
      await expect.poll(() => anna.page.getByRole('region', { name: 'Add a signal' }).count(), SLOW).toBe(1)

      const paused = anna.page.getByRole('status').filter({ hasText: callout })
      const titles: string[] = []
      for (let n = 1; n <= 80 && (await paused.count()) === 0; n++) {
        titles.push(`Care robots keep older people company, ${n}`)
        await addCard(anna.page, titles.at(-1)!)
      }
      await paused.waitFor(SLOW)
      expect(titles.length).toBeGreaterThanOrEqual(2)
      await screenshot(anna.page, shot)

      // Nothing to do: the cards go through once the allowance has refilled, and the note goes
      // (in a private round, to the person's draft; the reveal then puts them on the board).
      await paused.waitFor({ state: 'hidden', timeout: 60_000 })
      if (privateRound) endPrivateRound(control.doc)
      const onBoard = () => [...readBoard(facilitator.doc).signals.values()].map((signal) => signal.title).sort()
      await expect.poll(onBoard, { timeout: 60_000 }).toEqual([...titles].sort())
      expect(anna.errors).toEqual([])
    } finally {
      facilitator.destroy()
      control.destroy()
      await anna.close()
    }
  })
})
