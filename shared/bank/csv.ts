/**
 * Reading a scanning spreadsheet as signals: the same columns the CSV export writes (title,
 * description, why it matters, source, theme, category; English or Finnish headers), so one
 * workshop's output seeds the next. Everything is checked before anything is imported: a file
 * with one bad cell is refused whole, with each problem named by row and column.
 */
import { phrasesFor } from '../export/catalogue'
import { META_LIMITS } from '../schema/meta'
import { SIGNAL_LIMITS, STEEP_CATEGORIES, type SteepCategory } from '../schema/signal'
import { safeHttpUrl } from '../util/url'

/** A signal from the bank, before it joins a workshop. */
export interface BankSignal {
  title: string
  description: string
  whyItMatters: string
  /** The first link, and any more (the export writes them space-separated). */
  sourceUrl: string
  sources: string[]
  /** A theme's label as written (matched to the workshop's themes on import). */
  theme: string
  category: SteepCategory
}

export type BankColumn = 'title' | 'description' | 'whyItMatters' | 'source' | 'theme' | 'category'
export type CsvProblemCode = 'empty' | 'noTitleColumn' | 'unclosedQuote' | 'titleMissing' | 'tooLong' | 'badLink' | 'badCategory' | 'tooManyRows'

/** One problem, where a person would look for it: spreadsheet row (header = 1) and column header. */
export interface CsvProblem {
  code: CsvProblemCode
  row?: number
  column?: string
  value?: string
  limit?: number
}

export type CsvResult = { ok: true; signals: BankSignal[] } | { ok: false; problems: CsvProblem[] }

export const MAX_BANK_ROWS = 1000
const LIMITS: Partial<Record<BankColumn, number>> = {
  title: SIGNAL_LIMITS.title,
  description: SIGNAL_LIMITS.description,
  whyItMatters: SIGNAL_LIMITS.whyItMatters,
  theme: META_LIMITS.themeLabel,
}
const MAX_PROBLEMS = 20

/** Header names per column, in both languages, lower-cased. */
const HEADERS: Record<BankColumn, readonly string[]> = (() => {
  const en = phrasesFor('en').csv
  const fi = phrasesFor('fi').csv
  const both = (key: BankColumn, ...extra: string[]) => [en[key], fi[key], ...extra].map((h) => h.toLowerCase())
  return {
    title: both('title', 'signal', 'otsake'),
    description: both('description', 'what is happening', 'mitä tapahtuu'),
    whyItMatters: both('whyItMatters'),
    source: both('source', 'sources', 'link', 'url', 'linkki', 'lähteet'),
    theme: both('theme', 'teemat', 'themes'),
    category: both('category', 'steep', 'steep category', 'steep-luokka'),
  }
})()

/** STEEP names in both languages (and the keys themselves) → category. */
const CATEGORIES = new Map<string, SteepCategory>(
  STEEP_CATEGORIES.flatMap((c) => [c, phrasesFor('en').steep[c], phrasesFor('fi').steep[c]].map((name) => [name.toLowerCase(), c] as const)),
)
CATEGORIES.set('environment', 'environmental')
  .set('technology', 'technological')
  .set('economy', 'economic')
  .set('society', 'social')
  .set('politics', 'political')

/**
 * Parses a CSV file (UTF-8, with or without a byte-order mark; comma or semicolon separated, as
 * Excel writes in Finnish locales; RFC 4180 quoting).
 *
 * @example
 * const result = parseBankCsv('Title,Source\r\nCare robots,https://example.org\r\n')
 * result.ok && result.signals[0].sourceUrl // 'https://example.org/'
 */
export function parseBankCsv(text: string): CsvResult {
  const body = text.replace(/^\uFEFF/, '')
  const rows = splitRows(body)
  if (rows === null) return { ok: false, problems: [{ code: 'unclosedQuote' }] }
  const nonEmpty = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''))
  if (nonEmpty.length === 0) return { ok: false, problems: [{ code: 'empty' }] }
  const [header, ...data] = nonEmpty as [Row, ...Row[]]
  const columns = mapColumns(header.cells)
  if (columns.title === undefined) return { ok: false, problems: [{ code: 'noTitleColumn', row: header.line }] }
  if (data.length > MAX_BANK_ROWS) return { ok: false, problems: [{ code: 'tooManyRows', limit: MAX_BANK_ROWS }] }

  const problems: CsvProblem[] = []
  const signals: BankSignal[] = []
  for (const row of data) {
    const cell = (column: BankColumn) => {
      const index = columns[column]
      return index === undefined ? '' : unguard(row.cells[index] ?? '').trim()
    }
    const problem = (code: CsvProblemCode, column: BankColumn, extra: Partial<CsvProblem> = {}) =>
      problems.push({ code, row: row.line, column: header.cells[columns[column]!]!.trim(), ...extra })

    const title = cell('title')
    if (title === '') problem('titleMissing', 'title')
    for (const column of ['title', 'description', 'whyItMatters', 'theme'] as const) {
      if (cell(column).length > LIMITS[column]!) problem('tooLong', column, { limit: LIMITS[column] })
    }
    const links: string[] = []
    for (const raw of cell('source').split(/\s+/).filter(Boolean)) {
      const safe = safeHttpUrl(raw) ?? (/^[^\s/@:]+\.[a-z]{2,}(\/\S*)?$/i.test(raw) ? safeHttpUrl(`https://${raw}`) : null)
      if (safe) links.push(safe)
      else problem('badLink', 'source', { value: raw.slice(0, 80) })
    }
    const categoryText = cell('category').toLowerCase()
    const category = categoryText === '' ? '' : CATEGORIES.get(categoryText)
    if (category === undefined) problem('badCategory', 'category', { value: cell('category').slice(0, 40) })
    if (problems.length >= MAX_PROBLEMS) break
    const unique = [...new Set(links)]
    signals.push({
      title,
      description: cell('description'),
      whyItMatters: cell('whyItMatters'),
      sourceUrl: unique[0] ?? '',
      sources: unique.slice(1, 100),
      theme: cell('theme'),
      category: category ?? '',
    })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, signals }
}

interface Row {
  /** The spreadsheet row number of the row's first line (1-based). */
  line: number
  cells: string[]
}

/** RFC 4180 rows; `null` when a quote never closes. The separator is the header's: `,` or `;`. */
function splitRows(text: string): Row[] | null {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const rows: Row[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
    } else if (ch === '"' && cell === '') quoted = true
    else if (ch === separator) {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      rows.push({ line: rowLine, cells })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += ch
  }
  if (quoted) return null
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    rows.push({ line: rowLine, cells })
  }
  return rows
}

function mapColumns(header: readonly string[]): Partial<Record<BankColumn, number>> {
  const columns: Partial<Record<BankColumn, number>> = {}
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase()
    for (const column of Object.keys(HEADERS) as BankColumn[]) {
      if (columns[column] === undefined && HEADERS[column].includes(name)) columns[column] = index
    }
  })
  return columns
}

/** The export guards formula-like cells with an apostrophe ("'=1+1"); reading them back removes it. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}
