import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { exportHtml } from '../../shared/export/index.ts'
import { buildFinnishWheelWorkshop } from '../../shared/export/testing/finnishWheel.ts'
import { buildFullWorkshop, hostileText } from '../../shared/export/testing/workshops.ts'
import { SCREENSHOT_DIR, VIEWPORTS, browserTestsSkipped, launchChromium } from '../e2e/support/browser.ts'

const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }

/** What a page did that it should not have: dialogs, console output, errors, blocked loads. */
interface Activity {
  dialogs: string[]
  console: string[]
  errors: string[]
  requests: string[]
}

/**
 * Opens `html` with JavaScript on (so a payload that became a script would run) and every way
 * of noticing it hooked: alert and friends, console, page errors, network requests, and CSP
 * violations (which would mean markup survived and tried something).
 */
async function open(browser: Browser, html: string): Promise<{ page: Page; activity: Activity }> {
  const page = await browser.newPage()
  const activity: Activity = { dialogs: [], console: [], errors: [], requests: [] }
  page.on('dialog', (dialog) => {
    activity.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('console', (message) => activity.console.push(message.text()))
  page.on('pageerror', (error) => activity.errors.push(error.message))
  // Served from a made-up origin, as if opened from a mail or a disk: a real navigation, so the
  // init script and the page's own CSP apply as they would for a reader.
  const address = 'http://report.invalid/report.html'
  await page.route('**/*', (route) =>
    route.request().url() === address ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
  )
  page.on('request', (request) => {
    if (request.url() !== address) activity.requests.push(request.url())
  })
  await page.addInitScript(() => {
    const w = window as unknown as { __ran: string[] }
    w.__ran = []
    for (const name of ['alert', 'confirm', 'prompt'] as const)
      window[name] = ((...args: unknown[]) => void w.__ran.push(`${name}(${args.join(',')})`)) as never
    document.addEventListener('securitypolicyviolation', (event) => w.__ran.push(`csp:${event.violatedDirective}`))
  })
  await page.goto(address, { waitUntil: 'load' })
  return { page, activity }
}

/** Elements and attributes that could run or load something; all must be absent. */
async function activeContent(page: Page): Promise<{ elements: string[]; handlers: string[]; badLinks: string[]; ran: string[] }> {
  // Hover and focus everything once: an `onmouseover` that slipped through would fire now.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('body *')) {
      element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
      element.dispatchEvent(new FocusEvent('focus'))
    }
  })
  return page.evaluate(() => ({
    elements: [
      ...document.querySelectorAll(
        'script, img, svg:not(.wheel-picture), .wheel-picture :not(title, ellipse, text, tspan, line, g, rect, circle, path), iframe, object, embed, form, input, link, base, meta[http-equiv="refresh"]',
      ),
    ].map((e) => e.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}[${a.name}]`),
    ),
    badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => !/^(https?:\/\/|#[a-z]+(-\d+)?$)/.test(href)),
    ran: (window as unknown as { __ran: string[] }).__ran,
  }))
}

describe.skipIf(browserTestsSkipped)('HTML export in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('notices a payload that does run (the control for the tests below)', async () => {
    const { page, activity } = await open(browser, '<!doctype html><p>x</p><img src=x onerror=alert(1)><b onmouseover=alert(2)>y</b>')
    const seen = await activeContent(page)
    expect(seen.ran).toEqual(expect.arrayContaining(['alert(1)', 'alert(2)']))
    expect(seen.elements.length).toBeGreaterThan(0)
    expect(seen.handlers).toEqual(['IMG[onerror]', 'B[onmouseover]'])
    expect(activity.requests).toEqual(['http://report.invalid/x'])
    await page.close()
  })

  it('renders every injection payload as inert text: nothing runs, loads or links to javascript:', async () => {
    const html = exportHtml(buildFullWorkshop({ text: hostileText() }), options)
    const { page, activity } = await open(browser, html)
    expect(await activeContent(page)).toEqual({ elements: [], handlers: [], badLinks: [], ran: [] })
    expect(activity).toEqual({ dialogs: [], console: [], errors: [], requests: [] })
    const visible = await page.evaluate(() => document.body.innerText)
    expect(visible).toContain('<script>alert(1)</script>')
    expect(visible).toContain('<img src=x onerror=alert(1)>')
    await page.close()
  })

  it('stays inert without its Content-Security-Policy: the escaping alone holds', async () => {
    const html = exportHtml(buildFullWorkshop({ text: hostileText() }), options).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    expect(html).not.toContain('Content-Security-Policy')
    const { page, activity } = await open(browser, html)
    expect(await activeContent(page)).toEqual({ elements: [], handlers: [], badLinks: [], ran: [] })
    expect(activity.dialogs).toEqual([])
    await page.close()
  })

  it('is a readable report on screen and in print (screenshots in tests/screenshots)', async () => {
    const html = exportHtml(buildFullWorkshop(), options)
    const { page, activity } = await open(browser, html)
    await page.setViewportSize({ width: 1100, height: 900 })
    const headings = await page.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent))
    expect(headings).toEqual(['Contents', 'Future stories', 'Trends and driving forces', 'Unsorted signals', 'Futures wheels', 'Takeaways'])
    // Every internal link lands somewhere.
    const dangling = await page.evaluate(() =>
      [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!).filter((href) => !document.getElementById(href.slice(1))),
    )
    expect(dangling).toEqual([])
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'export-html.png'), fullPage: true })
    // Every wheel at its own size, never blown up past it: a wheel of one consequence was drawn
    // at 3× with 40 px text, beside a full one at 0.7×.
    const wheelScales = await page
      .locator('.wheel-picture')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width))
    expect(wheelScales.length).toBeGreaterThanOrEqual(2)
    for (const scale of wheelScales) expect(scale).toBeLessThanOrEqual(1.01)
    const figures = page.locator('.wheel-figure')
    for (let i = 0; i < (await figures.count()); i++) await figures.nth(i).screenshot({ path: join(SCREENSHOT_DIR, `export-html-wheel-${i + 1}.png`) })
    // Print: A4 width at 96 dpi, print stylesheet on (pdftoppm is not available to render the PDF itself).
    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: 794, height: 1123 })
    const printed = await page.evaluate(() => getComputedStyle(document.querySelector('.story + .story')!).breakBefore)
    expect(printed).toBe('page')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'export-html-print.png'), fullPage: true })
    expect(activity.errors).toEqual([])
    await page.close()
  })

  it('shows a full Finnish wheel readably: every line inside its box in the real font, on screen and across a printed page', async () => {
    const { page, activity } = await open(browser, exportHtml(buildFinnishWheelWorkshop(), options))
    await page.setViewportSize(VIEWPORTS.smallProjector)
    const picture = page.locator('.wheel-figure:not(.wheel-branch) .wheel-picture')
    // Where each line really starts and ends in its box, as Chromium sets it in the font it has.
    const outside = await picture.evaluate((svg) =>
      [...svg.querySelectorAll('g[transform] > text')].flatMap((text) => {
        const width = Number(text.parentElement!.querySelector('rect')!.getAttribute('width'))
        return [...text.querySelectorAll('tspan')]
          .filter((line) => line.getNumberOfChars() > 0)
          .map((line) => ({
            line: line.textContent,
            start: line.getStartPositionOfChar(0).x,
            end: line.getEndPositionOfChar(line.getNumberOfChars() - 1).x,
            width,
          }))
          .filter(({ start, end, width }) => start < 9 || end > width - 9)
      }),
    )
    expect(outside).toEqual([])
    // Wider than the column, it takes the window's width rather than shrinking its text to 6 px.
    const scale = await picture.evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width)
    expect(scale).toBeGreaterThanOrEqual(0.6)
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.locator('.wheel-figure:not(.wheel-branch)').screenshot({ path: join(SCREENSHOT_DIR, 'export-html-wheel-fi.png') })
    // On screen the wheel alone: its branches as trees are for print.
    const trees = page.locator('.wheel-branch .wheel-picture')
    expect(await trees.count()).toBeGreaterThan(1)
    await expect.poll(() => trees.first().isVisible()).toBe(false)
    await page.emulateMedia({ media: 'print' })
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.part-wheels')!).page)).toBe('wheels')
    // Printed across A4 (273 mm between the margins, at 96 px an inch): the whole wheel's text is
    // small, so its branches print again as trees whose text is at least 9 pt (12 px).
    await page.setViewportSize({ width: 1032, height: 700 })
    const textPx = (svg: Element) => (14 * svg.getBoundingClientRect().width) / (svg as SVGSVGElement).viewBox.baseVal.width
    expect(await picture.evaluate(textPx)).toBeLessThan(10.7)
    // Each says on paper which branches it shows, in the workshop's language.
    const captions = await page.locator('.wheel-branch__caption').allTextContents()
    expect(captions).toHaveLength(await trees.count())
    for (const caption of captions) expect(caption).toMatch(/^Haarat? \d+(–\d+)?\/6$/)
    for (let i = 0; i < (await trees.count()); i++) {
      expect(await trees.nth(i).isVisible()).toBe(true)
      expect(await trees.nth(i).evaluate(textPx)).toBeGreaterThanOrEqual(12)
      await page
        .locator('.wheel-branch')
        .nth(i)
        .screenshot({ path: join(SCREENSHOT_DIR, `export-print-wheel-fi-branches-${i + 1}.png`) })
    }
    expect(activity.errors).toEqual([])
    await page.close()
  })
})
