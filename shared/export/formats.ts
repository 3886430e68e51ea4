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

/** Longest slug of a part's name (a trend's, for its wheel picture): the title keeps the rest. */
const PART_LENGTH = 36

/**
 * A file name from the workshop title and the export date: ASCII letters, digits and dashes
 * only, so it survives every file system and needs no quoting rules in a header. Accents are
 * folded ("Hyvinvointi ääressä" → "hyvinvointi-aaressa"); a title with nothing left reads
 * "workshop". A long title is cut after a whole word ("…-yksin-asuva", not "…-yksin-asuva-vaest"),
 * unless its first word alone is longer than the cut. A `part` of the workshop (a trend's wheel)
 * is named after the title, each cut to its share: a long title took all the room, and every
 * wheel's picture had the same name.
 *
 * @example
 * exportFilename('Arjen hyvinvointi 2040', new Date('2025-03-12T10:00:00Z'), 'md') // 'arjen-hyvinvointi-2040-2025-03-12.md'
 * exportFilename('Arjen hyvinvointi 2040', new Date('2025-03-12T10:00:00Z'), 'svg', 'Hoiva siirtyy kotiin') // 'arjen-hyvinvointi-2040-hoiva-siirtyy-kotiin-2025-03-12.svg'
 */
export function exportFilename(title: string, generatedAt: Date, extension: ExportFormat | 'svg', part?: string): string {
  const partSlug = part === undefined ? '' : slugOf(part, PART_LENGTH)
  const titleSlug = slugOf(title, partSlug ? SLUG_LENGTH - partSlug.length - 1 : SLUG_LENGTH) || 'workshop'
  return `${[titleSlug, partSlug].filter(Boolean).join('-')}-${generatedAt.toISOString().slice(0, 10)}.${extension}`
}

/** Words as ASCII joined by dashes, cut after a whole word to at most `max` characters. */
function slugOf(text: string, max: number): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const cut = words.length > max ? words.lastIndexOf('-', max) : words.length
  return cut > 0 ? words.slice(0, cut) : words.slice(0, max)
}
