/**
 * Issue 8, end to end: every piece of user text on a board holds script-injection payloads —
 * written through the shared/doc commands by Node y-websocket clients (as a modified client
 * could), one record written raw past the commands, and a card and two names typed in the UI.
 * Then a participant, the facilitator and the projector open the board in Chromium and the
 * facilitator walks the room through every stage (and puts items on the projector). On every page
 * at every stage: no payload ran, no `javascript:` / `data:` link or injected element exists, no
 * alert/confirm/prompt opened, and the payloads are visible as text. The HTML export is loaded in
 * Chromium the same way.
 *
 * The pages are opened WITHOUT the app's Content-Security-Policy (`bypassCSP`), so an escaping bug
 * would really run instead of being stopped by the CSP: this tests the escaping itself. Control
 * cases show the probe sees a payload that does get into a page.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import {
  addSignal,
  addSignalToTrend,
  addTakeaway,
  addWheelNode,
  castVote,
  closeAssessment,
  createStory,
  createTrend,
  getStoryBody,
  initDraft,
  joinAsParticipant,
  placeAssessment,
  readControl,
  setFocus,
  setGroups,
  setKeyDrivers,
  setPrivateMode,
  setThemes,
  updateMeta,
  updateStageSettings,
  voteRulesFor,
  type Actor,
} from '../../shared/doc/index.ts'
import { insertEntry } from '../../shared/doc/codec.ts'
import { boardCollection } from '../../shared/doc/roots.ts'
import { draftDocName } from '../../shared/protocol.ts'
import type { WorkshopLinks } from '../../shared/api.ts'
import { randomId } from '../../shared/util/ids.ts'
import { connectClient, synced, type TestClient } from '../support/clients.ts'
import { createWorkshop, mintIdentity, waitFor } from '../support/server.ts'
import { browserTestsSkipped } from './support/browser.ts'
import { ALL_STAGE_KINDS, stageName } from './support/stages.ts'
import { advance, expectStage, openAs, SLOW, type Person } from './support/workshop.ts'
import { useBrowserAndServer } from './support/app.ts'

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '"><iframe srcdoc="<script>parent.__xss=1</script>">',
] as const
const ALL = PAYLOADS.join(' ')
const KINDS = ALL_STAGE_KINDS
const STAGES = KINDS.map((kind) => stageName(kind))

/** What the probe finds in a page. Everything but `payloadsShown` must be empty / null. */
interface Probe {
  xss: unknown
  badLinks: number
  badUrls: string[]
  handlers: string[]
  embedded: string[]
  /** How many payloads the page shows as plain text: the data really is on screen. */
  payloadsShown: number
}

/** Runs in the page. */
function probe(payloads: readonly string[]): Probe {
  const all = [...document.querySelectorAll('*')]
  const short = (el: Element) => el.outerHTML.slice(0, 160)
  return {
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    badLinks: document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i]').length,
    badUrls: all
      .filter((el) =>
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].some((name) =>
          /^\s*(javascript|vbscript|data:text)/i.test(el.getAttribute(name) ?? ''),
        ),
      )
      .map(short),
    handlers: all.filter((el) => [...el.attributes].some((attr) => /^on/i.test(attr.name))).map(short),
    embedded: [...document.querySelectorAll('iframe, object, embed, img[src="x"], script:not([src])')].map(short),
    payloadsShown: payloads.filter((payload) => document.body.innerText.includes(payload)).length,
  }
}

const CLEAN = { xss: null, badLinks: 0, badUrls: [], handlers: [], embedded: [] }

describe.skipIf(browserTestsSkipped)('script injection through user text (issue 8)', () => {
  const app = useBrowserAndServer()

  it('the probe sees a payload that does run or land in a page (control cases)', async () => {
    // A bare page: the payload runs, and the probe reports it.
    const context = await app.browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await page.setContent(`<p>${PAYLOADS[1]}</p><a href="${PAYLOADS[3]}">x</a>`)
    await expect.poll(() => page.evaluate(probe, [...PAYLOADS]), SLOW).toMatchObject({ xss: 1, badLinks: 1 })
    const found = await page.evaluate(probe, [...PAYLOADS])
    expect(found.handlers).toHaveLength(1)
    expect(found.embedded).toHaveLength(1)
    await context.close()

    // The app, opened the way the test opens it (no CSP): markup injected into it does run.
    const links = await createWorkshop(app.server.url, { title: 'Control' })
    const person = await openAs(app.browser, app.server, links.links.participant, { name: 'Anna', bypassCSP: true })
    expect(await person.page.evaluate(probe, [...PAYLOADS])).toMatchObject(CLEAN)
    await person.page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS[1])
    await expect.poll(() => person.page.evaluate(probe, [...PAYLOADS]), SLOW).toMatchObject({ xss: 1 })
    // …and the dialog hook hears an alert.
    await person.page.evaluate(() => setTimeout(() => alert('control'), 0))
    await expect.poll(() => person.dialogs, SLOW).toEqual(['alert: control'])
    await person.close()
  })

  it('no payload runs, links or lands in the DOM on any page at any stage, nor in the HTML export', { timeout: 180_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'XSS probe', focalQuestion: 'Safe?' })
    const seeded = await seedBoard(app.server.wsUrl, links)
    const problems: string[] = []
    const check = async (where: string, person: Person) => {
      const found = await person.page.evaluate(probe, [...PAYLOADS])
      const { payloadsShown, ...rest } = found
      if (JSON.stringify(rest) !== JSON.stringify(CLEAN)) problems.push(`${where}: ${JSON.stringify(rest)}`)
      if (payloadsShown === 0) problems.push(`${where}: no payload shown as text (did the page render the board?)`)
      if (person.dialogs.length > 0) problems.push(`${where}: dialogs ${JSON.stringify(person.dialogs)}`)
      if (person.errors.length > 0) problems.push(`${where}: page errors ${JSON.stringify(person.errors)}`)
    }

    // Two names typed into the name dialog, as users would.
    const facilitator = await openAs(app.browser, app.server, links.links.facilitator, { name: PAYLOADS[5], bypassCSP: true })
    const participant = await openAs(app.browser, app.server, links.links.participant, { name: PAYLOADS[1], bypassCSP: true })
    await facilitator.page.getByRole('button', { name: 'Invite', exact: true }).click()
    const screen = await openAs(app.browser, app.server, await facilitator.page.getByLabel('Screen link').inputValue(), {
      viewport: 'projector',
      bypassCSP: true,
    })
    await facilitator.page.keyboard.press('Escape')
    const pages = { participant, facilitator, screen }
    const checkAll = async (where: string) => {
      for (const [role, person] of Object.entries(pages)) await check(`${where}/${role}`, person)
    }

    for (const [index, stage] of STAGES.entries()) {
      await Promise.all([expectStage(participant.page, stage), expectStage(facilitator.page, stage), expectStage(screen.page, stage, 'screen')])
      await waitForStageContent(
        Object.values(pages).map((p) => p.page),
        KINDS[index]!,
      )
      await checkAll(stage)

      if (stage === 'Frame') {
        // Each kind of item, large on the projector.
        for (const [kind, label] of [
          ['signal', 'Signal in focus'],
          ['trend', 'Trend in focus'],
          ['wheel', 'Futures wheel in focus'],
          ['story', 'Future story in focus'],
        ] as const) {
          seeded.focus(kind)
          await expect.poll(() => screen.page.getByText(label, { exact: true }).count(), SLOW).toBe(1)
          await check(`Frame/screen focus ${kind}`, screen)
        }
        seeded.focus(null)
      }
      if (stage === 'Signals') await signalsThroughTheUi(participant.page, seeded, checkAll)
      if (stage === 'Trends') {
        seeded.focus('trend')
        await expect.poll(() => screen.page.getByRole('region', { name: 'Trend on screen' }).count(), SLOW).toBe(1)
        await check('Trends/screen focus', screen)
        seeded.focus(null)
      }
      if (stage === 'Assess') {
        // The participant's own grid while voting is open; then everyone sees the group's result.
        seeded.closeAssessment()
        for (const person of Object.values(pages))
          await expect.poll(() => person.page.getByRole('heading', { name: "The group's result" }).count(), SLOW).toBe(1)
        // The outlier note names the person: "<name> placed “<trend>” far from the group".
        await expect.poll(() => participant.page.getByText(/far from the group$/).count(), SLOW).toBeGreaterThan(0)
        await checkAll('Assess results')
      }
      if (stage === 'Future stories') {
        seeded.focus('story')
        await check('Future stories/screen focus', screen)
        seeded.focus(null)
        // The participant opens the story whose body holds raw elements and a payload citation.
        const open = participant.page.getByRole('button', { name: seeded.storyTitle, exact: true })
        if ((await open.count()) > 0) {
          await open.click()
          await expect.poll(() => participant.page.getByRole('button', { name: 'All stories' }).count(), SLOW).toBeGreaterThan(0)
          await expect.poll(() => participant.page.getByText(PAYLOADS[0], { exact: false }).count(), SLOW).toBeGreaterThan(0)
          await check('Future stories/participant editor', participant)
        } else {
          problems.push(`Future stories/participant: no button opens the story "${seeded.storyTitle}"`)
        }
      }

      const next = STAGES[index + 1]
      if (next) await advance(facilitator.page, next)
    }

    // The HTML export, as the facilitator downloads it: with its own CSP, and without it.
    const res = await fetch(`${app.server.url}/api/workshops/${links.id}/export?format=html`, {
      headers: { authorization: `Bearer ${links.keys.facilitator}` },
    })
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const bypassCSP of [false, true]) {
      const context = await app.browser.newContext({ bypassCSP })
      const page = await context.newPage()
      const exported: Person = { context, page, errors: [], dialogs: [], close: () => context.close() }
      page.on('pageerror', (error) => exported.errors.push(error.message))
      page.on('dialog', (dialog) => {
        exported.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
        void dialog.dismiss().catch(() => {})
      })
      await page.setContent(html, { waitUntil: 'load' })
      await check(`export.html${bypassCSP ? ' without CSP' : ''}`, exported)
      expect(await page.evaluate(probe, [...PAYLOADS]).then((p) => p.payloadsShown)).toBe(PAYLOADS.length)
      await context.close()
    }

    expect(problems).toEqual([])
    await Promise.all([...Object.values(pages).map((p) => p.close())])
    seeded.close()
  })
})

/**
 * Waits until each page shows its stage's work, not only the stage's name: a stage's code is
 * loaded on demand and renders nothing until then. (A readiness hook, not an assertion: the stage
 * area carries its kind as `data-stage-kind`.)
 */
async function waitForStageContent(pages: Page[], kind: string): Promise<void> {
  for (const page of pages) {
    await expect
      .poll(() => page.locator(`[data-stage-kind="${kind}"]`).evaluateAll((areas) => areas.some((area) => (area.textContent ?? '').trim() !== '')), SLOW)
      .toBe(true)
  }
}

/**
 * Through the form: a `javascript:` and a `data:` source link are refused with a message; the card
 * is then added with a payload title and a web link whose address carries markup.
 */
async function signalsThroughTheUi(page: Page, seeded: Seeded, checkAll: (where: string) => Promise<void>): Promise<void> {
  const form = page.getByRole('region', { name: 'Add a signal' })
  await form.getByLabel('What did you notice?').fill(PAYLOADS[2])
  await form.getByRole('button', { name: 'More details (optional)' }).click()
  await form.getByLabel('What is happening').fill(ALL)
  await form.getByLabel('Why it matters').fill(ALL)
  for (const link of [PAYLOADS[3], PAYLOADS[4]]) {
    await form.getByLabel('Source link').fill(link)
    await form.getByRole('button', { name: 'Add card' }).click()
    await expect.poll(() => form.getByText('Only web links can be added: the address should start with http:// or https://.').count(), SLOW).toBe(1)
  }
  await form.getByLabel('Source link').fill(`https://example.org/a?q=${PAYLOADS[5]}`)
  await form.getByRole('button', { name: 'Add card' }).click()
  await waitFor(() => seeded.signalTitles().filter((title) => title === PAYLOADS[2]).length === 2, 20_000, 'the card typed in the UI')
  // Private writing: the projector and the console show each writer's name and count.
  await seeded.privateMode(true)
  await expect.poll(() => page.getByText(/^Others have written \d+ cards?$/).count(), SLOW).toBeGreaterThan(0)
  await checkAll('Signals private')
  await seeded.privateMode(false)
  await waitFor(() => seeded.signalTitles().includes(`Draft ${PAYLOADS[0]}`), 20_000, 'the reveal')
  await checkAll('Signals revealed')
}

interface Seeded {
  storyTitle: string
  focus(kind: 'signal' | 'trend' | 'wheel' | 'story' | null): void
  closeAssessment(): void
  privateMode(on: boolean): Promise<void>
  signalTitles(): string[]
  close(): void
}

/** Payloads in every user text field, written over the real protocol by Node clients. */
async function seedBoard(wsUrl: string, links: WorkshopLinks): Promise<Seeded> {
  const board = connectClient(wsUrl, links.id, 'board', { key: links.keys.facilitator })
  const control = connectClient(wsUrl, links.id, 'control', { key: links.keys.facilitator })
  // A participant whose presence (awareness) carries a payload name and is "editing" a trend.
  const present = connectClient(wsUrl, links.id, 'board', { key: links.keys.participant })
  await synced(board, control, present)
  const b = board.doc
  const c = control.doc

  // Control: title, focal question, every stage's prompt, themes, groups.
  updateMeta(c, { title: PAYLOADS.slice(0, 4).join(' '), focalQuestion: ALL })
  const stages = readControl(c).stages
  for (const stage of stages) updateStageSettings(c, stage.id, { prompt: ALL })
  const themeIds = setThemes(
    c,
    PAYLOADS.map((label) => ({ label })),
  )

  // People: six named with a payload each.
  const people: Actor[] = PAYLOADS.map(() => ({ participantId: randomId() }))
  PAYLOADS.forEach((payload, i) => joinAsParticipant(b, people[i]!, payload))

  // Signals: title, description, why it matters, theme, and a web link carrying markup.
  const categories = ['social', 'technological', 'economic', 'environmental', 'political', ''] as const
  const signals = PAYLOADS.map((payload, i) =>
    addSignal(
      b,
      {
        title: payload,
        description: ALL,
        whyItMatters: ALL,
        themeId: themeIds[i]!,
        category: categories[i]!,
        sourceUrl: `https://example.org/${i}?q=${encodeURIComponent(payload)}&raw=${payload.replace(/[\s#]/g, '')}`,
      },
      people[i]!,
    ),
  )
  // One card written raw, past the commands' checks, as a modified client could: javascript: and
  // data: links. Every reader validates, so no screen should show it at all.
  const rawId = randomId()
  insertEntry(
    boardCollection(b, 'signals'),
    rawId,
    {
      id: rawId,
      title: `Raw ${PAYLOADS[1]}`,
      description: ALL,
      sourceUrl: PAYLOADS[3],
      themeId: '',
      category: '',
      whyItMatters: '',
      authorId: people[0]!.participantId,
      authorIds: [people[0]!.participantId],
      sources: [PAYLOADS[4], 'javascript:alert(1)'],
      order: 'a0',
      createdAt: Date.now(),
      updatedAt: Date.now(),
    },
    new Set(['authorIds', 'sources']),
  )

  // Trends with every text field, each backed by cards; the first is a key driver.
  const trends = PAYLOADS.map((payload, i) => {
    const id = createTrend(b, { name: payload, narrative: ALL, opportunities: ALL, challenges: ALL }, people[i]!)
    addSignalToTrend(b, signals[i]!, id, people[i]!)
    addSignalToTrend(b, signals[(i + 1) % signals.length]!, id, people[i]!)
    return id
  })
  setKeyDrivers(c, [trends[0]!])
  setGroups(
    c,
    PAYLOADS.map((name, i) => ({ name, trendId: trends[i]! })),
  )

  // Assessment: four placements of the first trend, one far from the rest (an outlier, named), and dots.
  const assess = stages.find((stage) => stage.kind === 'assess')!
  people
    .slice(0, 4)
    .forEach((person, i) => placeAssessment(b, { trendId: trends[0]!, impact: i === 3 ? 0.95 : 0.5, uncertainty: i === 3 ? 0.05 : 0.5 }, person))
  for (const person of people.slice(0, 3)) {
    for (const trend of trends.slice(0, 3)) placeAssessment(b, { trendId: trend, impact: 0.7, uncertainty: 0.6 }, person)
    castVote(b, { trendId: trends[0]!, stageId: assess.id }, person, voteRulesFor(readControl(c), assess.id))
  }

  // Futures wheel: three rings of payload consequences.
  let parent: string | null = null
  for (const [i, payload] of PAYLOADS.slice(0, 3).entries()) {
    parent = addWheelNode(b, { trendId: trends[0]!, parentId: parent, text: payload, valence: (['positive', 'negative', 'mixed'] as const)[i] }, people[i]!)
  }
  const wheelNodes = PAYLOADS.slice(3).map((payload, i) => addWheelNode(b, { trendId: trends[0]!, parentId: null, text: payload }, people[i]!)!)

  // Stories: title and every persona field; one body with text, a citation labelled with a
  // payload and an element no schema knows (an image with onerror).
  const storyTitle = `Story ${PAYLOADS[1]}`
  const stories = PAYLOADS.map((payload, i) =>
    createStory(
      b,
      {
        title: i === 0 ? storyTitle : payload,
        trendIds: [trends[i]!],
        wheelNodeIds: i === 0 ? [wheelNodes[0]!] : [],
        signalIds: [signals[i]!],
        persona: { name: payload, household: payload, lifeSituation: ALL, needs: ALL, values: ALL },
      },
      people[i]!,
    ),
  )
  const body = getStoryBody(b, stories[0]!.storyId)!
  b.transact(() => {
    const text = new Y.XmlText()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [text])
    const cite = new Y.XmlElement('citation')
    cite.setAttribute('kind', 'trend')
    cite.setAttribute('refId', trends[1]!)
    cite.setAttribute('label', PAYLOADS[5])
    const gone = new Y.XmlElement('citation')
    gone.setAttribute('kind', 'signal')
    gone.setAttribute('refId', 'deleted-signal-id')
    gone.setAttribute('label', PAYLOADS[2])
    const withCitations = new Y.XmlElement('paragraph')
    withCitations.insert(0, [cite, gone])
    const image = new Y.XmlElement('image')
    image.setAttribute('src', 'x')
    image.setAttribute('onerror', 'window.__xss=1')
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', '2')
    const headingText = new Y.XmlText()
    heading.insert(0, [headingText])
    body.insert(0, [heading, paragraph, withCitations, image])
    // Text is written once its element is in the document.
    headingText.insert(0, PAYLOADS[4])
    // A link mark with a script URL would be refused whole: the server admits only the editor's
    // marks (formatting.test.ts); the export's handling of one is tested in storyBody.test.ts.
    text.insert(0, ALL)
  })

  // Takeaways: text and who, linked to a story and a trend.
  PAYLOADS.forEach((payload, i) =>
    addTakeaway(b, { text: ALL, who: payload, when: 'now', trendIds: [trends[i]!], storyIds: [stories[i]!.storyId] }, people[i]!),
  )

  // Presence: a name with markup, editing the first trend (the board shows "<name> is editing…").
  present.provider.awareness.setLocalState({
    user: { id: people[1]!.participantId, name: PAYLOADS[2], color: '#aa3300', role: 'participant', stageId: null },
    editing: trends[0]!,
  })

  await waitFor(() => board.provider.synced && control.provider.synced, 10_000, 'the seed to be sent')
  // Written: the server has it once a fresh reader sees it.
  const reader = connectClient(wsUrl, links.id, 'board', { key: links.keys.facilitator })
  await synced(reader)
  await waitFor(
    () => reader.doc.getMap('stories').size === PAYLOADS.length && reader.doc.getMap('takeaways').size === PAYLOADS.length,
    10_000,
    'the seed on the server',
  )
  reader.destroy()

  let draft: TestClient | undefined
  const focusTargets = { signal: signals[0]!, trend: trends[0]!, wheel: trends[0]!, story: stories[0]!.storyId }
  return {
    storyTitle,
    focus: (kind) => setFocus(c, kind === null ? null : { kind, id: focusTargets[kind] }),
    closeAssessment: () => closeAssessment(c, assess.id),
    privateMode: async (on) => {
      setPrivateMode(c, { on })
      if (!on || draft) return
      // A private draft whose owner's name carries markup. Drafts open only during a private
      // round, so it is written once the round has started (the provider retries until then).
      const owner = await mintIdentity(wsUrl.replace(/^ws/, 'http').replace(/\/sync$/, ''), links.id, links.keys.participant)
      draft = connectClient(wsUrl, links.id, draftDocName(randomId()), { key: links.keys.participant, identity: owner.token })
      await synced(draft)
      initDraft(draft.doc, { participantId: owner.participantId, name: PAYLOADS[4] })
      addSignal(draft.doc, { title: `Draft ${PAYLOADS[0]}`, description: ALL }, people[4]!)
    },
    signalTitles: () => [...(b.getMap('signals') as Y.Map<Y.Map<unknown>>).values()].map((entry) => String(entry.get('title'))),
    close: () => [board, control, present, draft].forEach((client: TestClient | undefined) => client?.destroy()),
  }
}
