/**
 * The vocabulary's text format, kept terse so the team can read and extend it like a glossary.
 * One concept a line:
 *
 *     id | theme | STEEP | en label: term, term, … | fi label: term, term, …
 *
 * - STEEP is one letter: S social, T technological, E economic, N environmental, P political.
 * - A term is a word (`care`, compared by its Snowball stem, so "caring" meets it), a prefix
 *   (`hoiv*`: any word starting so), or a phrase of such words (`remote work`, `heat wave*`).
 * - Finnish builds compounds, so a Finnish term of four letters or more also matches inside a
 *   word, from its fourth letter on ("kotihoito" holds `hoit*`). `~term` asks for that in either
 *   language and at any length (`~care` for "eldercare", `~työ` for "etätyö"); `^term` forbids it.
 */
import type { SteepCategory } from '../../schema/signal'
import { isStopWord } from '../stopwords'
import type { Language } from '../text'

export interface TermPart {
  /** Lower-case word or prefix, without markers. */
  readonly value: string
  readonly prefix: boolean
}

export interface Term {
  /** As the vocabulary writes it, for explanations. */
  readonly text: string
  readonly language: Language | 'any'
  readonly parts: readonly TermPart[]
  /** May match inside a compound word (see the format above). */
  readonly inner: boolean
}

export interface Concept {
  readonly id: string
  /** A broader theme that several concepts share ("care", "work", "climate"). */
  readonly theme: string
  readonly steep: Exclude<SteepCategory, ''> | null
  readonly label: Readonly<Record<Language, string>>
  readonly terms: readonly Term[]
}

const STEEP: Record<string, Exclude<SteepCategory, ''>> = { S: 'social', T: 'technological', E: 'economic', N: 'environmental', P: 'political' }
const WORD = /[\p{L}\p{N}]+\*?/gu

/** Parses one language's side: `label: term, term`. */
function parseSide(side: string, language: Language, where: string): { label: string; terms: Term[] } {
  const colon = side.indexOf(':')
  if (colon < 1) throw new Error(`${where}: expected "label: terms" in "${side}"`)
  const label = side.slice(0, colon).trim()
  const terms = side
    .slice(colon + 1)
    .split(',')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .map((raw) => parseTerm(raw, language))
    .filter((term): term is Term => term !== null)
  return { label, terms }
}

/**
 * One term in the format above; `null` when it holds no word at all.
 *
 * @example
 * parseTerm('heat wave*', 'en') // { parts: [{ value: 'heat', prefix: false }, { value: 'wave', prefix: true }], … }
 */
export function parseTerm(raw: string, language: Language | 'any'): Term | null {
  const explicitInner = raw.startsWith('~')
  const startOnly = raw.startsWith('^')
  const text = raw.replace(/^[~^]/, '').toLowerCase().normalize('NFC')
  // The same words a note keeps (see `words` in ../text): a phrase never waits for a stop word.
  const parts = [...text.matchAll(WORD)]
    .map((match) => {
      const prefix = match[0].endsWith('*')
      return { value: prefix ? match[0].slice(0, -1) : match[0], prefix }
    })
    .filter((part) => part.value.length >= 2 && !/^\d+$/.test(part.value) && (part.prefix || !isStopWord(part.value)))
  // A phrase that was mostly stop words ("free time") would match its one word anywhere.
  const written = [...text.matchAll(WORD)].length
  if (parts.length === 0 || (written > 1 && parts.length < 2)) return null
  const single = parts.length === 1 ? parts[0]! : null
  const inner = !startOnly && single !== null && (explicitInner || (language === 'fi' && single.value.length >= 4))
  return { text, language, parts, inner }
}

/**
 * Every concept of a vocabulary text. Throws on a malformed line, naming it: the vocabulary is
 * code the team writes, and a typo should fail a test, not vanish.
 */
export function parseConcepts(text: string, source = 'vocabulary'): Concept[] {
  const concepts: Concept[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    const where = `${source} line ${index + 1}`
    const cells = line.split('|').map((cell) => cell.trim())
    if (cells.length !== 5) throw new Error(`${where}: expected 5 cells separated by "|", found ${cells.length}`)
    const [id, theme, steep, en, fi] = cells as [string, string, string, string, string]
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`${where}: concept id "${id}" must be lower-case letters, digits and dashes`)
    if (!(steep in STEEP)) throw new Error(`${where}: STEEP must be one of S, T, E, N, P`)
    const english = parseSide(en, 'en', where)
    const finnish = parseSide(fi, 'fi', where)
    concepts.push({ id, theme, steep: STEEP[steep]!, label: { en: english.label, fi: finnish.label }, terms: [...english.terms, ...finnish.terms] })
  }
  return concepts
}

/**
 * A workshop's own words: one concept a line, its words separated by commas, in any language
 * ("Kela, social insurance, sosiaaliturva"). The first word names the concept.
 *
 * @example
 * parseOwnWords('kela, social insurance*\nhyte, health promotion')
 */
export function parseOwnWords(text: string): Concept[] {
  const concepts: Concept[] = []
  for (const line of text.split('\n').slice(0, 200)) {
    const terms = line
      .split(/[,;]/)
      .map((raw) => parseTerm(raw.trim().slice(0, 80), 'any'))
      .filter((term): term is Term => term !== null)
      .slice(0, 30)
    if (terms.length === 0) continue
    const label = terms[0]!.text.replace(/\*/g, '')
    concepts.push({ id: `own-${concepts.length + 1}`, theme: '', steep: null, label: { en: label, fi: label }, terms })
  }
  return concepts
}
