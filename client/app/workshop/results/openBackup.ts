/**
 * Opening a backup: a JSON export → `POST /api/workshops/import` → a new workshop. The size is
 * checked against the server's limit before anything is sent; every refusal comes back as a
 * code the page turns into a sentence. The server validates the whole file before it creates
 * anything, so a refused file leaves nothing behind.
 */
import type { ImportRefusal, WorkshopLinks } from '../../../../shared/api.ts'
import { fetchCapabilities } from './resultsApi.ts'

export interface BackupProblem {
  code: ImportRefusal['code'] | 'network' | 'server' | 'empty'
  limit?: number
  fileName: string
  /** The server's own English words, shown small under the translated sentence. */
  detail?: string
}

export type BackupResult = { ok: true; workshop: WorkshopLinks } | { ok: false; problem: BackupProblem }

const KNOWN_CODES: ReadonlySet<string> = new Set(['tooLarge', 'notJson', 'truncated', 'notAnExport', 'newerVersion', 'invalid', 'badDocument'])

export async function openBackup(file: File, fetchImpl: typeof fetch = fetch): Promise<BackupResult> {
  const fileName = file.name
  if (file.size === 0) return { ok: false, problem: { code: 'empty', fileName } }
  const limit = await fetchCapabilities()
    .then((c) => c.maxImportBytes)
    .catch(() => null)
  if (limit !== null && file.size > limit) return { ok: false, problem: { code: 'tooLarge', limit, fileName } }
  let response: Response
  try {
    response = await fetchImpl('/api/workshops/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: file })
  } catch {
    return { ok: false, problem: { code: 'network', fileName } }
  }
  const body = (await response.json().catch(() => null)) as (Partial<ImportRefusal> & Partial<WorkshopLinks>) | null
  if (response.status === 201 && body?.id && body.keys && body.links) return { ok: true, workshop: { id: body.id, keys: body.keys, links: body.links } }
  const code = body?.code && KNOWN_CODES.has(body.code) ? body.code : 'server'
  return { ok: false, problem: { code, limit: body?.limit, fileName, detail: typeof body?.error === 'string' ? body.error.slice(0, 300) : undefined } }
}
