import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from '../../../server/export/pdf.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
export const SCREENSHOT_DIR = join(root, 'tests', 'screenshots')

export const CHROMIUM_PATH = chromiumPath()

/**
 * Browser tests need Debian's Chromium, and a missing browser fails them: a run that skipped them
 * quietly would look green. A developer without Chromium opts out explicitly with
 * `S2S_SKIP_BROWSER=1` (the tests are then reported as skipped); CI never does (`.ci/run` refuses it).
 */
const optedOut = process.env.S2S_SKIP_BROWSER === '1' && !process.env.CI
export const browserTestsSkipped = optedOut && !existsSync(CHROMIUM_PATH)
if (!existsSync(CHROMIUM_PATH) && !optedOut) {
  throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium), or set S2S_SKIP_BROWSER=1 to skip the browser tests`)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  laptop: { width: 1366, height: 768 },
  projector: { width: 1920, height: 1080 },
  smallProjector: { width: 1280, height: 720 },
} as const
export type ViewportName = keyof typeof VIEWPORTS

/** A fresh context (its own storage, as another person's browser) that fails the test on page errors. */
export async function newPerson(
  browser: Browser,
  viewport: ViewportName = 'laptop',
  { samePerson = 'someoneElse' }: { samePerson?: 'someoneElse' | 'ask' } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport] })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  if (samePerson === 'someoneElse') await answerSamePersonAsSomeoneElse(page)
  return { context, page, errors }
}

/**
 * A facilitator's device named as someone already on the board is asked whether that is them
 * (SamePersonDialog). Tests open the facilitator link on several devices under one name, each a
 * person of its own as before: "No, I'm someone else" is answered whenever the question stands in
 * the way of an action. A test of the question itself opens its device with `samePerson: 'ask'`.
 */
export async function answerSamePersonAsSomeoneElse(page: Page): Promise<void> {
  const question = page.getByRole('dialog', {
    name: /^(.+ (is already in this workshop|on jo tässä työpajassa)|Are you already in this workshop\?|Oletko jo tässä työpajassa\?)$/,
  })
  await page.addLocatorHandler(question, async () => {
    await question.getByRole('button', { name: /^(No, I'm someone else|En, olen joku muu)$/ }).click()
  })
}

/** Saves what the page shows to tests/screenshots/<name>.png; a name may hold a folder ("room/…"). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  mkdirSync(dirname(path), { recursive: true })
  // Finite animations run to their end (a dialog caught fading in showed the page through it).
  await page.screenshot({ path, fullPage: false, animations: 'disabled' })
}
