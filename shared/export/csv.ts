/**
 * The signals as CSV for spreadsheets: one row per signal, UTF-8 with a byte-order mark (so
 * Excel reads "ä" right), CRLF line ends and RFC 4180 quoting. A cell that a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe:
 * a signal titled `=HYPERLINK(…)` must stay text on the facilitator's machine (OWASP, "CSV
 * injection").
 */
import { signalAuthors, sortedByOrder, standingMemberships } from '../doc/index'
import { phrasesFor } from './catalogue'
import { safeLinks } from './report'
import { toSnapshot, type ExportOptions, type ExportSource } from './snapshot'

const BOM = '\uFEFF'
const CRLF = '\r\n'
/**
 * The list separator the spreadsheet of the workshop's language expects: where the decimal mark
 * is a comma (Finnish), Excel opens a comma-separated file as one column. The signal bank reads
 * either (`shared/bank/csv.ts`).
 */
const SEPARATORS: Record<string, ',' | ';'> = { en: ',', fi: ';' }

/**
 * Signals as CSV: title, description, why it matters, source links (space-separated), theme,
 * STEEP category, authors, the trends it backs (joined with "; ") and when it was created (ISO).
 * Headers, category names and the separator (`;` in Finnish) follow the workshop language.
 *
 * @example
 * const csv = exportSignalsCsv({ board, control }, { includeParticipants: false, generatedAt: new Date() })
 * csv.startsWith('\uFEFFTitle,Description')
 */
export function exportSignalsCsv(source: ExportSource, options: ExportOptions): string {
  const { board, control } = toSnapshot(source)
  const p = phrasesFor(control.meta.language)
  const themes = new Map(control.meta.themes.map((theme) => [theme.id, theme.label]))
  const trendOrder = sortedByOrder(board.trends)
  const backs = new Map<string, string[]>()
  for (const membership of standingMemberships(board).values()) {
    backs.set(membership.signalId, [...(backs.get(membership.signalId) ?? []), membership.trendId])
  }
  const trendName = (id: string) => board.trends.get(id)?.name || p.unnamedTrend
  const personName = (id: string) => board.participants.get(id)?.name ?? ''

  const header = [p.csv.title, p.csv.description, p.csv.whyItMatters, p.csv.source, p.csv.theme, p.csv.category, p.csv.author, p.csv.trends, p.csv.createdAt]
  const rows = sortedByOrder(board.signals).map((signal) => {
    const authors = options.includeParticipants ? signalAuthors(signal).map(personName).filter(Boolean).join('; ') : ''
    const trendIds = new Set(backs.get(signal.id) ?? [])
    return [
      signal.title,
      signal.description,
      signal.whyItMatters,
      safeLinks([signal.sourceUrl, ...signal.sources]).join(' '),
      themes.get(signal.themeId) ?? '',
      signal.category ? p.steep[signal.category] : '',
      authors,
      trendOrder
        .filter((trend) => trendIds.has(trend.id))
        .map((trend) => trendName(trend.id))
        .join('; '),
      isoTime(signal.createdAt),
    ]
  })
  const separator = SEPARATORS[control.meta.language] ?? ','
  return BOM + [header, ...rows].map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join(CRLF) + CRLF
}

/** A stored timestamp as ISO 8601; `''` for one past what a Date can hold (an imported file may say anything). */
function isoTime(ms: number): string {
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString()
}

/**
 * One CSV cell: formula-guarded, then quoted when it holds the separator, a quote or a line break.
 *
 * @example
 * csvCell('=1+1')      // "'=1+1"
 * csvCell('say "hi"')  // '"say ""hi"""'
 * csvCell('a; b', ';') // '"a; b"'
 */
export function csvCell(value: string, separator: ',' | ';' = ','): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /["\r\n]/.test(guarded) || guarded.includes(separator) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}
