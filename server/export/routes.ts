import type { IncomingMessage, ServerResponse } from 'node:http'
import { CONTENT_TYPES, EXPORT_FORMATS, exportFilename, isExportFormat } from '../../shared/export/index.ts'
import { readControl } from '../../shared/doc/index.ts'
import { mayExportFormat, mayExportNow } from '../../shared/permissions.ts'
import { BOARD_DOC, CONTROL_DOC, type Role } from '../../shared/protocol.ts'
import type { ExportCapabilities, ImportRefusal } from '../../shared/api.ts'
import type { ApiContext } from '../http/api.ts'
import { authenticate } from '../http/auth.ts'
import { HttpError, readBody, requireJson } from '../http/body.ts'
import { localWindowLimit, type WindowLimit } from '../cluster/windowLimit.ts'
import type { ImportedFile } from '../sync/load/foldProtocol.ts'
import { ExportOverBudgetError, ImportOverBudgetError, loadPool } from '../sync/load/loadPool.ts'
import { RoomsFullError } from '../sync/roomRegistry.ts'
import { WorkshopService } from '../workshops/workshopService.ts'
import { createImportedWorkshop } from './documents.ts'
import { Gate, GateFullError } from './gate.ts'
import { PdfUnavailableError } from './pdf.ts'
import { PdfOverBudgetError, type PdfThread } from './pdfThread.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>
export type Route = [method: string, pattern: RegExp, handler: Handler]

/** The part of the API's context these endpoints use; the API passes its whole `ApiContext`. */
export type ExportContext = Pick<ApiContext, 'config' | 'registry' | 'store' | 'workshops' | 'history'> & Partial<Pick<ApiContext, 'addressOf'>>

/**
 * The export and import endpoints, as rows for the API's route table:
 *
 * - `GET /api/workshops/:id/export?format=md|html|pdf|csv|json[&participants=0]` with
 *   `Authorization: Bearer <key>`: the facilitator's key exports every format; a participant's
 *   key exports the report (md, html, pdf) once the facilitator shares it, as the app offers it
 *   (`mayExportFormat`, `mayExportNow` in shared/permissions.ts; locking does not share it). The answer is an attachment named after the title and date.
 * - `POST /api/workshops/import` with a JSON export as the body (up to `maxImportBytes`):
 *   201 and the new workshop's keys and links, as creating a workshop answers.
 *
 * `creations` is the limiter of `POST /api/workshops`, so importing and creating share one
 * budget per address; without it, imports get a budget of their own.
 *
 * @example
 * routes.push(...exportRoutes(ctx, pdf, creations))
 */
export function exportRoutes(ctx: ExportContext, pdf: PdfThread, creations?: WindowLimit): Route[] {
  const limiter = creations ?? localWindowLimit({ name: 'creations', max: ctx.config.limits.workshopsPerIpPerHour, windowMs: 60 * 60 * 1000 })
  const gates = exportGates(ctx.config.limits.maxExportsWaiting)
  return [
    ['POST', /^\/api\/workshops\/import$/, (req, res) => importHandler(ctx, limiter, req, res)],
    ['GET', /^\/api\/workshops\/([^/]+)\/export$/, (req, res, [id]) => exportHandler(ctx, pdf, gates, req, res, id!)],
    // What the app's menus offer: PDF only where it can be made, and the import limit to check a file against before sending it.
    [
      'GET',
      /^\/api\/export\/capabilities$/,
      async (_req, res) => {
        const body: ExportCapabilities = { pdf: await pdf.available(), maxImportBytes: ctx.config.limits.maxImportBytes }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        res.end(JSON.stringify(body))
      },
    ],
  ]
}

/**
 * Exports rendering at once, per kind: Markdown, HTML, CSV and JSON render in the load pool (one
 * worker thread at a time, after loads); a PDF prints in Chromium as well. Past `maxExportsWaiting`
 * waiting for a kind, a request is answered 503 with Retry-After, the workshops taking turns and
 * sharing the places fairly (see `Gate`).
 */
const RENDERING_AT_ONCE = 2
const RETRY_AFTER_S = 5

interface ExportGates {
  text: Gate
  pdf: Gate
  /** Renders waiting for their turn, by what they will render (see `sharedRender`). */
  waiting: Map<string, SharedRender>
}

interface SharedRender {
  render: Promise<RenderedExport>
  /** When the last request sharing it is answered (each one a loop turn after the one before). */
  last: Promise<RenderedExport>
}

interface RenderedExport {
  title: string
  bytes: Uint8Array
  generatedAt: Date
}

function exportGates(maxWaiting: number): ExportGates {
  return { text: new Gate(RENDERING_AT_ONCE, maxWaiting), pdf: new Gate(RENDERING_AT_ONCE, maxWaiting), waiting: new Map() }
}

/**
 * The render a request gets: one still waiting for its turn that will render exactly the same
 * file (same workshop, format, participants setting and kind of key) is shared, since it will read
 * the documents after this request came; otherwise a new one, waiting in the gate. Sixty phones
 * pressing "Download PDF" when the facilitator shares the report wait for one or two prints and
 * one place in the queue, not sixty, and get the same file.
 */
function sharedRender(
  gates: ExportGates,
  key: string,
  gate: Gate,
  owner: string,
  render: (generatedAt: Date) => Promise<Omit<RenderedExport, 'generatedAt'>>,
): Promise<RenderedExport> {
  const waiting = gates.waiting.get(key)
  if (waiting) {
    // Each request sharing it is answered a loop turn after the one before: sixty answers of a
    // large file are sixty socket writes, each in a turn of its own, not one turn of them all.
    waiting.last = waiting.last.then((rendered) => new Promise((resolve) => setImmediate(() => resolve(rendered))))
    return waiting.last
  }
  const rendering: Promise<RenderedExport> = gate.run(async () => {
    // Started: it reads the documents from now on, so later requests wait for a render of their own.
    if (gates.waiting.get(key)?.render === rendering) gates.waiting.delete(key)
    const generatedAt = new Date()
    return { ...(await render(generatedAt)), generatedAt }
  }, owner)
  gates.waiting.set(key, { render: rendering, last: rendering })
  // Refused before its turn: the next request tries afresh.
  void rendering.catch(() => {}).finally(() => gates.waiting.get(key)?.render === rendering && gates.waiting.delete(key))
  return rendering
}

/**
 * `GET /api/workshops/:id/export`. This thread checks the key and the export rule, takes the
 * documents' bytes (a loaded room's state, newer than the store while in use; otherwise the
 * board's stored rows, without loading it) and moves them to the load pool, which renders the
 * file in a worker thread within `exportBudgetMs` of CPU; a PDF is then printed in the PDF
 * thread. No step that grows with the board runs here but the state's encoding of a loaded room.
 */
export async function exportHandler(
  ctx: ExportContext,
  pdf: PdfThread,
  gates: ExportGates,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams
  const format = query.get('format') ?? 'md'
  if (!isExportFormat(format)) throw new HttpError(400, `format must be one of ${EXPORT_FORMATS.join(', ')}`, 'format')
  const includeParticipants = !['0', 'false', 'no', 'omit'].includes(query.get('participants') ?? '')
  const role = await (await authenticate(ctx, req, id)).role
  if (role === 'screen') throw new HttpError(403, 'a screen key cannot export; use the facilitator key')
  if (!mayExportFormat(role, format)) throw new HttpError(403, 'with a participant key only md, html and pdf can be exported')

  const budgetMs = ctx.config.limits.exportBudgetMs
  let rendered: RenderedExport
  try {
    // The kind of key is part of what is rendered: a participant's export is checked against the
    // rule for participants (shared report), and never rides on a facilitator's.
    const key = `${id}|${format}|${includeParticipants ? 1 : 0}|${role}`
    rendered = await sharedRender(gates, key, format === 'pdf' ? gates.pdf : gates.text, id, async (generatedAt) => {
      const documents = await withRooms(() => exportDocuments(ctx, id, role))
      const file = await loadPool.renderExport({ format, ...documents, includeParticipants, generatedAt: generatedAt.getTime() }, budgetMs)
      return format === 'pdf' ? { title: file.title, bytes: await pdf.render(file.bytes, ctx.config.limits.pdfBudgetMs) } : file
    })
  } catch (error) {
    if (error instanceof GateFullError) {
      res.setHeader('retry-after', String(RETRY_AFTER_S))
      throw new HttpError(503, `too many exports are waiting (${error.waiting}); try again in a moment`)
    }
    if (error instanceof ExportOverBudgetError) throw new HttpError(503, `${error.message}, this server's limit (EXPORT_BUDGET_MS); the export was stopped`)
    if (error instanceof PdfOverBudgetError) throw new HttpError(503, `${error.message}, this server's limit (PDF_BUDGET_MS); the export was stopped`)
    if (error instanceof PdfUnavailableError) throw new HttpError(501, error.message)
    throw error
  }
  const { title, bytes, generatedAt } = rendered
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[format],
    'content-length': bytes.byteLength,
    // ASCII-only by construction (see exportFilename), so it needs no RFC 5987 form.
    'content-disposition': `attachment; filename="${exportFilename(title, generatedAt, format)}"`,
    'cache-control': 'no-store',
  })
  res.end(bytes)
}

/**
 * The documents an export renders, as bytes. The control document (small) is held as a room for
 * the export rule; the board is read as a loaded room's state, else as its stored rows: loading
 * a room of several MB only to export it would apply it on this thread.
 */
async function exportDocuments(ctx: ExportContext, id: string, role: Role): Promise<{ board: Uint8Array[]; stored: boolean; control: Uint8Array }> {
  const control = await ctx.registry.withRoom(id, CONTROL_DOC, (room) => {
    if (!mayExportNow(role, readControl(room.doc))) {
      throw new HttpError(403, 'participants can download the report once the facilitator shares it (Let participants download the report)')
    }
    return room.wholeState()
  })
  const board = ctx.registry.loaded(id, BOARD_DOC)
  if (board) return { board: [board.wholeState()], stored: false, control }
  // Copied (~1 ms per MB), since they are moved to the worker: the store may hand out views of
  // updates it still holds (the SQLite journal's, not yet folded in), which moving would empty.
  const rows = (await ctx.store.load(id, BOARD_DOC)).updates.map((row) => new Uint8Array(row))
  return { board: rows, stored: true, control }
}

/** `POST /api/workshops/import`: validates the whole file, then creates the workshop and writes its documents. */
export async function importHandler(ctx: ExportContext, limiter: WindowLimit, req: IncomingMessage, res: ServerResponse): Promise<void> {
  requireJson(req)
  if (!(await limiter.take(ctx.addressOf?.(req) ?? req.socket.remoteAddress ?? 'unknown')))
    throw new HttpError(429, 'too many workshops created from this address; try again later')
  const limit = ctx.config.limits.maxImportBytes
  let body: Buffer
  try {
    body = await readBody(req, limit)
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) {
      return refuseImport(res, 413, { code: 'tooLarge', limit, error: `the import file is larger than the ${formatBytes(limit)} limit (MAX_IMPORT_BYTES)` })
    }
    throw error
  }
  // Everything is validated before the workshop exists: a refused file creates nothing. The file
  // is read in the load pool's worker threads, under the stored rows' CPU budget: parsing and
  // decoding megabytes from anyone on this thread would stop every workshop meanwhile.
  let result: ImportedFile
  try {
    result = await loadPool.readImport(body, ctx.config.limits.loadRowBudgetMs)
  } catch (error) {
    if (!(error instanceof ImportOverBudgetError)) throw error
    return refuseImport(res, 400, { code: 'badDocument', error: `the file's documents take too long to read: ${error.message}` })
  }
  if (!result.ok) return refuseImport(res, result.code === 'newerVersion' ? 422 : 400, { code: result.code, error: result.message })
  for (const [name, state] of [
    ['control', result.control],
    ['board', result.board],
  ] as const) {
    if (state.byteLength > ctx.config.limits.maxDocBytes) {
      const docLimit = ctx.config.limits.maxDocBytes
      return refuseImport(res, 413, {
        code: 'tooLarge',
        limit: docLimit,
        error: `the imported ${name} document is larger than this server's ${formatBytes(docLimit)} limit (MAX_DOC_BYTES)`,
      })
    }
  }
  if (!ctx.registry.storeHealthy) throw new HttpError(503, 'the imported workshop could not be stored; try again')
  // The documents and their first history entry (there is always a way back to the imported
  // state) are stored as the worker made them; the rooms load when someone opens the workshop.
  let created: Awaited<ReturnType<typeof createImportedWorkshop>>
  try {
    created = await createImportedWorkshop(ctx.store, ctx.workshops, ctx.history, result)
  } catch (error) {
    ctx.config.logger.error({ err: error }, 'storing an imported workshop failed')
    throw new HttpError(503, 'the imported workshop could not be stored; try again')
  }
  const { id, keys } = created
  res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(WorkshopService.describe(`http://${req.headers.host ?? 'localhost'}`, id, keys)))
}

/**
 * A refused import says why in a `code` the app turns into words (`tooLarge` with the `limit` in
 * bytes, `truncated`, `notAnExport`, `newerVersion`, …) beside the server's own English `error`.
 */
function refuseImport(res: ServerResponse, status: number, body: ImportRefusal): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
  res.end(JSON.stringify(body))
}

/** A full registry is "busy, retry", as it is for a WebSocket join. */
async function withRooms<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof RoomsFullError) throw new HttpError(503, 'the server is busy; try again in a moment')
    throw error
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`
}
