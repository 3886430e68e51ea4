/**
 * The results endpoints, called with this tab's workshop key (never in a URL): exports as
 * downloads, the export capabilities, the history, its replay frames and restores.
 */
import type { ExportCapabilities } from '../../../../shared/api.ts'
import type { ExportFormat } from '../../../../shared/export/formats.ts'
import type { ReplayFrame } from '../../../../shared/history/index.ts'
import { API_WORKSHOPS } from '../../../../shared/protocol.ts'

export interface Credentials {
  workshopId: string
  key: string
}

export interface HistorySnapshotInfo {
  id: number
  createdAt: number
  reason: string
  signals: number
  trends: number
  stories: number
  words: number
  /** Missing in snapshots taken before they were counted. */
  wheelNodes?: number
  takeaways?: number
}

/**
 * A failed request, with the HTTP status (0 when the server could not be reached); `retryLater`
 * when the server said when to try again (Retry-After: it is busy, nothing is wrong).
 */
export class ResultsRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryLater = false,
  ) {
    super(message)
  }
}

async function call(credentials: Credentials, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(`${API_WORKSHOPS}/${encodeURIComponent(credentials.workshopId)}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${credentials.key}` },
      cache: 'no-store',
    })
  } catch {
    throw new ResultsRequestError(0, 'network')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null
    throw new ResultsRequestError(response.status, body?.error ?? `answered ${response.status}`, response.headers.has('retry-after'))
  }
  return response
}

export interface ExportFile {
  blob: Blob
  filename: string
}

/** One export as a file, named as the server names it (title and date). */
export async function fetchExport(credentials: Credentials, format: ExportFormat): Promise<ExportFile> {
  const response = await call(credentials, `/export?format=${format}`)
  const disposition = response.headers.get('content-disposition') ?? ''
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `workshop.${format}`
  return { blob: await response.blob(), filename }
}

export async function fetchCapabilities(): Promise<ExportCapabilities> {
  const response = await fetch('/api/export/capabilities', { cache: 'no-store' })
  if (!response.ok) throw new ResultsRequestError(response.status, 'capabilities')
  return (await response.json()) as ExportCapabilities
}

export async function fetchHistory(credentials: Credentials): Promise<HistorySnapshotInfo[]> {
  const { snapshots } = (await (await call(credentials, '/history')).json()) as { snapshots: HistorySnapshotInfo[] }
  return snapshots
}

export async function fetchReplay(credentials: Credentials): Promise<ReplayFrame[]> {
  const { frames } = (await (await call(credentials, '/history/replay')).json()) as { frames: ReplayFrame[] }
  return frames
}

export async function takeSnapshot(credentials: Credentials): Promise<number> {
  const { id } = (await (await call(credentials, '/history', { method: 'POST' })).json()) as { id: number }
  return id
}

/** Restores a snapshot for everyone; returns the snapshot that undoes it. */
export async function restoreSnapshot(credentials: Credentials, snapshotId: number): Promise<number> {
  const { undoSnapshotId } = (await (await call(credentials, `/history/${snapshotId}/restore`, { method: 'POST' })).json()) as { undoSnapshotId: number }
  return undoSnapshotId
}
