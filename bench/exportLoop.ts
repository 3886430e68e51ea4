/**
 * The server's longest main-thread turn (ms of CPU, `s2s_event_loop_task_cpu_max_seconds`) while
 * it exports a board at the size limit, one fresh child server per format (copied from one data
 * directory holding the imported board, so that each figure is that export's alone), then twenty
 * exports at once with another workshop's join. Not part of `npm run bench`: a board this size
 * prints as ~1,500 PDF pages, minutes on a busy machine.
 *
 *   npx tsx bench/exportLoop.ts                     # every format, then twenty at once
 *   EXPORT_FORMATS=md,json npx tsx bench/exportLoop.ts
 *
 * Run it on two checkouts for a before and after; compare the figures within one run's machine load.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startChildServer, type ChildServer } from '../tests/support/childServer.ts'
import { connectClient } from '../tests/support/clients.ts'
import { createWorkshop } from '../tests/support/server.ts'
import { honestExportFile } from '../tests/hostile/support/honestImport.ts'
import type { WorkshopLinks } from '../shared/api.ts'

async function longestTaskMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text()
  return Math.round(Number(/^s2s_event_loop_task_cpu_max_seconds (\S+)$/m.exec(text)?.[1] ?? NaN) * 1000)
}

const file = honestExportFile(3_000, 1_800)
const base = mkdtempSync(join(tmpdir(), 's2s-test-bench-'))
const first = await startChildServer(base)
const imported = await fetch(`${first.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file })
const big = (await imported.json()) as WorkshopLinks
const other = await createWorkshop(first.url, { title: 'Other' })
console.log(`import of ${(file.length / 1e6).toFixed(1)} MB: ${imported.status}`)
await first.stop()

async function fresh(): Promise<{ server: ChildServer; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 's2s-test-bench-'))
  cpSync(base, dir, { recursive: true })
  const server = await startChildServer(dir)
  return { server, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
const exportOf = (url: string, format: string) =>
  fetch(`${url}/api/workshops/${big.id}/export?format=${format}`, { headers: { authorization: `Bearer ${big.keys.facilitator}` } })

for (const format of (process.env.EXPORT_FORMATS ?? 'md,html,csv,json,pdf').split(',')) {
  const { server, remove } = await fresh()
  const started = await longestTaskMs(server.url)
  const t0 = performance.now()
  const res = await exportOf(server.url, format)
  const bytes = (await res.arrayBuffer()).byteLength
  console.log(
    `${format}: ${res.status}, ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms; longest turn ${await longestTaskMs(server.url)} ms of CPU (${started} after the start)`,
  )
  await server.kill()
  remove()
}

{
  const { server, remove } = await fresh()
  const t0 = performance.now()
  const all = Array.from({ length: 20 }, (_, i) =>
    exportOf(server.url, ['md', 'html', 'csv', 'json'][i % 4]!).then(async (res) => (await res.arrayBuffer(), res.status)),
  )
  const joined = performance.now()
  const client = connectClient(server.wsUrl, other.id, 'board', { key: other.keys.participant })
  while (!client.provider.synced) await new Promise((resolve) => setTimeout(resolve, 5))
  const joinMs = Math.round(performance.now() - joined)
  const statuses = await Promise.all(all)
  const count = (status: number) => statuses.filter((s) => s === status).length
  console.log(
    `20 at once: ${count(200)} × 200, ${count(503)} × 503 in ${Math.round(performance.now() - t0)} ms; the join synced in ${joinMs} ms; longest turn ${await longestTaskMs(server.url)} ms of CPU`,
  )
  client.destroy()
  await server.kill()
  remove()
}
rmSync(base, { recursive: true, force: true })
