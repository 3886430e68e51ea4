import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import jsQR from 'jsqr'
import * as encoding from 'lib0/encoding'
import { PNG } from 'pngjs'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { addSignal, addSignalToTrend, addWheelNode, createTrend, goToStage, joinAsParticipant, nextStageId, readControl } from '../../shared/doc/index.ts'
import { MessageType } from '../../shared/protocol.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop, waitFor } from '../support/server.ts'
import { onServer, useBrowserAndServer } from './support/app.ts'
import { seriousViolations } from './support/axe.ts'
import { browserTestsSkipped, newPerson, screenshot, VIEWPORTS, type ViewportName } from './support/browser.ts'
import { consoleRowProblems } from './support/consoleRow.ts'
import { ALL_STAGE_KINDS, stageName } from './support/stages.ts'
import { advance } from './support/workshop.ts'

const STAGE_NAMES = ALL_STAGE_KINDS.map((kind) => stageName(kind))
const WORKSHOP = { title: 'Everyday welfare 2040', focalQuestion: 'What will everyday welfare look like in our town in 2040?' }

describe.skipIf(browserTestsSkipped)('facilitation and the projector in Chromium', () => {
  const app = useBrowserAndServer()

  /** Opens a link in a fresh browser context (another person's device); gives a name when asked. */
  async function open(link: string, options: { viewport?: ViewportName; name?: string; before?: (page: Page) => Promise<void> } = {}) {
    const person = await newPerson(app.browser, options.viewport)
    await options.before?.(person.page)
    await person.page.goto(onServer(link, app.server))
    if (options.name) {
      await person.page.getByLabel('Your name').fill(options.name)
      await person.page.getByRole('button', { name: 'Save' }).click()
    }
    return person
  }

  /** What each kind of page calls the stage the room is on. */
  const participantStage = (page: Page) => page.locator('#stage-now-title').textContent()
  const screenStage = (page: Page) => page.locator('.screen-bar__stage').textContent()
  // The console's heading is its stage button, named in full (a phone may show the short name).
  const facilitatorStage = (page: Page) => page.locator('#stage-now-title button').getAttribute('aria-label')

  async function room(links: WorkshopLinks) {
    const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
    const participant = await open(links.links.participant, { name: 'Anna' })
    const screen = await open(links.links.screen, { viewport: 'projector' })
    await expect.poll(() => facilitator.page.locator('.console-ready__text').textContent(), { timeout: 10_000 }).toBe('0 of 1 ready')
    return { facilitator, participant, screen, close: () => Promise.all([facilitator, participant, screen].map((p) => p.context.close())) }
  }

  it('moves the room through every stage; the participant and the screen follow', async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const { facilitator, participant, screen, close } = await room(links)
    const f = facilitator.page

    for (const [index, name] of STAGE_NAMES.entries()) {
      await expect.poll(() => participantStage(participant.page), { timeout: 10_000 }).toBe(name)
      await expect.poll(() => screenStage(screen.page), { timeout: 10_000 }).toBe(name)
      const next = STAGE_NAMES[index + 1]
      if (!next) break
      if (index === 0) {
        // Anna is not done, and nothing would be lost: one press moves the room, no question.
        await f.getByRole('button', { name: `Next: ${next}` }).click()
        await expect.poll(() => participantStage(participant.page), { timeout: 10_000 }).toBe(next)
        expect(await f.locator('.leave-question').count()).toBe(0)
      } else {
        // Anna says she is done; the console shows it. Leaving Assess with the vote open asks first.
        await participant.page.getByRole('button', { name: "I'm done" }).click()
        await expect.poll(() => f.locator('.console-ready__text').textContent()).toBe('1 of 1 ready')
        expect(await advance(f, next)).toBe(name === 'Assess')
      }
    }
    // The last stage: what comes next is finishing the workshop.
    expect(await f.getByRole('button', { name: 'Finish the workshop (This is the last stage.)' }).isVisible()).toBe(true)
    expect([...facilitator.errors, ...participant.errors, ...screen.errors]).toEqual([])
    await close()
  })

  it('lets a participant look back at a finished stage and rejoin with "Back to the group"', async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const { facilitator, participant, close } = await room(links)
    const p = participant.page
    await facilitator.page.getByRole('button', { name: 'Next: Signals' }).click()
    await expect.poll(() => participantStage(p), { timeout: 10_000 }).toBe('Signals')

    await p.locator('.stepper button', { hasText: 'Frame' }).click()
    expect(await participantStage(p)).toBe('Frame')
    expect(await p.getByText('You are looking back at Frame. The group is on Signals.').isVisible()).toBe(true)
    await p.getByRole('button', { name: 'Back to the group' }).click()
    await expect.poll(() => participantStage(p)).toBe('Signals')
    expect(await p.getByRole('button', { name: 'Back to the group' }).count()).toBe(0)
    await close()
  })

  it('refuses a stage change forged from a participant browser with a raw WebSocket', async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const { facilitator, participant, screen, close } = await room(links)

    // An attacker's update, built the honest way: the room's control document as the server has
    // it, moved on one stage with the real command, encoded as a y-websocket sync message.
    const reader = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.participant })
    await synced(reader)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc))
    reader.destroy()
    const before = Y.encodeStateVector(copy)
    const target = nextStageId(readControl(copy))!
    expect(goToStage(copy, target)).toBe(true)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(copy, before))
    const forged = [...encoding.toUint8Array(encoder)]

    /** Sends the bytes from inside a page over its own socket; returns the message types that came back. */
    const sendFrom = (page: Page, key: string) =>
      page.evaluate(
        async ({ bytes, id, key }) => {
          const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/${id}/control?key=${key}`)
          socket.binaryType = 'arraybuffer'
          const received: number[] = []
          socket.onmessage = (event) => received.push(new Uint8Array(event.data as ArrayBuffer)[0]!)
          await new Promise((resolve, reject) => {
            socket.onopen = resolve
            socket.onerror = reject
          })
          socket.send(new Uint8Array(bytes))
          await new Promise((resolve) => setTimeout(resolve, 1500))
          socket.close()
          return received
        },
        { bytes: forged, id: links.id, key },
      )

    const answers = await sendFrom(participant.page, links.keys.participant)
    expect(answers).toContain(MessageType.auth) // "permission denied"
    // The marker: a timer the facilitator starts after the forgery. Once every screen shows it, a
    // forged move passed on by the server would have arrived before it.
    await facilitator.page.getByRole('button', { name: 'Start timer' }).click()
    const clockShown = (page: Page) => page.locator('.stage-clock__time').first().textContent()
    await expect.poll(() => clockShown(participant.page), { timeout: 10_000 }).toMatch(/left$/)
    // The projector shows the time alone, large.
    await expect.poll(() => clockShown(screen.page), { timeout: 10_000 }).toMatch(/^\d+:\d\d$/)
    expect(await facilitatorStage(facilitator.page)).toBe('Frame')
    expect(await screenStage(screen.page)).toBe('Frame')
    expect(await participantStage(participant.page)).toBe('Frame')

    // The control: the very same bytes from a facilitator's browser do move the room.
    expect(await sendFrom(facilitator.page, links.keys.facilitator)).not.toContain(MessageType.auth)
    await expect.poll(() => screenStage(screen.page), { timeout: 10_000 }).toBe('Signals')
    await close()
  })

  it('shows the same time left on a laptop whose clock is 5 minutes off', async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
    const participant = await open(links.links.participant, {
      name: 'Anna',
      before: async (page) => {
        await page.clock.install({ time: Date.now() + 5 * 60_000 })
        await page.clock.resume()
      },
    })
    // The laptop really is 5 minutes ahead.
    expect((await participant.page.evaluate(() => Date.now())) - Date.now()).toBeGreaterThan(4.5 * 60_000)

    await facilitator.page.getByRole('button', { name: 'Start timer' }).click()
    const secondsOf = (text: string | null) => {
      const match = /(\d+):(\d\d)/.exec(text ?? '')
      return match ? Number(match[1]) * 60 + Number(match[2]) : NaN
    }
    await expect.poll(() => participant.page.locator('.stage-clock__time').textContent(), { timeout: 10_000 }).toMatch(/left$/)
    await participant.page.waitForTimeout(1500) // let a few seconds tick on both
    const [mine, theirs] = await Promise.all([
      facilitator.page.locator('.timer-readout__time').textContent(),
      participant.page.locator('.stage-clock__time').textContent(),
    ])
    expect(secondsOf(mine)).toBeGreaterThan(4 * 60)
    expect(Math.abs(secondsOf(theirs) - secondsOf(mine))).toBeLessThanOrEqual(1)

    // Pausing leaves the button where it was, under the pointer that will resume.
    const running = await facilitator.page.getByRole('button', { name: 'Pause timer' }).boundingBox()
    await facilitator.page.getByRole('button', { name: 'Pause timer' }).click()
    const paused = await facilitator.page.getByRole('button', { name: 'Resume timer' }).boundingBox()
    expect(paused).toEqual(running)
    // On a wide screen, where the console writes "left" and "paused" beside the time.
    await facilitator.page.setViewportSize({ width: 1920, height: 1080 })
    await facilitator.page.getByText('paused', { exact: true }).waitFor()
    const wide = await facilitator.page.getByRole('button', { name: 'Resume timer' }).boundingBox()
    await facilitator.page.getByRole('button', { name: 'Resume timer' }).click()
    await facilitator.page.getByText('left', { exact: true }).waitFor()
    expect(await facilitator.page.getByRole('button', { name: 'Pause timer' }).boundingBox()).toEqual(wide)
    await Promise.all([facilitator.context.close(), participant.context.close()])
  })

  it('puts a QR code on the screen that opens the join page with the code filled in', async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
    // The screen link as the facilitator shares it, from the "Invite" panel.
    await facilitator.page.getByRole('button', { name: 'Invite', exact: true }).click()
    const screenLink = await facilitator.page.getByLabel('Screen link').inputValue()
    expect(await facilitator.page.getByLabel('Participant link').inputValue()).toBe(onServer(links.links.participant, app.server))
    const code = (await facilitator.page.locator('[data-join-code]').textContent())!.trim()
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/)
    const screen = await open(screenLink, { viewport: 'projector' })
    const qr = screen.page.locator('.join-panel__qr')
    await expect.poll(() => qr.evaluate((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true)
    const png = PNG.sync.read(await qr.screenshot())
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(decoded?.data).toBe(`${app.server.url}/join#${code}`)
    expect(await screen.page.locator('.join-panel [data-join-address]').textContent()).toBe(`${new URL(app.server.url).host}/join`)
    expect(await screen.page.locator('.join-panel [data-join-code]').textContent()).toBe(code)
    await Promise.all([facilitator.context.close(), screen.context.close()])
  })

  it('survives the projector laptop sleeping: it reconnects and catches up by itself', async () => {
    const links = await createWorkshop(app.server.url, WORKSHOP)
    const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
    const screen = await open(links.links.screen, { viewport: 'projector' })
    await expect.poll(() => screenStage(screen.page), { timeout: 10_000 }).toBe('Frame')
    // Asleep: the network is gone, and meanwhile the room moves on.
    await screen.context.setOffline(true)
    await facilitator.page.getByRole('button', { name: 'Next: Signals' }).click()
    await expect.poll(() => facilitatorStage(facilitator.page), { timeout: 10_000 }).toBe('Signals')
    expect(await screenStage(screen.page)).toBe('Frame')
    // Awake: nobody touches the screen.
    await screen.context.setOffline(false)
    await screen.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await expect.poll(() => screenStage(screen.page), { timeout: 10_000 }).toBe('Signals')
    await Promise.all([facilitator.context.close(), screen.context.close()])
  })

  for (const viewport of ['projector', 'smallProjector'] as const) {
    const width = VIEWPORTS[viewport].width
    it(`looks right on a ${width} px projector, and the console at the same size (screenshots)`, async () => {
      const links = await createWorkshop(app.server.url, WORKSHOP)
      const focus = await seedBoard(app.server.wsUrl, links)
      const facilitator = await open(links.links.facilitator, { name: 'Fiona', viewport })
      const f = facilitator.page
      await f.getByRole('button', { name: 'Invite', exact: true }).click()
      const screen = await open(await f.getByLabel('Screen link').inputValue(), { viewport })
      await f.keyboard.press('Escape')
      const s = screen.page
      const participant = await open(links.links.participant, { name: 'Anna' })

      // The opening screen: the focal question, and how to join.
      await expect.poll(() => s.locator('.join-panel__qr').evaluate((img) => img instanceof HTMLImageElement && img.complete), { timeout: 10_000 }).toBe(true)
      await screenshot(s, `screen-join-${width}`)
      expect(await seriousViolations(s), 'screen').toEqual([])

      // Signals with the timer running; the join code moves to a corner.
      await f.getByRole('button', { name: 'Next: Signals' }).click()
      await f.getByRole('button', { name: 'Start timer' }).click()
      await expect.poll(() => s.locator('.stage-clock__time').textContent(), { timeout: 10_000 }).toMatch(/^\d+:\d\d$/)
      await s.waitForTimeout(800)
      await screenshot(s, `screen-${width}`)
      // A few cards on one screen are spread over its width, not piled into the first columns.
      const spread = await s.locator('.screen-wall').evaluate((wall) => {
        const right = Math.max(...[...wall.querySelectorAll('.screen-signal')].map((card) => card.getBoundingClientRect().right))
        const box = wall.getBoundingClientRect()
        return (right - box.left) / box.width
      })
      expect(spread, 'share of the wall’s width the cards reach').toBeGreaterThan(0.9)
      await screenshot(f, `console-${width}`)
      expect(await seriousViolations(f), 'console').toEqual([])
      // The fullest row (timer running, who is ready, the private round): labels give way, the
      // stage's name and Next never do, and nothing is drawn over anything else.
      expect(await consoleRowProblems(f), 'console row').toEqual([])

      // A trend put on screen from the console.
      await f.getByRole('button', { name: 'Show on screen', exact: true }).click()
      await f.getByRole('region', { name: 'Show on screen' }).getByRole('button', { name: 'Trends', exact: true }).click()
      // The item's name is in the button for screen readers ("Show: Care moves home").
      await f.getByRole('button', { name: new RegExp(`^Show\\s*:\\s*${focus.trendName}$`) }).click()
      await expect.poll(() => s.locator('.focus-card__title').textContent(), { timeout: 10_000 }).toBe(focus.trendName)
      await s.waitForTimeout(400)
      await screenshot(s, `screen-focus-${width}`)
      expect(await seriousViolations(s), 'screen').toEqual([])
      await Promise.all([facilitator.context.close(), screen.context.close(), participant.context.close()])
    })
  }
})

/** A board with some work on it, written by two participants over the real protocol. */
async function seedBoard(wsUrl: string, links: WorkshopLinks): Promise<{ trendName: string }> {
  // Several people's records from one client: only the facilitator may write those for others.
  const client = connectClient(wsUrl, links.id, 'board', { key: links.keys.facilitator })
  await synced(client)
  const anna = { participantId: 'AnnaAnnaAnnaAnnaAnna01' }
  const ben = { participantId: 'BenBenBenBenBenBenBen1' }
  const board = client.doc
  joinAsParticipant(board, anna, 'Anna')
  joinAsParticipant(board, ben, 'Ben')
  const cards = [
    addSignal(
      board,
      {
        title: 'Care robots keep older people company at home',
        description: 'A pilot lends social robots to people over 80 who live alone; most want to keep them.',
        sourceUrl: 'https://www.example.org/care-robots',
        category: 'technological',
      },
      anna,
    ),
    addSignal(
      board,
      { title: 'Neighbourhood kitchens replace school canteens', description: 'Parents cook with pensioners; children eat with them.', category: 'social' },
      ben,
    ),
    addSignal(board, { title: 'Four-day week trial in municipal care', category: 'economic' }, anna),
    addSignal(board, { title: 'Libraries lend tools and teach repairs', category: 'environmental' }, ben),
    addSignal(board, { title: 'Town council asks residents to set the care budget', category: 'political' }, anna),
    addSignal(board, { title: 'Remote nurses check on patients over video every morning', category: 'technological' }, ben),
  ]
  const trendName = 'Care moves home'
  const trend = createTrend(
    board,
    {
      name: trendName,
      narrative: 'Services follow people into their homes: robots, remote nurses and neighbours share the care.',
      opportunities: 'People stay independent longer; families get support.',
      challenges: 'Privacy at home; who pays; digital skills.',
    },
    anna,
  )
  for (const card of [cards[0]!, cards[1]!, cards[5]!]) addSignalToTrend(board, card, trend, anna)
  addWheelNode(board, { trendId: trend, parentId: null, text: 'Fewer people move to care homes', valence: 'positive' }, anna)
  // Written: the server has all of it once a second client, syncing from the server alone, holds
  // the same state. Then leave.
  const reader = connectClient(wsUrl, links.id, 'board', { key: links.keys.facilitator })
  const sameState = () => Buffer.from(Y.encodeStateVector(reader.doc)).equals(Y.encodeStateVector(board))
  await waitFor(() => reader.provider.synced && sameState(), 20_000, 'the server to hold the seeded board')
  reader.destroy()
  client.destroy()
  return { trendName }
}
