/**
 * Results leave the room from buttons: the Export menu, Finish the workshop with the
 * participants' download and the projector's title page, Open a backup on the home page, the
 * History panel's restore and undo, and the Replay — all reached by their visible names.
 */
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { addSignal, addSignalToTrend, createTrend, deleteSignal, goToStage, placeAssessment, readBoard, readControl } from '../../shared/doc/index.ts'
import { exportWorkshopJson } from '../../shared/export/index.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop, startTestServer, waitFor } from '../support/server.ts'
import { countWorkshops, importInto } from '../export/support.ts'
import { E2E_BUILD_DIR } from './globalSetup.ts'
import { seriousViolations } from './support/axe.ts'
import { textContrast } from './support/contrast.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { shownTexts } from './support/legible.ts'
import { buildRoomWorkshop } from './support/roomWorkshop.ts'
import { expectStage, openAs, readWall, SLOW, type Person } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const anna = { participantId: 'anna-000000000000000' }
/** Each test drives three or four browsers, a PDF and a real server: room for a busy shared machine. */
const HEAVY = 150_000

describe.skipIf(browserTestsSkipped)('results from the app in Chromium', () => {
  // A small import limit, so "too large" can be tried with a file of a few hundred KB.
  const app = useBrowserAndServer(() => startTestServer({ staticDir: E2E_BUILD_DIR, limits: { maxImportBytes: 1024 * 1024 } }))
  const people: Person[] = []
  const cleanups: (() => unknown)[] = []
  afterAll(async () => {
    for (const person of people) await person.close().catch(() => {})
    while (cleanups.length) await cleanups.pop()!()
  })

  async function open(link: string, options: Parameters<typeof openAs>[3] = {}): Promise<Person> {
    const person = await openAs(app.browser, app.server, link, options)
    people.push(person)
    return person
  }

  /** Moves the room with a facilitator's control connection (the console's own buttons are tested elsewhere). */
  async function moveTo(links: WorkshopLinks, kind: string): Promise<void> {
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    await synced(control)
    goToStage(control.doc, readControl(control.doc).stages.find((stage) => stage.kind === kind)!.id)
    await waitFor(() => readControl(control.doc).currentStageId !== null)
    await new Promise((resolve) => setTimeout(resolve, 100))
    control.destroy()
  }

  async function download(page: Page, click: () => Promise<unknown>): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download', SLOW), click()])
    const bytes = readFileSync((await file.path())!)
    return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes }
  }

  async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
    const violations = await seriousViolations(page)
    expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
  }

  it(
    'the facilitator downloads every format from the Export menu and previews the report',
    async () => {
      const links = await importInto(app.server.url, buildRoomWorkshop())
      await moveTo(links, 'takeaways')
      const { page } = await open(links.links.facilitator, { name: 'Fiona' })
      await page.getByRole('button', { name: 'Export', exact: true }).click()
      const menu = page.getByRole('region', { name: 'Export', exact: true })
      await menu.getByRole('button', { name: 'Preview report' }).waitFor(SLOW)
      await screenshot(page, 'results-export-laptop')
      await expectNoSeriousViolations(page, 'Export menu')

      const dated = (ext: string) => new RegExp(`^everyday-welfare-2040-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`)
      // By keyboard: the button says "Preparing…" meanwhile and keeps the focus (disabled, it dropped it to the page).
      const markdown = menu.getByRole('button', { name: 'Markdown', exact: true })
      await markdown.focus()
      const md = await download(page, () => page.keyboard.press('Enter'))
      await expect.poll(() => markdown.evaluate((button) => button === document.activeElement), SLOW).toBe(true)
      expect(md.name).toMatch(dated('md'))
      expect(md.text).toContain('A Tuesday in 2040')
      expect(md.text).toContain('Ageing at home')
      expect(md.text).toContain('Care robots in elderly homes')
      expect(md.text).toContain('Library opens at night (2)')

      const html = await download(page, () => menu.getByRole('button', { name: 'HTML report' }).click())
      expect(html.name).toMatch(dated('html'))
      expect(html.text).toContain('Mika works four days')
      expect(html.text).toContain('<svg class="wheel-picture"')

      const pdf = await download(page, () => menu.getByRole('button', { name: 'PDF', exact: true }).click())
      expect(pdf.name).toMatch(dated('pdf'))
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

      const csv = await download(page, () => menu.getByRole('button', { name: 'CSV of signals' }).click())
      expect(csv.name).toMatch(dated('csv'))
      expect(csv.text).toContain('Four-day week pilots')
      const fixture = buildRoomWorkshop()
      expect(readBoard(fixture.board).signals.size).toBe(60)
      const grown = [...readBoard(fixture.board).signals.values()].filter((s) => s.sourceUrl.includes('/signal/')).length
      expect(csv.text.split('\n').filter((line) => line.includes('https://example.org/signal/')).length).toBe(grown)

      const json = await download(page, () => menu.getByRole('button', { name: 'JSON backup' }).click())
      expect(json.name).toMatch(dated('json'))
      expect(JSON.parse(json.text)).toMatchObject({ format: 'signals-to-stories', workshop: { title: 'Everyday welfare 2040' } })

      const wheel = await download(page, () => menu.getByRole('button', { name: 'Ageing at home (SVG) — download the futures wheel as a picture' }).click())
      expect(wheel.name).toMatch(/\.svg$/)
      expect(wheel.text).toContain('<svg xmlns="http://www.w3.org/2000/svg"')
      expect(wheel.text).toContain('Fewer care homes')

      await menu.getByRole('button', { name: 'Preview report' }).click()
      const dialog = page.getByRole('dialog', { name: 'Report preview' })
      const report = dialog.frameLocator('iframe[title="The report"]')
      await report.getByRole('heading', { name: 'Everyday welfare 2040', level: 1 }).waitFor(SLOW)
      expect(await report.getByRole('heading', { name: 'A Tuesday in 2040' }).count()).toBe(1)
      await screenshot(page, 'results-preview-laptop')
      await expectNoSeriousViolations(page, 'Report preview')
      // By keyboard inside the report (on its contents' first link): Esc still closes the preview.
      await report.locator('a').first().focus()
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden', ...SLOW })

      await page.setViewportSize({ width: 360, height: 740 })
      await menu.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await screenshot(page, 'results-export-phone')

      // A room's board replayed on the projector: dense, but nothing cut mid-line.
      await page.setViewportSize({ width: 1366, height: 768 })
      const screen = await open(links.links.screen, { viewport: 'projector' })
      // Replay is used rarely: it waits in the console's "More…".
      await page.getByRole('button', { name: 'More…' }).click()
      await page.getByRole('button', { name: 'Replay', exact: true }).click()
      const replay = page.getByRole('region', { name: 'Replay', exact: true })
      await replay.getByRole('combobox', { name: 'Follow a trend' }).selectOption({ label: 'Ageing at home' })
      await replay.getByRole('switch', { name: 'Show the replay on the screen' }).click()
      await screen.page.getByRole('region', { name: 'Replay of the workshop' }).getByRole('heading', { name: 'Ageing at home', exact: true }).waitFor(SLOW)
      await screenshot(screen.page, 'results-replay-room-1920')
      // All eight trends, each name and each title shown under it whole or on another page, never cut.
      const replayCut = async () => {
        const shown = await shownTexts(screen.page, '.replay-trend__name, .replay-trend__signals > li')
        return {
          names: shown.filter((text) => text.legible).length,
          cut: shown.filter((text) => !text.legible && !text.elsewhere).map(({ text, why }) => `${text}: ${why}`),
        }
      }
      // The trend's history beside it, which nobody can scroll: every line shown whole, and what
      // does not fit summed up ("9 later events"), not cut off at the screen's edge.
      const storyCut = async () =>
        (await shownTexts(screen.page, '.trend-story__event')).filter((text) => !text.legible).map(({ text, why }) => `${text}: ${why}`)
      const at1920 = await replayCut()
      expect(at1920.cut, '1920').toEqual([])
      expect(await storyCut(), '1920').toEqual([])
      await screen.page.setViewportSize({ width: 1280, height: 720 })
      await expect.poll(() => screen.page.locator('.trend-story__event--more').count(), SLOW).toBe(1)
      await screenshot(screen.page, 'results-replay-room-1280')
      expect((await replayCut()).cut, '1280').toEqual([])
      expect(await storyCut(), '1280').toEqual([])
      expect(await screen.page.locator('.trend-story__event--more').textContent()).toMatch(/^\d+ (earlier|later) events$/)
      await replay.getByRole('switch', { name: 'Show the replay on the screen' }).click()
      await page.getByRole('button', { name: 'History', exact: true }).click()
      const history = page.getByRole('region', { name: 'History', exact: true })
      await history.getByRole('listitem').first().waitFor(SLOW)
      await history.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await screenshot(page, 'results-history-room-laptop')

      // The same picture from the wheel stage itself.
      await moveTo(links, 'wheel')
      const fromStage = await download(page, () => page.getByRole('button', { name: 'Download picture (SVG): futures wheel of Ageing at home' }).click())
      expect(fromStage.text).toContain('Fewer care homes')
      expect(fromStage.text).toContain('Ageing at home')
    },
    HEAVY,
  )

  it(
    'finishes the workshop: participants can download only once allowed; the projector shows the title page',
    async () => {
      const links = await importInto(app.server.url, buildRoomWorkshop())
      await moveTo(links, 'takeaways')
      const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
      const participant = await open(links.links.participant, { name: 'Anna', viewport: 'phone' })
      const screen = await open(links.links.screen, { viewport: 'projector' })
      const f = facilitator.page
      const p = participant.page
      await expectStage(p, 'Takeaways')

      // On the last stage the console's "Finish the workshop" opens the steps of the end.
      await f.getByRole('button', { name: /^Finish the workshop/ }).click()
      const finish = f.getByRole('region', { name: 'Finish the workshop' })
      await finish.waitFor(SLOW)
      // The pointer away, as after opening it by keyboard: the open button's own colours, not its hover's.
      await f.mouse.move(700, 740)
      expect(await textContrast(f.getByRole('button', { name: /^Finish the workshop/ }))).toBeGreaterThanOrEqual(4.5)
      await screenshot(f, 'results-finish-laptop')
      await expectNoSeriousViolations(f, 'Finish the workshop')
      // On the stage, connected and named: no download offered yet.
      expect(await p.getByRole('heading', { name: 'Take the report home' }).count()).toBe(0)
      expect(await p.getByRole('button', { name: /^Download/ }).count()).toBe(0)
      const refused = await fetch(`${app.server.url}/api/workshops/${links.id}/export?format=md`, {
        headers: { authorization: `Bearer ${links.keys.participant}` },
      })
      expect(refused.status).toBe(403)

      await finish.getByRole('switch', { name: 'Let participants download the report' }).click()
      await p.getByRole('heading', { name: 'Take the report home' }).waitFor(SLOW)
      await screenshot(p, 'results-participant-download-phone')
      await expectNoSeriousViolations(p, 'participant download')
      const md = await download(p, () => p.getByRole('button', { name: 'Download Markdown' }).click())
      expect(md.text).toContain('A Tuesday in 2040')
      expect(md.text).toContain('Flexible working time')
      const pdf = await download(p, () => p.getByRole('button', { name: 'Download PDF' }).click())
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')

      const fromFinish = await download(f, () => finish.getByRole('button', { name: 'Download HTML report' }).click())
      expect(fromFinish.text).toContain('Takeaway 12: try it in one district first')

      await finish.getByRole('switch', { name: "Show the report's title page on the screen" }).click()
      const title = screen.page.getByRole('heading', { name: 'Everyday welfare 2040', level: 2 })
      await title.waitFor(SLOW)
      expect(await screen.page.getByText('2 stories').count()).toBe(1)
      await screenshot(screen.page, 'results-title-page-1920')
      await screen.page.setViewportSize({ width: 1280, height: 720 })
      await screenshot(screen.page, 'results-title-page-1280')
      await expectNoSeriousViolations(screen.page, 'report title page')

      await finish.getByRole('switch', { name: 'Let participants download the report' }).click()
      await p.getByRole('heading', { name: 'Take the report home' }).waitFor({ state: 'detached', ...SLOW })

      // A lock used as a pause hands nothing out: not in the app, not from the server.
      await finish.getByRole('switch', { name: 'Lock the board' }).click()
      // The participant's lock banner is the marker: the lock has reached the phone.
      await p.getByText(/^The facilitator has paused editing/).waitFor(SLOW)
      expect(await p.getByRole('heading', { name: 'Take the report home' }).count()).toBe(0)
      const whileLocked = await fetch(`${app.server.url}/api/workshops/${links.id}/export?format=md`, {
        headers: { authorization: `Bearer ${links.keys.participant}` },
      })
      expect(whileLocked.status).toBe(403)
      await screenshot(p, 'results-locked-not-shared-phone')
      await finish.getByRole('switch', { name: 'Let participants download the report' }).click()
      await p.getByRole('heading', { name: 'Take the report home' }).waitFor(SLOW)
      // Locked, with the report handed out: the workshop is over, not paused.
      await p.getByText(/^The workshop is over/).waitFor(SLOW)
      expect(await p.getByText(/^The facilitator has paused editing/).count()).toBe(0)
      const lockedMd = await download(p, () => p.getByRole('button', { name: 'Download Markdown' }).click())
      expect(lockedMd.text).toContain('A Tuesday in 2040')
      await screenshot(p, 'results-locked-shared-phone')
      expect([...facilitator.errors, ...participant.errors, ...screen.errors]).toEqual([])
    },
    HEAVY,
  )

  it(
    'opens a backup from the home page as a new workshop, and names what is wrong with a bad file',
    async () => {
      const backup = exportWorkshopJson(buildRoomWorkshop(), { generatedAt: new Date() })
      const { page, errors } = await open(`${app.server.url}/`, { waitConnected: false })
      const choose = async (name: string, text: string) => {
        const [chooser] = await Promise.all([page.waitForEvent('filechooser', SLOW), page.getByRole('button', { name: 'Choose a backup file…' }).click()])
        await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) })
      }
      await page.getByRole('heading', { name: 'Open a backup' }).waitFor(SLOW)
      await expectNoSeriousViolations(page, 'home page with Open a backup')
      const before = countWorkshops(app.server.dataDir)

      const cases: [file: string, text: string, message: RegExp][] = [
        ['half.json', backup.slice(0, backup.length / 2), /“half\.json” is cut short/],
        ['notes.json', JSON.stringify({ hello: 'world' }), /“notes\.json” isn't a Signals to Stories backup/],
        ['future.json', JSON.stringify({ ...JSON.parse(backup), formatVersion: 99 }), /“future\.json” was made by a newer version/],
        ['huge.json', `{"padding":"${'x'.repeat(1_100_000)}"}`, /“huge\.json” is too large: this server opens backups up to 1 MB/],
      ]
      for (const [file, text, message] of cases) {
        await choose(file, text)
        await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' '), SLOW).toMatch(message)
      }
      await screenshot(page, 'results-backup-error-laptop')
      expect(countWorkshops(app.server.dataDir)).toBe(before)

      await choose('backup.json', backup)
      await page.waitForURL(/\/w\/[^/]+\/facilitate/, SLOW)
      await page.getByRole('heading', { name: 'What should we call you?' }).waitFor(SLOW)
      await page.getByLabel('Your name').fill('Fiona')
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('button', { name: 'Invite', exact: true }).waitFor(SLOW)
      expect(countWorkshops(app.server.dataDir)).toBe(before + 1)
      // A working workshop with new links: the invitation offers this workshop's participant link.
      const newId = /\/w\/([^/]+)\//.exec(page.url())![1]!
      const control = connectClient(app.server.wsUrl, newId, 'board', { key: await participantKeyOf(page, newId) })
      cleanups.push(() => control.destroy())
      await synced(control)
      expect(readBoard(control.doc).signals.size).toBe(60)
      expect(errors).toEqual([])
    },
    HEAVY,
  )

  it(
    'restores the board for every participant from the History panel, and undoes the restore',
    async () => {
      const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
      await moveTo(links, 'signals')
      // The facilitator's key: emptying the wall deletes other people's cards, which only the facilitator may.
      const writer = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
      cleanups.push(() => writer.destroy())
      await synced(writer)
      const titles = ['Care robots in elderly homes', 'Four-day week pilots', 'Heat waves close day-care centres']
      const ids = titles.map((title) => addSignal(writer.doc, { title }, anna))

      const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
      const ben = await open(links.links.participant, { name: 'Ben' })
      const cai = await open(links.links.participant, { name: 'Cai', viewport: 'phone' })
      const f = facilitator.page
      await expect.poll(() => readWall(ben.page), SLOW).toHaveLength(3)

      await f.getByRole('button', { name: 'History', exact: true }).click()
      const panel = f.getByRole('region', { name: 'History', exact: true })
      await panel.getByRole('button', { name: 'Save a snapshot now' }).click()
      const saved = panel.getByRole('listitem').filter({ hasText: 'Saved by hand' }).first()
      await saved.waitFor(SLOW)
      expect(await saved.textContent()).toContain('3 signals')

      for (const id of ids) deleteSignal(writer.doc, id)
      await expect.poll(() => readWall(ben.page), SLOW).toEqual([])
      await expect.poll(() => readWall(cai.page), SLOW).toEqual([])

      // A read-only look first; looking changes nothing.
      await saved.getByRole('button', { name: /^Preview the board at/ }).click()
      const preview = f.getByRole('dialog', { name: 'The board at that moment' })
      await preview.getByText('Care robots in elderly homes').waitFor(SLOW)
      await expectNoSeriousViolations(f, 'snapshot preview')
      await screenshot(f, 'results-history-preview-laptop')
      expect(await readWall(ben.page)).toEqual([])

      // Restored from the preview, where the choice is made looking at the board.
      await preview.getByRole('button', { name: /^Restore the board to/ }).click()
      await preview.getByRole('button', { name: 'Restore', exact: true }).click()
      await preview.waitFor({ state: 'detached', ...SLOW })
      await expect.poll(async () => (await readWall(ben.page)).sort(), SLOW).toEqual([...titles].sort())
      await expect.poll(async () => (await readWall(cai.page)).sort(), SLOW).toEqual([...titles].sort())
      await expect
        .poll(
          () =>
            cai.page
              .getByRole('status')
              .filter({ hasText: /^The facilitator restored the board to \d{1,2}[:.]\d{2}\./ })
              .count(),
          SLOW,
        )
        .toBe(1)
      await screenshot(cai.page, 'results-restore-notice-phone')
      await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await screenshot(f, 'results-history-laptop')
      await expectNoSeriousViolations(f, 'History panel')

      // A reload (or another facilitator's laptop) still offers to undo it.
      await f.reload()
      await f.getByRole('button', { name: 'History', exact: true }).click()
      await panel.getByRole('button', { name: 'Undo restore' }).click()
      await expect.poll(() => readWall(ben.page), SLOW).toEqual([])
      await expect.poll(() => readWall(cai.page), SLOW).toEqual([])
      await expect
        .poll(
          () =>
            ben.page
              .getByRole('status')
              .filter({ hasText: /^The facilitator undid the restore/ })
              .count(),
          SLOW,
        )
        .toBe(1)
      // The facilitator closes it for the room: gone from every device (a projector has no button).
      await f.keyboard.press('Escape')
      await f.locator('.restore-notice').getByRole('button', { name: 'Close for everyone' }).click()
      await expect.poll(() => ben.page.locator('.restore-notice').count(), SLOW).toBe(0)
      await expect.poll(() => cai.page.locator('.restore-notice').count(), SLOW).toBe(0)
      expect([...facilitator.errors, ...ben.errors, ...cai.errors]).toEqual([])
    },
    HEAVY,
  )

  it(
    'replays an earlier board at an earlier time, follows a trend, and plays it on the projector',
    async () => {
      const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040' })
      const auth = { authorization: `Bearer ${links.keys.facilitator}` }
      const snapshot = () => fetch(`${app.server.url}/api/workshops/${links.id}/history`, { method: 'POST', headers: auth })
      const writer = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
      cleanups.push(() => writer.destroy())
      await synced(writer)
      const robots = addSignal(writer.doc, { title: 'Care robots in elderly homes' }, anna)
      await new Promise((resolve) => setTimeout(resolve, 200))
      await snapshot()
      const village = addSignal(writer.doc, { title: 'Care villages' }, anna)
      const trend = createTrend(writer.doc, { name: 'Ageing at home' }, anna)
      addSignalToTrend(writer.doc, robots, trend, anna)
      addSignalToTrend(writer.doc, village, trend, anna)
      await new Promise((resolve) => setTimeout(resolve, 200))
      await snapshot()
      placeAssessment(writer.doc, { trendId: trend, impact: 0.8, uncertainty: 0.3 }, anna)
      await new Promise((resolve) => setTimeout(resolve, 200))
      await snapshot()

      const facilitator = await open(links.links.facilitator, { name: 'Fiona' })
      const screen = await open(links.links.screen, { viewport: 'projector' })
      const f = facilitator.page
      await f.getByRole('button', { name: 'More…' }).click()
      await f.getByRole('button', { name: 'Replay', exact: true }).click()
      const replay = f.getByRole('region', { name: 'Replay', exact: true })
      const moment = replay.getByRole('slider')
      await moment.waitFor(SLOW)
      await expectNoSeriousViolations(f, 'Replay')

      // An early moment: one card, no trend yet (before it, perhaps the empty board at creation).
      await moment.focus()
      await f.keyboard.press('Home')
      await expect
        .poll(async () => {
          if ((await replay.getByText('Care robots in elderly homes').count()) === 1) return true
          await f.keyboard.press('ArrowRight')
          return false
        }, SLOW)
        .toBe(true)
      expect(await replay.getByText('Care villages').count()).toBe(0)
      expect(await replay.getByRole('heading', { name: 'Ageing at home', exact: true }).count()).toBe(0)
      const firstTime = await moment.getAttribute('aria-valuetext')

      await f.keyboard.press('End')
      await replay.getByRole('heading', { name: 'Ageing at home', exact: true }).waitFor(SLOW)
      expect(await replay.getByText('Care villages').count()).toBe(1)
      expect(await moment.getAttribute('aria-valuetext')).not.toBe(null)
      expect(firstTime).toMatch(/^\d{1,2}[:.]\d{2}, /)

      await replay.getByRole('combobox', { name: 'Follow a trend' }).selectOption({ label: 'Ageing at home' })
      const story = replay.getByRole('region', { name: 'How Ageing at home emerged' })
      await story.waitFor(SLOW)
      expect(await story.getByText('“Care robots in elderly homes” written').count()).toBe(1)
      expect(await story.getByText('“Care villages” clustered into the trend').count()).toBe(1)
      expect(await story.getByText(/^Assessed: impact 8\/10, uncertainty 3\/10 \(1 person\)$/).count()).toBe(1)
      // The panel from its heading down, as someone who opened it sees it (the slider at the top
      // of the scrolled panel hid the heading and the player).
      await replay.evaluate((element) => {
        let scroller = element.parentElement
        while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement
        if (scroller) scroller.scrollTop = 0
      })
      await screenshot(f, 'results-replay-laptop')

      await replay.getByRole('switch', { name: 'Show the replay on the screen' }).click()
      const onScreen = screen.page.getByRole('region', { name: 'Replay of the workshop' })
      await onScreen.getByRole('heading', { name: 'Ageing at home', exact: true }).waitFor(SLOW)
      await screenshot(screen.page, 'results-replay-1920')
      // Stepping back on the laptop (to the moment with one card) steps the projector back too.
      await moment.focus()
      await expect
        .poll(async () => {
          if ((await replay.getByRole('heading', { name: 'Ageing at home', exact: true }).count()) === 0) return true
          await f.keyboard.press('ArrowLeft')
          return false
        }, SLOW)
        .toBe(true)
      await expect.poll(() => onScreen.getByRole('heading', { name: 'Ageing at home', level: 3, exact: true }).count(), SLOW).toBe(0)
      expect(await onScreen.getByText('Care robots in elderly homes').count()).toBeGreaterThan(0)
      await screen.page.setViewportSize({ width: 1280, height: 720 })
      await screenshot(screen.page, 'results-replay-1280')
      await expectNoSeriousViolations(screen.page, 'replay on the projector')

      // Playing runs on to the last moment by itself.
      await replay.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '1 second per moment' })
      await replay.getByRole('button', { name: 'Play' }).click()
      await expect.poll(() => moment.inputValue(), { timeout: 20_000 }).toBe(await moment.getAttribute('max'))
      await replay.getByRole('button', { name: 'Play from the start' }).waitFor(SLOW)
      await f.setViewportSize({ width: 360, height: 740 })
      await replay.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      await screenshot(f, 'results-replay-phone')
      expect([...facilitator.errors, ...screen.errors]).toEqual([])
    },
    HEAVY,
  )
})

/** The participant key the new workshop's console offers to share (read from its own API, as the console does). */
async function participantKeyOf(page: Page, workshopId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const key = sessionStorage.getItem(`s2s:key:${id}:facilitator`)
    const answer = await fetch(`/api/workshops/${id}`, { headers: { authorization: `Bearer ${key}` } })
    return ((await answer.json()) as { keys: { participant: string } }).keys.participant
  }, workshopId)
}
