/**
 * Helpers for browser tests that run a whole workshop: open a role's link as another person's
 * device (naming them in the dialog, as a user does), move the room on from the facilitator's
 * console, and read what a page shows (stage, clusters, ranking) through roles and names.
 */
import { expect } from 'vitest'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { onServer } from './app.ts'
import { answerSamePersonAsSomeoneElse, newPerson, VIEWPORTS, type ViewportName } from './browser.ts'

/** Generous: two shared cores, several Chromium contexts and a build running elsewhere. */
export const SLOW = { timeout: 20_000 } as const

export interface Person {
  context: BrowserContext
  page: Page
  /** Uncaught errors in the page (`pageerror`). */
  errors: string[]
  /** Messages of any alert / confirm / prompt the page opened (each is dismissed). */
  dialogs: string[]
  close(): Promise<void>
}

export interface OpenOptions {
  viewport?: ViewportName
  /** Typed into "What should we call you?" when it asks (participants and facilitators, once). */
  name?: string
  /**
   * Open without the app's Content-Security-Policy, so an escaping bug would really run its
   * script instead of being stopped by the CSP (the XSS test wants the escaping tested alone).
   */
  bypassCSP?: boolean
  /** Wait until the page says "Connected" (default true). */
  waitConnected?: boolean
  /** The same-person question of a facilitator's device: answered "someone else", or left to the test (see newPerson). */
  samePerson?: 'someoneElse' | 'ask'
}

/** A fresh browser context (another person's device) on `link`, named and connected. */
export async function openAs(browser: Browser, server: { url: string }, link: string, options: OpenOptions = {}): Promise<Person> {
  const viewport = options.viewport ?? 'laptop'
  let context: BrowserContext
  let page: Page
  let errors: string[]
  if (options.bypassCSP) {
    context = await browser.newContext({ viewport: VIEWPORTS[viewport], bypassCSP: true })
    page = await context.newPage()
    errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    if (options.samePerson !== 'ask') await answerSamePersonAsSomeoneElse(page)
  } else {
    ;({ context, page, errors } = await newPerson(browser, viewport, { samePerson: options.samePerson }))
  }
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => {})
  })
  await page.goto(onServer(link, server))
  if (options.name !== undefined) await giveName(page, options.name)
  if (options.waitConnected !== false) await expectConnected(page)
  return { context, page, errors, dialogs, close: () => context.close() }
}

/** Answers the name dialog the app opens on a first visit (in English, or in a Finnish workshop's Finnish). */
export async function giveName(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /^(What should we call you\?|Millä nimellä sinut näytetään\?)$/ })
  await dialog.waitFor(SLOW).catch(async (error: Error) => {
    // Say what the page shows instead, to tell a slow start from a broken page.
    const shown = await page
      .locator('body')
      .ariaSnapshot({ timeout: 5_000 })
      .catch(() => '(unreadable)')
    throw new Error(`${error.message}\nThe page shows instead:\n${shown.slice(0, 3000)}`)
  })
  await dialog.getByLabel(/^(Your name|Nimesi)$/).fill(name)
  await dialog.getByRole('button', { name: /^(Save|Tallenna)$/ }).click()
  await dialog.waitFor({ state: 'hidden', ...SLOW })
}

/**
 * The page says it is connected, in English or Finnish: a Finnish workshop's page starts in the
 * browser's English and turns Finnish when the workshop's language arrives, which may come first.
 */
export async function expectConnected(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /^(Connected|Yhdistetty)$/ })
          .count(),
      SLOW,
    )
    .toBeGreaterThan(0)
}

/**
 * The heading naming the stage a page shows: the stage area's level-2 heading for participants
 * and the facilitator, the projector bar's level-1 heading on the screen.
 */
export function stageHeading(page: Page, stage: string, role: 'screen' | 'other' = 'other'): Locator {
  return page.getByRole('heading', { level: role === 'screen' ? 1 : 2, name: stage, exact: true })
}

/** The stage is on the page: its heading, and its own view (code-split) loaded under it. */
export async function expectStage(page: Page, stage: string, role: 'screen' | 'other' = 'other'): Promise<void> {
  await expect.poll(() => stageHeading(page, stage, role).count(), SLOW).toBe(1)
  await expect.poll(() => page.locator('.stage-loading').count(), SLOW).toBe(0)
}

/**
 * The facilitator moves the room on with "Next: <stage>". When leaving would lose or hide
 * something (private cards, an open vote, a running timer) the console asks first under its
 * toolbar; this answers "Go to <stage> anyway". Returns whether it asked.
 */
export async function advance(facilitator: Page, next: string): Promise<boolean> {
  await facilitator.getByRole('button', { name: `Next: ${next}` }).click()
  const anyway = facilitator.getByRole('button', { name: `Go to ${next} anyway` })
  let asked = false
  await expect
    .poll(async () => {
      if ((await stageHeading(facilitator, next).count()) === 1) return true
      if (await anyway.isVisible()) {
        asked = true
        await anyway.click()
      }
      return false
    }, SLOW)
    .toBe(true)
  return asked
}

/** Escapes text for use inside a RegExp. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The trends a participant's or facilitator's board shows, in order, each as
 * "name: card | card | card" (card titles read from each card's "Move or link “…”" button).
 */
export async function readClusters(page: Page): Promise<string[]> {
  const articles = page.getByRole('region', { name: /^Trends\b/ }).getByRole('article')
  const clusters: string[] = []
  for (const article of await articles.all()) {
    const name = (await article.getByRole('heading').first().textContent())?.trim() ?? ''
    const labels = await article
      .getByRole('button', { name: /^Move or link “/ })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''))
    const cards = labels.map((label) => label.replace(/^Move or link “/, '').replace(/”$/, ''))
    clusters.push(`${name}: ${cards.join(' | ')}`)
  }
  return clusters
}

/**
 * The projector's trends, each as "name: card | card". The cards are read-only there (a title and
 * a category tag); each is named by the known title its text starts with.
 */
export async function readProjectorClusters(page: Page, knownTitles: readonly string[]): Promise<string[]> {
  const articles = page.getByRole('region', { name: 'Trends', exact: true }).getByRole('article')
  const clusters: string[] = []
  for (const article of await articles.all()) {
    const name = (await article.getByRole('heading').first().textContent())?.trim() ?? ''
    const texts = await article.getByRole('listitem').allTextContents()
    const cards = texts.map((text) => knownTitles.find((title) => text.trim().startsWith(title)) ?? `?${text}`)
    clusters.push(`${name}: ${cards.join(' | ')}`)
  }
  return clusters
}

/** The titles on the signal wall, in wall order. */
export async function readWall(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Signal wall', exact: true }).getByRole('heading', { level: 3 }).allTextContents()
}

/**
 * The assessment result in words ("Dots and positions"): one line per trend with its name, where
 * the group put it, its spread and its dots. The facilitator's key-driver toggles are left out.
 */
export async function readRanking(page: Page): Promise<string[]> {
  const items = page.getByRole('region', { name: 'Dots and positions' }).getByRole('listitem')
  const lines: string[] = []
  for (const item of await items.all()) {
    const paragraphs = await item.getByRole('paragraph').allInnerTexts()
    lines.push(paragraphs.map((text) => text.replace(/\s+/g, ' ').trim()).join(' / '))
  }
  return lines
}

/** Drags with real pointer moves (dnd-kit starts a drag after a few pixels, then follows the pointer). */
export async function dragWithMouse(page: Page, from: Locator, to: Locator, over: RegExp = /^Over /): Promise<void> {
  await from.scrollIntoViewIfNeeded()
  const start = await from.boundingBox()
  if (!start) throw new Error('the card to drag is not on screen')
  const x0 = start.x + start.width / 2
  const y0 = start.y + start.height / 2
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  // Past the 6 px activation distance first, then to the target.
  await page.mouse.move(x0 + 12, y0 + 4, { steps: 4 })
  // As a person does: move onto the target and let go only once the board says what the card is
  // over. The target is measured again on each try, since the board may still be settling after
  // the last change (a slow machine renders it later than the pointer moves).
  let heard = ''
  for (let attempt = 0; attempt < 20; attempt++) {
    const end = await to.boundingBox()
    if (!end) throw new Error('the drop target is not on screen')
    const x1 = end.x + end.width / 2 + (attempt % 2 === 0 ? 2 : -2)
    const y1 = end.y + end.height / 2
    await page.mouse.move(x1, y1, { steps: attempt === 0 ? 15 : 2 })
    heard = await dragAnnouncement(page)
    if (over.test(heard.replace(/^Picked up “[^”]*”\.\s*/, ''))) break
    await page.waitForTimeout(250)
  }
  await page.mouse.up()
  if (!over.test(heard.replace(/^Picked up “[^”]*”\.\s*/, ''))) throw new Error(`the drag never came over its target; the board said: ${heard || 'nothing'}`)
}

/**
 * What dnd-kit's live region says now ("Picked up …", "Over trend …"): what a screen-reader user
 * hears during a drag. Other live regions on the page (connection, the app's own announcer) are left out.
 */
export async function dragAnnouncement(page: Page): Promise<string> {
  const texts = await page.getByRole('status').allTextContents()
  return texts.filter((text) => /Picked up “|^Over |is not over a trend|stays where it was|moved to “|New trend with “/.test(text)).join(' ')
}

/** Adds a card through the "Add a signal" form (its title, then Enter), and waits for the app's confirmation. */
export async function addCard(page: Page, title: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Add a signal' })
  await form.getByLabel('What did you notice?').fill(title)
  await form.getByLabel('What did you notice?').press('Enter')
  // "… to the wall.", "… to your private cards." in a private round, or "Kept … on this device" offline.
  const confirmed = page.getByText(`Added “${title}” to `).or(page.getByText(`Kept “${title}” on this device`))
  await expect.poll(() => confirmed.count(), SLOW).toBeGreaterThan(0)
}

/** Closes voting from the console, as a facilitator does (asked again when someone has not finished). */
export async function closeVoting(facilitator: Page): Promise<void> {
  const close = facilitator.getByRole('button', { name: /^(Close voting and show results|Close anyway)$/ })
  await expect
    .poll(async () => {
      if ((await facilitator.getByRole('heading', { name: 'Voting is closed' }).count()) > 0) return true
      if (await close.isVisible()) await close.click()
      return false
    }, SLOW)
    .toBe(true)
}
