import { afterEach } from 'vitest'
import type { WorkshopLinks } from '../../shared/api.ts'
import { connectClient, type TestClient } from './clients.ts'
import { createWorkshop, startTestServer, tempDataDir, type TestServerOptions } from './server.ts'

export type TestServer = Awaited<ReturnType<typeof startTestServer>>

/** Opens a stock y-websocket client on one of the workshop's rooms with `key` (plus any `params`). */
export type OpenRoom = (docName: string, key: string, params?: Record<string, string>) => TestClient

export interface ServerFixture {
  /** Runs each cleanup after the current test; the last one registered runs first. */
  defer(...cleanup: (() => unknown)[]): void
  /** A fresh data folder, removed after the test. */
  dataDir(): string
  /** A real server on a free loopback port, closed after the test (with its data folder, unless one is given). */
  server(options?: TestServerOptions): Promise<TestServer>
  /** A stock client (see `connectClient`), destroyed after the test. */
  client(...args: Parameters<typeof connectClient>): TestClient
  /**
   * A real server with one workshop on it, and `open` for its rooms. `extensions` opens every
   * client with our extension messages (`ext=1`), as the app does.
   */
  workshop(options?: TestServerOptions & { title?: string; extensions?: boolean }): Promise<{ server: TestServer; workshop: WorkshopLinks; open: OpenRoom }>
}

/**
 * The setup integration tests share: call at the top of a test file. Everything started through
 * it (servers, data folders, clients) is torn down after each test, in reverse order, so a test
 * that fails half-way leaves no server, socket or timer behind.
 *
 * @example
 * const servers = useServers()
 * it('…', async () => {
 *   const { workshop, open } = await servers.workshop({ extensions: true })
 *   const facilitator = open('control', workshop.keys.facilitator)
 * })
 */
export function useServers(): ServerFixture {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!()
  })
  const defer = (...cleanup: (() => unknown)[]) => void cleanups.push(...cleanup)
  const fixture: ServerFixture = {
    defer,
    dataDir() {
      const temp = tempDataDir()
      defer(() => temp.remove())
      return temp.dir
    },
    async server(options = {}) {
      const server = await startTestServer({ ...options, dataDir: options.dataDir ?? fixture.dataDir() })
      defer(() => server.close())
      return server
    },
    client(...args) {
      const client = connectClient(...args)
      defer(() => client.destroy())
      return client
    },
    async workshop({ title, extensions, ...options } = {}) {
      const server = await fixture.server(options)
      const workshop = await createWorkshop(server.url, title === undefined ? undefined : { title })
      const ext: Record<string, string> = extensions ? { ext: '1' } : {}
      const open: OpenRoom = (docName, key, params = {}) => fixture.client(server.wsUrl, workshop.id, docName, { key, ...ext, ...params })
      return { server, workshop, open }
    },
  }
  return fixture
}
