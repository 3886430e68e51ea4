/**
 * Issue 13, "two people starting at once get a sensible order": two participants (a laptop and a
 * phone) type into the same empty story at the same moment, in real Chromium over the real server.
 * Both paragraphs must stay whole, each its own, in the order the two started, on both screens.
 * Screenshots: tests/screenshots/story-start-<width>.png.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createStory, createTrend, goToStage, joinAsParticipant, readControl } from '../../shared/doc/index.ts'
import { connectClient, synced } from '../support/clients.ts'
import { createWorkshop } from '../support/server.ts'
import { useBrowserAndServer } from './support/app.ts'
import { storyEditorOf, storyParagraphs } from './support/story.ts'
import { browserTestsSkipped, screenshot } from './support/browser.ts'
import { expectConnected, expectStage, openAs, SLOW, type Person } from './support/workshop.ts'

const STORY = 'A Tuesday with Aino'
const POLL = { timeout: 20_000 } as const

describe.skipIf(browserTestsSkipped)('two people starting an empty story at once, in Chromium', () => {
  const app = useBrowserAndServer()

  /** A room on Future stories with one empty story; Anna on a laptop and Ben on a phone in it. */
  async function twoWritersInEmptyStory(): Promise<[Person, Person]> {
    const links = await createWorkshop(app.server.url, {
      title: 'Everyday welfare 2040',
      focalQuestion: 'What will care look like in 2040?',
      horizonYear: 2040,
    })
    const board = connectClient(app.server.wsUrl, links.id, 'board', { key: links.keys.facilitator })
    const control = connectClient(app.server.wsUrl, links.id, 'control', { key: links.keys.facilitator })
    await synced(board, control)
    const sam = { participantId: 'SamSamSamSamSamSamSam1' }
    joinAsParticipant(board.doc, sam, 'Sam')
    const care = createTrend(board.doc, { name: 'Care moves home' }, sam)
    createStory(board.doc, { title: STORY, trendIds: [care], persona: { name: 'Aino', age: 78 } }, sam)
    goToStage(control.doc, readControl(control.doc).stages.find((s) => s.kind === 'stories')!.id)
    const people = await Promise.all([
      openAs(app.browser, app.server, links.links.participant, { name: 'Anna' }),
      openAs(app.browser, app.server, links.links.participant, { name: 'Ben', viewport: 'phone' }),
    ])
    board.destroy()
    control.destroy()
    for (const { page } of people) {
      await expectStage(page, 'Future stories')
      await page.getByRole('button', { name: STORY }).click()
      await storyEditorOf(page).waitFor(SLOW)
      await storyEditorOf(page).click()
    }
    return people
  }

  /** The page's Yjs client id, read from the editor's collaboration extension (test only). */
  const yjsClientId = (page: Page) =>
    storyEditorOf(page).evaluate((el) => {
      type WithEditor = { editor: { extensionManager: { extensions: { name: string; options: { fragment?: { doc: { clientID: number } } } }[] } } }
      const collaboration = (el as unknown as WithEditor).editor.extensionManager.extensions.find((e) => e.name === 'collaboration')
      return collaboration!.options.fragment!.doc.clientID
    })

  /**
   * The start stamps in the page's copy of the story, in block order: each stamped block's first
   * letter and its start time (the server's clock as that page estimates it).
   */
  const stampedStarts = (page: Page) =>
    storyEditorOf(page).evaluate((el) => {
      type Block = { getAttribute(name: string): unknown; toArray(): { toString(): string }[] }
      type WithEditor = { editor: { extensionManager: { extensions: { name: string; options: { fragment?: { toArray(): Block[] } } }[] } } }
      const collaboration = (el as unknown as WithEditor).editor.extensionManager.extensions.find((e) => e.name === 'collaboration')
      return collaboration!.options
        .fragment!.toArray()
        .filter((block) => typeof block.getAttribute === 'function' && block.getAttribute('startedAt') != null)
        .map((block) => ({ at: Number(block.getAttribute('startedAt')), first: block.toArray().join('').charAt(0) }))
    })

  /** Types as an Android keyboard does: each word composed letter by letter, then committed. */
  async function composeWords({ context, page }: Person, text: string): Promise<void> {
    const cdp = await context.newCDPSession(page)
    for (const word of text.split(/(?= )/)) {
      for (let i = 1; i <= word.length; i++) await cdp.send('Input.imeSetComposition', { text: word.slice(0, i), selectionStart: i, selectionEnd: i })
      await cdp.send('Input.insertText', { text: word })
    }
    await cdp.detach()
  }

  async function expectOnBoth(people: readonly Person[], expected: string[]): Promise<void> {
    for (const { page } of people) await expect.poll(() => storyParagraphs(page), POLL).toEqual(expected)
  }

  it('types at the same moment on a laptop and a phone: two whole paragraphs, in start order, on both screens', { timeout: 180_000 }, async () => {
    const [anna, ben] = await twoWritersInEmptyStory()
    const ANNA = 'Aino wakes at seven and the house is already warm.'
    const BEN = 'Her grandson calls from Oulu before breakfast.'

    // Anna's first key goes a moment before Ben's; then both type at once.
    await anna.page.keyboard.type(ANNA[0]!)
    await Promise.all([anna.page.keyboard.type(ANNA.slice(1), { delay: 20 }), ben.page.keyboard.type(BEN, { delay: 20 })])
    // Each start is stamped with the server's time as its page estimates it, good to half a round
    // trip: on a loaded machine that can put Ben's start, a few ms after Anna's, first. Whichever
    // is earlier by the stamps goes first, on both screens, once both starts are in both pages.
    for (const { page } of [anna, ben]) await expect.poll(async () => (await stampedStarts(page)).length, POLL).toBe(2)
    const starts = (await stampedStarts(anna.page)).toSorted((a, b) => a.at - b.at)
    const annaFirst = starts[0]!.first === ANNA[0]
    const inStartOrder = <T>(annas: T, bens: T): T[] => (annaFirst ? [annas, bens] : [bens, annas])
    await expectOnBoth([anna, ben], inStartOrder(ANNA, BEN))
    expect(await stampedStarts(ben.page)).toEqual(await stampedStarts(anna.page))

    // Both carets stayed in their own paragraphs: going on writing extends them.
    await Promise.all([anna.page.keyboard.type(' She opens a window.', { delay: 20 }), ben.page.keyboard.type(' They talk about fish.', { delay: 20 })])
    await expectOnBoth([anna, ben], inStartOrder(`${ANNA} She opens a window.`, `${BEN} They talk about fish.`))

    await screenshot(anna.page, 'story-start-1366')
    // The writer sees whose story this is: the title below the sticky header, not under it; and
    // "I'm done" at the bottom of the window, no empty strip below it.
    const [title, header, bar] = await Promise.all([
      anna.page.locator('.story-head__title').boundingBox(),
      anna.page.locator('.workshop-header').boundingBox(),
      anna.page.locator('.ready-bar').boundingBox(),
    ])
    expect(title!.y).toBeGreaterThanOrEqual(header!.y + header!.height)
    expect(Math.round(bar!.y + bar!.height)).toBe(anna.page.viewportSize()!.height)
    await screenshot(ben.page, 'story-start-360')
    expect([...anna.errors, ...ben.errors]).toEqual([])
    await Promise.all([anna.close(), ben.close()])
  })

  async function earlierStartFirst(typeFirst: (person: Person, text: string) => Promise<void>): Promise<void> {
    const people = await twoWritersInEmptyStory()
    // Yjs alone orders two first paragraphs by client id, the lower first. Make the earlier
    // writer the one with the higher id, so only the start order can put them right.
    const ids = await Promise.all(people.map(({ page }) => yjsClientId(page)))
    const [first, second] = ids[0]! > ids[1]! ? people : [people[1]!, people[0]!]
    const FIRST = 'This one was started on the bus.'
    const SECOND = 'This one was written at the table.'

    // The first writer's device loses the network, and they start the story; then the other does.
    await first.context.setOffline(true)
    await expect.poll(() => first.page.locator('.connection .connection__text').textContent(), POLL).toMatch(/^Offline/)
    await typeFirst(first, FIRST)
    await second.page.keyboard.type(SECOND, { delay: 10 })
    await expect.poll(() => storyParagraphs(second.page), POLL).toEqual([SECOND])

    // Back online: the earlier start ends up first on both screens, and goes on where it was.
    await first.context.setOffline(false)
    await expectConnected(first.page)
    await expectOnBoth(people, [FIRST, SECOND])
    await first.page.keyboard.type(' Then home.', { delay: 10 })
    await expectOnBoth(people, [`${FIRST} Then home.`, SECOND])
    expect(people.flatMap((person) => person.errors)).toEqual([])
    await Promise.all(people.map((person) => person.close()))
  }

  it('puts the earlier start first when the two wrote without seeing each other', { timeout: 180_000 }, async () => {
    await earlierStartFirst((person, text) => person.page.keyboard.type(text, { delay: 10 }))
  })

  it('does the same when the earlier writer’s phone keyboard composes words (no letter repeated)', { timeout: 180_000 }, async () => {
    await earlierStartFirst(composeWords)
  })
})
