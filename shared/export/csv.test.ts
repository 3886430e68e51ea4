import { describe, expect, it } from 'vitest'
import { addSignal, joinAsParticipant } from '../doc/index'
import { csvCell, exportSignalsCsv } from './csv'
import { buildFullWorkshop } from './testing/workshops'

/** RFC 4180 parsing, written out here so the test does not trust the code it checks. */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === separator) endCell()
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow()
      i++
    } else cell += c
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

const options = { includeParticipants: true, generatedAt: new Date('2025-03-12T10:00:00Z') }

describe('signals CSV', () => {
  it('is UTF-8 with a BOM and CRLF, one row per signal with its theme, category, authors and trends', () => {
    const csv = exportSignalsCsv(buildFullWorkshop(), options)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/)
    const [header, ...rows] = parseCsv(csv.slice(1))
    expect(header).toEqual(['Title', 'Description', 'Why it matters', 'Source', 'Theme', 'Category', 'Author', 'Trends', 'Created at'])
    expect(rows).toHaveLength(5)
    const robots = rows.find((row) => row[0] === 'Care robots in elderly homes')!
    expect(robots[1]).toBe('Three homes in Turku trial robots that lift and remind.\nStaff say it frees time for talk.')
    expect(robots[3]).toBe('https://yle.fi/a/care-robots?x=1&y=(2) https://www.hs.fi/robots')
    expect(robots.slice(4, 8)).toEqual(['Older people', 'Technological', 'Anna Virtanen; Ben Okafor', 'Ageing at home'])
    expect(robots[8]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const village = rows.find((row) => row[0] === 'Care villages')!
    expect(village[7]).toBe('Ageing at home; Flexible working time')
    expect(rows.find((row) => row[0] === 'A council votes by app')![7]).toBe('')
  })

  it('guards formulas and quotes what needs quoting, and reads back to the same text', () => {
    const { board, control } = buildFullWorkshop()
    const titles = ['=HYPERLINK("http://evil.example","x")', '+1 more', '-2 fewer', '@SUM(A1)', 'comma, "quote" and\nnewline']
    const actor = { participantId: 'dana-participant-0004' }
    joinAsParticipant(board, actor, '=cmd|/c calc')
    for (const title of titles) addSignal(board, { title, description: '\tTabbed' }, actor)
    const rows = parseCsv(exportSignalsCsv({ board, control }, options).slice(1))
    for (const title of titles) {
      const row = rows.find((r) => r[0]!.replace(/^'/, '') === title)!
      expect(row[0]).toBe(/^[=+\-@]/.test(title) ? `'${title}` : title)
      expect(row[1]).toBe('Tabbed') // the schema trims, so a stored text never starts with a tab
      expect(row[6]).toBe("'=cmd|/c calc")
    }
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"')
    expect(csvCell('\rx')).toBe('"\'\rx"')
    expect(csvCell('\tx')).toBe("'\tx")
    expect(csvCell('plain')).toBe('plain')
  })

  it('leaves authors out when names are not to be shared, and speaks Finnish for a Finnish workshop', () => {
    const csv = exportSignalsCsv(buildFullWorkshop({ language: 'fi' }), { ...options, includeParticipants: false })
    // Semicolons, as Excel in a Finnish locale writes and reads them (a comma file opened as one column).
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFOtsikko;Kuvaus;/)
    const [header, ...rows] = parseCsv(csv.slice(1), ';')
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([header!.length]))
    expect(header?.[0]).toBe('Otsikko')
    expect(rows.every((row) => row[6] === '')).toBe(true)
    expect(rows.map((row) => row[5])).toContain('Teknologinen')
  })
})
