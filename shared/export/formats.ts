/**
 * The export formats, their media types and file names: shared by the server's endpoint, the
 * command-line export and (later) the client's download buttons.
 */

export const EXPORT_FORMATS = ['md', 'html', 'pdf', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CONTENT_TYPES: { readonly [F in ExportFormat]: string } = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)
}

/** Longest slug in a file name: room for a title and a trend's name, short of every file system's limit. */
const SLUG_LENGTH = 60

/**
 * A file name from the workshop title and the export date: ASCII letters, digits and dashes
 * only, so it survives every file system and needs no quoting rules in a header. Accents are
 * folded ("Hyvinvointi ääressä" → "hyvinvointi-aaressa"); a title with nothing left reads
 * "workshop". A long title is cut after a whole word ("…-yksin-asuva", not "…-yksin-asuva-vaest"),
 * unless its first word alone is longer than the cut.
 *
 * @example
 * exportFilename('Arjen hyvinvointi 2040', new Date('2025-03-12T10:00:00Z'), 'md') // 'arjen-hyvinvointi-2040-2025-03-12.md'
 */
export function exportFilename(title: string, generatedAt: Date, extension: ExportFormat | 'svg'): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const cut = words.length > SLUG_LENGTH ? words.lastIndexOf('-', SLUG_LENGTH) : words.length
  const slug = (cut > 0 ? words.slice(0, cut) : words.slice(0, SLUG_LENGTH)) || 'workshop'
  return `${slug}-${generatedAt.toISOString().slice(0, 10)}.${extension}`
}
