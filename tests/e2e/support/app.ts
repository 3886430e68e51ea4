import type { RunningServer } from '../../../server/app.ts'
import { startTestServer, type TestServerOptions } from '../../support/server.ts'
import { E2E_BUILD_DIR } from '../globalSetup.ts'

/** The real server serving the production build, on a free port. */
export function startAppServer(options: Omit<TestServerOptions, 'staticDir'> = {}): Promise<RunningServer & { wsUrl: string; dataDir: string }> {
  return startTestServer({ ...options, staticDir: E2E_BUILD_DIR })
}

/** A link from the API, pointed at the server the test started (links carry the Host they were made for). */
export function onServer(link: string, server: { url: string }): string {
  const url = new URL(link)
  return `${server.url}${url.pathname}${url.hash}`
}
