import { Agent, get } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startTestServer } from './support/server.ts'

let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

/** GETs `/healthz` through `agent`, answering with the local port of the connection it went on. */
function healthOn(agent: Agent): Promise<{ status: number; keepAlive: string | undefined; port: number }> {
  return new Promise((resolve, reject) => {
    get(`${server.url}/healthz`, { agent }, (res) => {
      const port = res.socket.localPort ?? 0
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, keepAlive: res.headers['keep-alive']?.toString(), port }))
    }).on('error', reject)
  })
}

// A client that waits a few seconds between requests (a facilitator's export after a pause, a
// proxy between two page loads) goes on the connection it kept: the server does not close it
// under the client after Node's 5 s default, where a request in flight would be lost.
it('keeps an idle connection open past a quiet spell of several seconds', { timeout: 20_000 }, async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const first = await healthOn(agent)
  expect(first.status).toBe(200)
  expect(first.keepAlive).toBe('timeout=65')
  await new Promise((resolve) => setTimeout(resolve, 6_000))
  const second = await healthOn(agent)
  expect(second.status).toBe(200)
  expect(second.port).toBe(first.port)
  agent.destroy()
})
