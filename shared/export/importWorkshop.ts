/**
 * Reading a workshop export back: the boundary where a file from anywhere becomes documents.
 * Everything is checked before anything is handed out, so a caller that creates a workshop
 * only on success creates nothing for a bad file. Each refusal names the problem in words a
 * facilitator can act on ("made by a newer version", "the file is cut short").
 */
import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { SCHEMA_VERSION, migrate, readControl, schemaVersionOf, setLastRestore, setPrivateCounts } from '../doc/index'
import type { DocKind } from '../protocol'
import { countStructs } from '../doc/structCount'
import { EXPORT_FORMAT, FORMAT_VERSION } from './workshopJson'
import { newDoc } from '../doc/newDoc.ts'

export type ImportErrorCode = 'notJson' | 'truncated' | 'notAnExport' | 'newerVersion' | 'invalid' | 'badDocument'

export interface ImportedWorkshop {
  readonly title: string
  /** Fresh documents holding the imported state, migrated to this code's schema version. */
  readonly board: Y.Doc
  readonly control: Y.Doc
}

export type ImportResult =
  { readonly ok: true; readonly workshop: ImportedWorkshop } | { readonly ok: false; readonly code: ImportErrorCode; readonly message: string }

/** Strict base64: Node's decoder skips junk silently, which would hide a damaged file. */
const base64 = z.string().check(
  z.minLength(1, 'is empty'),
  z.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  z.refine((value) => value.length % 4 === 0, 'is not base64 (cut short?)'),
)

const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.int().check(z.minimum(1), z.maximum(FORMAT_VERSION)),
  schemaVersion: z.int().check(z.minimum(1), z.maximum(SCHEMA_VERSION)),
  exportedAt: z.string().check(z.maxLength(64)),
  workshop: z.object({ title: z.string().check(z.maxLength(200)) }),
  documents: z.object({ board: base64, control: base64 }),
  summary: z.optional(z.unknown()),
})

/**
 * Validates an export (its text, or the value parsed from it) and decodes its documents.
 *
 * @example
 * const result = importWorkshop(await file.text())
 * if (!result.ok) showError(result.message) // "this file was made by a newer version…"
 * else continueWith(result.workshop.board, result.workshop.control)
 */
export function importWorkshop(input: unknown): ImportResult {
  let value = input
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '')
    if (text.trim() === '') return fail('notJson', 'the file is empty')
    try {
      value = JSON.parse(text)
    } catch {
      return looksTruncated(text)
        ? fail('truncated', 'the file is cut short: its JSON ends before it is complete (was the download or copy interrupted?)')
        : fail('notJson', 'the file is not JSON; choose a .json file exported from Signals to Stories')
    }
  }
  const header = checkHeader(value)
  if (header) return header

  const parsed = ExportFileSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path.map(String).join('.') ?? ''
    return fail('invalid', `not a valid export: ${path ? `${path} ` : ''}${issue?.message ?? 'is invalid'}`)
  }
  const board = decode(parsed.data.documents.board, 'board')
  if (!board.ok) return board
  const control = decode(parsed.data.documents.control, 'control')
  if (!control.ok) return control

  // The private-mode counts describe drafts, which stay behind: in the new workshop they would
  // show cards nobody can ever reveal.
  if (Object.keys(readControl(control.doc).privateCounts).length > 0) setPrivateCounts(control.doc, {})
  // A restore of the old workshop's history, which stays behind too: its notice would tell the
  // new workshop about a restore that never happened in it.
  if (readControl(control.doc).lastRestore !== null) setLastRestore(control.doc, null)
  const title = readControl(control.doc).meta.title || parsed.data.workshop.title
  return { ok: true, workshop: { title, board: board.doc, control: control.doc } }
}

/** Format and versions first, so a file from newer code says so instead of failing on a field. */
function checkHeader(value: unknown): ImportResult | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('notAnExport', 'not a Signals to Stories export: the file holds no export object')
  const { format, formatVersion, schemaVersion } = value as Record<string, unknown>
  if (format !== EXPORT_FORMAT) {
    return fail(
      'notAnExport',
      `not a Signals to Stories export: "format" is ${format === undefined ? 'missing' : JSON.stringify(format).slice(0, 60)}, expected "${EXPORT_FORMAT}"`,
    )
  }
  if (typeof formatVersion === 'number' && formatVersion > FORMAT_VERSION) {
    return fail(
      'newerVersion',
      `this file was made by a newer version of Signals to Stories (file format ${formatVersion}; this one reads up to ${FORMAT_VERSION}); update it to import the file`,
    )
  }
  if (typeof schemaVersion === 'number' && schemaVersion > SCHEMA_VERSION) {
    return fail(
      'newerVersion',
      `this file was made by a newer version of Signals to Stories (schema ${schemaVersion}; this one understands up to ${SCHEMA_VERSION}); update it to import the file`,
    )
  }
  return null
}

type Decoded = { readonly ok: true; readonly doc: Y.Doc } | (ImportResult & { readonly ok: false })

/**
 * Items one imported document may hold. A whole real workshop is a few thousand; a file of
 * millions of tiny items would take the server's whole attention for seconds to read. Counted
 * from the update's headers before anything is decoded.
 */
export const MAX_IMPORT_STRUCTS = 100_000

function decode(encoded: string, kind: Exclude<DocKind, 'draft' | 'bank'>): Decoded {
  const doc = newDoc()
  try {
    const update = fromBase64(encoded)
    if (countStructs(update, MAX_IMPORT_STRUCTS) > MAX_IMPORT_STRUCTS) {
      return fail('invalid', `documents.${kind} holds more than ${MAX_IMPORT_STRUCTS} items, more than any workshop this tool exports`)
    }
    Y.applyUpdate(doc, update)
  } catch (error) {
    return fail('badDocument', `documents.${kind} does not decode as a Yjs document (${error instanceof Error ? error.message : String(error)})`)
  }
  // An update that refers to changes it does not contain is a fragment of a document.
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    return fail('badDocument', `documents.${kind} is incomplete: it depends on changes the file does not contain`)
  const version = schemaVersionOf(doc, kind)
  if (version === null) return fail('badDocument', `documents.${kind} is not a ${kind} document of a workshop`)
  const migrated = migrate(doc, kind)
  if (!migrated.ok) {
    return migrated.error === 'newerVersion'
      ? fail(
          'newerVersion',
          `this file was made by a newer version of Signals to Stories (documents.${kind} is schema ${migrated.found}; this one understands up to ${migrated.supported})`,
        )
      : fail('badDocument', `documents.${kind} is schema ${migrated.found}, which this version cannot upgrade`)
  }
  return { ok: true, doc }
}

/** True when the text stops inside a string or with brackets still open: a cut-off download. */
export function looksTruncated(text: string): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) depth++
    else if (c === 0x7d || c === 0x5d) depth--
  }
  return inString || depth > 0
}

function fail(code: ImportErrorCode, message: string): ImportResult & { readonly ok: false } {
  return { ok: false, code, message }
}
