import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { catalogues, type Catalogue } from '../../client/i18n/catalogues.ts'
import type { Language } from '../../shared/schema/meta.ts'
import { createWorkshop } from '../support/server.ts'
import { onServer, useBrowserAndServer } from './support/app.ts'
import { browserTestsSkipped, newPerson, screenshot } from './support/browser.ts'
import { SLOW } from './support/workshop.ts'

const text = (language: Language, path: string) =>
  path.split('.').reduce<Catalogue | string>((node, key) => (node as Catalogue)[key]!, catalogues[language]) as string

/**
 * The strings of the facilitator's console and the other tools come in a chunk of their own,
 * loaded with the tool (issue 16's first-stage budget): the console must still show every
 * string, in the language the page starts in and in the one it is switched to, whichever of the
 * two chunks of that language arrives first.
 */
describe.skipIf(browserTestsSkipped)("the tools' strings, loaded with the tools", () => {
  const app = useBrowserAndServer()

  /**
   * A facilitator on a laptop in a new workshop of `language`, named. `beforeOpen` runs before the
   * page loads (to hold back a chunk). The name dialog may come in either language: an English
   * browser follows a Finnish workshop once its language arrives.
   */
  async function facilitatorIn(language: Language, beforeOpen?: (page: Page) => Promise<void>) {
    const links = await createWorkshop(app.server.url, { title: 'Everyday welfare 2040', language })
    const person = await newPerson(app.browser, 'laptop')
    await beforeOpen?.(person.page)
    await person.page.goto(onServer(links.links.facilitator, app.server))
    await person.page.getByLabel(new RegExp(`^(${text('en', 'identity.label')}|${text('fi', 'identity.label')})$`)).fill('Fiona', SLOW)
    await person.page.getByRole('button', { name: new RegExp(`^(${text('en', 'identity.save')}|${text('fi', 'identity.save')})$`) }).click()
    return person
  }

  /** Fails the first download of a language's tools chunk, as a dropped connection would; how many were asked for. */
  async function failFirstToolStrings(page: Page, language: Language): Promise<() => number> {
    let requests = 0
    // On the context, not the page: the app's files are fetched by its service worker once it runs.
    await page
      .context()
      .route(new RegExp(`/toolCatalogue\\.${language}-[\\w-]+\\.js$`), (route) => (requests++ === 0 ? route.abort('internetdisconnected') : route.continue()))
    return () => requests
  }

  /** The browser loses the network and gets it back (its `online` event). */
  async function dropAndRestoreNetwork(context: BrowserContext) {
    await context.setOffline(true)
    await context.setOffline(false)
  }

  /** The header's language switch ("Undo and language" on narrow screens). */
  async function switchTo(page: Page, from: Language, to: Language) {
    const more = page.getByRole('button', { name: text(from, 'workshop.moreTools') })
    if (await more.isVisible()) await more.click()
    await page.getByRole('button', { name: text(to, `language.name.${to}`) }).click()
  }

  /** The console's own buttons, named from the tools' chunk, and no translation key on screen. */
  async function expectConsoleIn(page: Page, language: Language) {
    await expect.poll(() => page.getByRole('button', { name: text(language, 'console.tools.share'), exact: true }).count()).toBe(1)
    await expect.poll(() => page.getByRole('button', { name: text(language, 'console.timer.start') }).count()).toBe(1)
    expect(await keysShown(page)).toEqual([])
  }

  /** Translation keys in the page's text or in its controls' names (`console.more`, `results.history.title`). */
  function keysShown(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const named = [...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label')!)
      return [document.body.innerText, ...named].flatMap(
        (value) => value.match(/\b(?:console|results|screen|admin|signalBank)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*/g) ?? [],
      )
    })
  }

  /**
   * Holds back each language's main chunk a little, so that a switch gets the tools' part first
   * and merges the main part into it (the parts arrive in either order).
   */
  async function mainPartLast(page: Page) {
    await page.context().route(/\/catalogue\.(en|fi)-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await route.continue()
    })
  }

  for (const [start, other] of [
    ['en', 'fi'],
    ['fi', 'en'],
  ] as const) {
    it(`a console opened in ${start} shows its strings, and after a switch to ${other} the other language's`, { timeout: 60_000 }, async () => {
      const { page, context, errors } = await facilitatorIn(start)
      try {
        await expectConsoleIn(page, start)
        await mainPartLast(page)
        await switchTo(page, start, other)
        await expectConsoleIn(page, other)
        await screenshot(page, `tool-strings-${start}-to-${other}`)
        // And back: both chunks of the first language are held already.
        await switchTo(page, other, start)
        await expectConsoleIn(page, start)
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    })
  }

  it('a console whose strings failed to download still opens, and gets them once the browser is back online', { timeout: 60_000 }, async () => {
    let requests = () => 0
    const { page, context, errors } = await facilitatorIn('en', async (page) => void (requests = await failFirstToolStrings(page, 'en')))
    try {
      // The console is there (its timer's readout needs no string)…
      await expect.poll(() => page.locator('.console-timer').count(), SLOW).toBe(1)
      expect(requests()).toBe(1)
      // …and its words come with the network.
      await dropAndRestoreNetwork(context)
      await expectConsoleIn(page, 'en')
      expect(errors.filter((error) => !/toolCatalogue/.test(error))).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("a page switching to the workshop's language switches although that language's tool strings failed once", { timeout: 60_000 }, async () => {
    // An English browser opens a Finnish workshop: the console comes in English, then the page follows the workshop.
    let requests = () => 0
    const { page, context, errors } = await facilitatorIn('fi', async (page) => void (requests = await failFirstToolStrings(page, 'fi')))
    try {
      await expect.poll(() => page.getByRole('heading', { name: text('fi', 'stage.frame.name') }).count(), SLOW).toBeGreaterThan(0)
      expect(requests()).toBe(1)
      await dropAndRestoreNetwork(context)
      await expectConsoleIn(page, 'fi')
      expect(errors.filter((error) => !/toolCatalogue/.test(error))).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('the projector shows its own panels in the workshop language', { timeout: 60_000 }, async () => {
    const links = await createWorkshop(app.server.url, { title: 'Arjen hyvinvointi 2040', language: 'fi' })
    const { page, context, errors } = await newPerson(app.browser, 'projector')
    try {
      await page.goto(onServer(links.links.screen, app.server))
      await expect.poll(() => page.getByRole('heading', { name: text('fi', 'screen.join.title') }).count(), SLOW).toBe(1)
      expect(await keysShown(page)).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await context.close()
    }
  })
})
