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

/**
 * A file name from the workshop title and the export date: ASCII letters, digits and dashes
 * only, so it survives every file system and needs no quoting rules in a header. Accents are
 * folded ("Hyvinvointi ääressä" → "hyvinvointi-aaressa"); a title with nothing left reads
 * "workshop".
 *
 * @example
 * exportFilename('Arjen hyvinvointi 2040', new Date('2025-03-12T10:00:00Z'), 'md') // 'arjen-hyvinvointi-2040-2025-03-12.md'
 */
export function exportFilename(title: string, generatedAt: Date, format: ExportFormat): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+/, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'workshop'
  return `${slug}-${generatedAt.toISOString().slice(0, 10)}.${format}`
}
