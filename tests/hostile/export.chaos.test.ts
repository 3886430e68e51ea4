import { get } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { WorkshopLinks } from '../../shared/api.ts'
import { browserTestsSkipped } from '../e2e/support/browser.ts'
import { synced } from '../support/clients.ts'
import { useServers } from '../support/fixture.ts'
import { honestExportFile } from './support/honestImport.ts'
import { expectLoopBounded, openArena, watchHealth } from './support/harness.ts'

/**
 * The slow half of export.test.ts (`npm run test:chaos`): the PDF of a board at the size limit,
 * about 1,500 A4 pages that Chromium takes a minute or more to print. Before the PDF thread, the
 * HTML going to Chromium and the PDF coming back went through the main thread's protocol client:
 * 550 ms of CPU in one turn. With a join of another workshop meanwhile.
 */
const servers = useServers()

function getPdf(url: string, key: string): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${key}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

describe('PDFs of a board at the size limit', { timeout: 1_500_000 }, () => {
  it('print in their own thread while another workshop joins and /healthz answers', async () => {
    if (browserTestsSkipped) return
    // The print may take minutes while the other chaos tests load the machine too.
    const file = honestExportFile(3_000, 1_800)
    const arena = await openArena({ PDF_BUDGET_MS: String(20 * 60_000) })
    servers.defer(() => arena.close())
    const res = await fetch(`${arena.server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file })
    expect(res.status).toBe(201)
    const big = (await res.json()) as WorkshopLinks
    const health = await watchHealth(arena.server.url)
    // node:http, not fetch: fetch gives up on answers whose headers take over 5 minutes.
    const printing = getPdf(`${arena.server.url}/api/workshops/${big.id}/export?format=pdf`, big.keys.facilitator)
    const joiner = servers.client(arena.server.wsUrl, arena.bystander.id, 'board', { key: arena.bystander.keys.participant })
    await synced(joiner)
    const { status, bytes } = await printing
    expect(status).toBe(200)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.byteLength).toBeGreaterThan(5e6)
    await expectLoopBounded(`PDF of a board at the size limit (${(bytes.byteLength / 1e6).toFixed(1)} MB) with a join`, health, arena.server.url)
  })
})
