/**
 * From a sticky note's text to the words the assistant compares: lower-cased tokens without stop
 * words, each with its Snowball stem in the note's language. Finnish and English notes, and
 * notes that mix the two, go through the same steps.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english'
import { stemmer as stemFinnish } from '@orama/stemmers/finnish'
import { STOP_WORDS, isStopWord } from './stopwords'

export type Language = 'en' | 'fi'
/** `auto` decides per note (a Finnish room writes some notes in English). */
export type LanguageChoice = Language | 'auto'

/** One word of a note: as written (lower-cased) and its stem. */
export interface Token {
  readonly word: string
  readonly stem: string
}

// Letters and digits of any script; a hyphen or apostrophe inside a word splits it
// ("co-housing" → co, housing; "e-scooter" → e, scooter, and "e" is then too short).
const WORD = /[\p{L}\p{N}]+/gu
const MIN_LENGTH = 2

/**
 * The note's words, lower-cased and NFC-normalised, in order, stop words and one-letter
 * fragments left out.
 *
 * @example
 * words('Neighbours share a care-app!') // ['neighbours', 'share', 'care', 'app']
 */
export function words(text: string): string[] {
  const out: string[] = []
  for (const match of text.normalize('NFC').toLowerCase().matchAll(WORD)) {
    const word = match[0]
    if (word.length >= MIN_LENGTH && !isStopWord(word) && !/^\d+$/.test(word)) out.push(word)
  }
  return out
}

const FINNISH_LETTERS = /[äöå]/
const FINNISH_ENDINGS = /(ssa|ssä|sta|stä|lla|llä|lta|ltä|ksi|nen|iden|jen|ien|ista|istä|tten|uus|yys|inen|mme|tte|ään|een|iin|oon|uun)$/
const ENGLISH_ENDINGS = /(ing|tion|ness|ment|ship|able|ies|ed|ly|ers)$/

/**
 * English or Finnish, from the raw text: grammar words count most, then Finnish letters and
 * typical endings. A tie goes to `fallback` (the workshop's language).
 *
 * @example
 * detectLanguage('Vanhusten kotihoito siirtyy etäyhteyksiin') // 'fi'
 * detectLanguage('Home care robots in every town') // 'en'
 */
export function detectLanguage(text: string, fallback: Language = 'en'): Language {
  let fi = 0
  let en = 0
  for (const match of text.normalize('NFC').toLowerCase().matchAll(WORD)) {
    const word = match[0]
    if (STOP_WORDS.fi.has(word)) fi += 2
    if (STOP_WORDS.en.has(word)) en += 2
    if (FINNISH_LETTERS.test(word)) fi += 1
    if (word.length > 4 && FINNISH_ENDINGS.test(word)) fi += 1
    if (word.length > 4 && ENGLISH_ENDINGS.test(word)) en += 1
  }
  return fi === en ? fallback : fi > en ? 'fi' : 'en'
}

const STEMMERS: Record<Language, (word: string) => string> = { en: stemEnglish, fi: stemFinnish }

/**
 * Snowball stem of a word (English "caring" → "care", Finnish "koulutuksen" → "koulutuks").
 * Stems are cached: a workshop repeats its words a lot.
 */
export function stem(word: string, language: Language): string {
  const cache = STEM_CACHE[language]
  let stemmed = cache.get(word)
  if (stemmed === undefined) {
    stemmed = STEMMERS[language](word)
    if (cache.size > 50_000) cache.clear()
    cache.set(word, stemmed)
  }
  return stemmed
}
const STEM_CACHE: Record<Language, Map<string, string>> = { en: new Map(), fi: new Map() }

/**
 * The note's tokens in its language (detected when `language` is `auto`).
 *
 * @example
 * tokenize('Hoitajat väsyvät', 'fi') // [{ word: 'hoitajat', stem: 'hoitaj' }, { word: 'väsyvät', stem: 'väsyv' }]
 */
export function tokenize(text: string, language: LanguageChoice, fallback: Language = 'en'): { language: Language; tokens: Token[] } {
  const resolved = language === 'auto' ? detectLanguage(text, fallback) : language
  return { language: resolved, tokens: words(text).map((word) => ({ word, stem: stem(word, resolved) })) }
}
