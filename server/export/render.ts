import * as Y from 'yjs'
import { exportHtml, exportMarkdown, exportSignalsCsv, exportWorkshopJson, readExportSnapshot } from '../../shared/export/index.ts'
import type { ExportFormat } from '../../shared/export/formats.ts'
import { checkUpdate } from '../sync/updateGuard.ts'
import { STORED_GUARD } from '../sync/load/foldProtocol.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'

/** What a render needs: the documents as bytes, never live objects, so that it runs in any thread. */
export interface RenderRequest {
  format: ExportFormat
  /** The board: a loaded room's whole state (one update), or its rows as stored. */
  board: Uint8Array[]
  /** Whether `board` holds stored rows: those are checked with the stored-log guard, as a load checks them. */
  stored: boolean
  /** The control document's whole state. */
  control: Uint8Array
  includeParticipants: boolean
  /** The export date (ms since the epoch): an input, so that the bytes depend on the documents alone. */
  generatedAt: number
}

export interface Rendered {
  /** The workshop's title, for the file name. */
  title: string
  /** The file as UTF-8; for `pdf`, the HTML report Chromium prints. */
  bytes: Uint8Array
}

/**
 * Renders an export from the documents' bytes, as the endpoint did from the rooms: same snapshot,
 * same functions, same bytes. It runs in a worker thread of the load pool (loadPool.renderExport):
 * building and rendering a board of several MB takes hundreds of ms of CPU, which on the main
 * thread would hold every workshop on the server.
 *
 * @example
 * const { title, bytes } = renderExport({ format: 'md', board: [state], stored: false, control, includeParticipants: true, generatedAt: Date.now() })
 */
export function renderExport(request: RenderRequest): Rendered {
  const board = newDoc()
  for (const row of request.board) {
    try {
      // A row the guard refuses is one a load would quarantine: the room would not show it either.
      if (request.stored && !checkUpdate(board, 'board', row, STORED_GUARD).ok) continue
      Y.applyUpdate(board, row)
    } catch {
      // Unreadable: left out, as a load leaves it out.
    }
  }
  const control = newDoc()
  Y.applyUpdate(control, request.control)
  try {
    const docs = { board, control }
    const options = { includeParticipants: request.includeParticipants, generatedAt: new Date(request.generatedAt) }
    const snapshot = readExportSnapshot(docs)
    const text =
      request.format === 'md'
        ? exportMarkdown(snapshot, options)
        : request.format === 'csv'
          ? exportSignalsCsv(snapshot, options)
          : request.format === 'json'
            ? exportWorkshopJson(docs, options)
            : exportHtml(snapshot, options) // html, and the source of the pdf
    return { title: snapshot.control.meta.title, bytes: new TextEncoder().encode(text) }
  } finally {
    board.destroy()
    control.destroy()
  }
}
