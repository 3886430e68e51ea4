import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import type { RunningServer } from '../../../server/app.ts'
import { startTestServer, type TestServerOptions } from '../../support/server.ts'
import { E2E_BUILD_DIR } from '../globalSetup.ts'
import { launchChromium } from './browser.ts'

type AppServer = RunningServer & { wsUrl: string; dataDir: string }

/** The real server serving the production build, on a free port. */
export function startAppServer(options: Omit<TestServerOptions, 'staticDir'> = {}): Promise<AppServer> {
  return startTestServer({ ...options, staticDir: E2E_BUILD_DIR })
}

/** A link from the API, pointed at the server the test started (links carry the Host they were made for). */
export function onServer(link: string, server: { url: string }): string {
  const url = new URL(link)
  return `${server.url}${url.pathname}${url.hash}`
}

export interface BrowserAndServer<S> {
  readonly browser: Browser
  readonly server: S
}

/**
 * Chromium and the app's server for the tests of one `describe`, started side by side before the
 * first test and closed after the last (after the describe's own `afterAll`s, which may still hold
 * pages). `start` is the server to run: the production build on a free port unless a test needs limits.
 *
 * @example
 * const app = useBrowserAndServer()
 * it('…', async () => { const { page } = await newPerson(app.browser); await page.goto(app.server.url) })
 */
export function useBrowserAndServer(): BrowserAndServer<AppServer>
export function useBrowserAndServer<S extends { close(): Promise<unknown> }>(start: () => Promise<S>): BrowserAndServer<S>
export function useBrowserAndServer(start: () => Promise<{ close(): Promise<unknown> }> = startAppServer): BrowserAndServer<unknown> {
  let browser: Browser | undefined
  let server: { close(): Promise<unknown> } | undefined
  beforeAll(async () => {
    // Side by side; whichever started is closed in afterAll even when the other failed.
    const [launched, listening] = await Promise.allSettled([launchChromium(), start()])
    if (launched.status === 'fulfilled') browser = launched.value
    if (listening.status === 'fulfilled') server = listening.value
    for (const outcome of [launched, listening]) if (outcome.status === 'rejected') throw outcome.reason
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser and the server start in beforeAll: use them inside a test or hook')
    return value
  }
  return {
    get browser() {
      return started(browser)
    },
    get server() {
      return started(server)
    },
  }
}
