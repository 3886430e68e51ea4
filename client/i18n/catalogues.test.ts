import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogues as merged, featureCatalogueFiles, type Catalogue } from './catalogues.ts'

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') entries.set(path, value)
    else for (const [k, v] of flatten(value, path)) entries.set(k, v)
  }
  return entries
}

const catalogues = { en: flatten(merged.en), fi: flatten(merged.fi) }

describe('translation catalogues', () => {
  it('come in pairs: every feature with an English file has a Finnish one', () => {
    const pairs = new Set(featureCatalogueFiles.map((file) => file.replace(/(en|fi)\.json$/, '')))
    const unpaired = [...pairs].filter((prefix) => !featureCatalogueFiles.includes(`${prefix}en.json`) || !featureCatalogueFiles.includes(`${prefix}fi.json`))
    expect(unpaired).toEqual([])
  })

  it('have the same keys in English and Finnish', () => {
    const missingInFi = [...catalogues.en.keys()].filter((key) => !catalogues.fi.has(key))
    const missingInEn = [...catalogues.fi.keys()].filter((key) => !catalogues.en.has(key))
    expect({ missingInFi, missingInEn }).toEqual({ missingInFi: [], missingInEn: [] })
  })

  it('have no empty values', () => {
    const empty = Object.entries(catalogues).flatMap(([language, entries]) =>
      [...entries].filter(([, value]) => value.trim() === '').map(([key]) => `${language}: ${key}`),
    )
    expect(empty).toEqual([])
  })

  it('use the same interpolation variables in both languages', () => {
    const variables = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    const mismatched = [...catalogues.en].filter(([key, value]) => {
      const other = catalogues.fi.get(key)
      return other !== undefined && variables(value).join() !== variables(other).join()
    })
    expect(mismatched.map(([key]) => key)).toEqual([])
  })

  it('name and explain every stage kind', () => {
    const kinds = ['frame', 'signals', 'trends', 'assess', 'wheel', 'stories', 'takeaways']
    for (const kind of kinds) {
      expect(catalogues.en.get(`stage.${kind}.name`)).toBeTruthy()
      expect(catalogues.en.get(`stage.${kind}.instruction`)).toBeTruthy()
    }
    expect(kinds.map((kind) => catalogues.fi.get(`stage.${kind}.name`))).toEqual([
      'Kehystys',
      'Heikot signaalit',
      'Trendit ja muutosvoimat',
      'Arviointi',
      'Tulevaisuuspyörä',
      'Tulevaisuustarinat',
      'Johtopäätökset',
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// Every user-facing string goes through t(). A regex heuristic finds the usual slips in JSX:
//   >Some words<          (text on one line between tags)
//   <p>\n  Some words\n</p>  (a line of plain words between a tag and a tag)
//   aria-label="…", placeholder="…", title="…", alt="…" with a literal string
// ---------------------------------------------------------------------------------------------

const LETTER = /\p{L}/u
const INLINE_TEXT = /(?<![=\-])>([^<>{}\n]*)<(?:\/|[A-Za-z])/gu
const PLAIN_LINE = /^[^<>{}()=;:'"`[\]]+$/u
const LITERAL_ATTRIBUTE = /\b(aria-label|aria-description|aria-placeholder|aria-valuetext|placeholder|title|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*\})/g

function findJsxLiterals(source: string): string[] {
  const found: string[] = []
  const lineOf = (index: number) => source.slice(0, index).split('\n').length

  for (const match of source.matchAll(INLINE_TEXT)) {
    const text = match[1]?.trim() ?? ''
    if (LETTER.test(text)) found.push(`${lineOf(match.index)}: >${text}<`)
  }

  const lines = source.split('\n')
  lines.forEach((line, i) => {
    const text = line.trim()
    if (!text || !LETTER.test(text) || !PLAIN_LINE.test(text) || text.startsWith('//') || text.startsWith('*')) return
    const previous = lines.slice(0, i).reverse().find((l) => l.trim() !== '')?.trimEnd() ?? ''
    const next = lines.slice(i + 1).find((l) => l.trim() !== '')?.trim() ?? ''
    if (previous.endsWith('>') && !previous.endsWith('=>') && next.startsWith('<')) found.push(`${i + 1}: ${text}`)
  })

  for (const match of source.matchAll(LITERAL_ATTRIBUTE)) {
    const value = match.slice(2).find((group) => group !== undefined) ?? ''
    if (LETTER.test(value)) found.push(`${lineOf(match.index)}: ${match[1]}="${value}"`)
  }
  return found
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsxFiles(path)
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : []
  })
}

describe('JSX string literals', () => {
  it('the heuristic catches the usual slips', () => {
    const sample = [
      'const a = useRef<HTMLDivElement>(null)',
      'const b = <p className="x">Hello there</p>',
      '<span>',
      '  Plain words here',
      '</span>',
      '<input aria-label="Close" placeholder={\'Type\'} title={`Tip`} />',
      '<input aria-label={t("ok")} placeholder={t(\'ok\')} />',
      '<p>{t(\'fine\')}</p>',
    ].join('\n')
    expect(findJsxLiterals(sample)).toEqual([
      '2: >Hello there<',
      '4: Plain words here',
      '6: aria-label="Close"',
      '6: placeholder="Type"',
      '6: title="Tip"',
    ])
  })

  it('none in client/**/*.tsx', () => {
    const clientDir = join(import.meta.dirname, '..')
    const offenders = tsxFiles(clientDir).flatMap((file) =>
      findJsxLiterals(readFileSync(file, 'utf8')).map((hit) => `${relative(clientDir, file)}:${hit}`),
    )
    expect(offenders).toEqual([])
  })
})
