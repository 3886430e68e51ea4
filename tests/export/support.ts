import Database from 'better-sqlite3'
import { join } from 'node:path'
import type { WorkshopLinks } from '../../shared/api.ts'
import { exportWorkshopJson, type ExportInput } from '../../shared/export/index.ts'
import { startTestServer, type TestServerOptions } from '../support/server.ts'

export type TestServer = Awaited<ReturnType<typeof startTestServer>>

export interface ExportServer {
  server: TestServer
  /** Where the export and import endpoints answer. */
  exportUrl: string
  close(): Promise<void>
}

/** The real server, in-process; the export and import endpoints answer on it. */
export async function startExportServer(options: TestServerOptions = {}): Promise<ExportServer> {
  const server = await startTestServer(options)
  return { server, exportUrl: server.url, close: () => server.close() }
}

/** Creates a workshop holding `workshop`'s content through the import endpoint. */
export async function importInto(exportUrl: string, workshop: ExportInput): Promise<WorkshopLinks> {
  const res = await fetch(`${exportUrl}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exportWorkshopJson(workshop, { generatedAt: new Date() }),
  })
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as WorkshopLinks
}

export function exportRequest(exportUrl: string, id: string, format: string, key?: string, query = ''): Promise<Response> {
  return fetch(`${exportUrl}/api/workshops/${id}/export?format=${format}${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} })
}

/** Workshops in the store, counted straight from the SQLite file (the store has no list call). */
export function countWorkshops(dataDir: string): number {
  return countRows(dataDir, 'workshops')
}

/** Documents' snapshot rows in the store, of every workshop. */
export function countStoredSnapshots(dataDir: string): number {
  return countRows(dataDir, 'doc_snapshots')
}

function countRows(dataDir: string, table: 'workshops' | 'doc_snapshots'): number {
  const db = new Database(join(dataDir, 'workshops.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  } finally {
    db.close()
  }
}
