/**
 * Whether a short text (a card's title, a consequence) reads as Finnish or English, from the
 * letters and endings each language has and the other hardly does; null when it could be either.
 *
 * A Finnish room often writes some cards in English and an English one some in Finnish, while
 * the workshop has one language. Hyphenating every text by the workshop's rules broke Finnish
 * compounds where English breaks ("Perhevap-aauudistus", "Lastensuoje-luilmoitusten" on the
 * projector of an English workshop, the room test of 7 December). Only where the text says
 * clearly which it is does it override the workshop's language.
 */
export type TextLanguage = 'fi' | 'en'

const FINNISH_LETTERS = /[äöå]/
/** Long vowels English words rarely have ("oo" and "ee" it has: "school", "need"). */
const FINNISH_VOWELS = /aa|ii|uu|yy/g
/** A "y" between consonants or vowels inside a word: a vowel in Finnish ("hyvinvointi"), rare in English. */
const FINNISH_Y = /[^aeiouy]y[^aeiouy]/g
const FINNISH_ENDINGS = /(?:inen|uus|us|ssa|sta|lla|lta|ksi|tten|iden|jen|ista|mme|tte|ssä|stä|llä|ltä|nen)$/
const FINNISH_WORDS = new Set(['ja', 'ei', 'ovat', 'että', 'kun', 'myös', 'tai', 'sekä', 'yhä', 'entistä', 'kanssa'])

const ENGLISH_LETTERS = /[bcfqwxz]|th|sh|ch|ck|ph|wh|gh/g
const ENGLISH_ENDINGS = /(?:ing|tion|sion|ed|ly|ness|ity|ment|ies|ers|able|ful|less|ous)$/
const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'are', 'for', 'with', 'at', 'by', 'from', 'more', 'less', 'a', 'an'])

/** A side's lead of this many marks decides; below it the text could be either ("on" is a word of both). */
const DECISIVE_LEAD = 2

export function guessTextLanguage(text: string): TextLanguage | null {
  let finnish = 0
  let english = 0
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FINNISH_WORDS.has(word)) finnish += 2
    if (ENGLISH_WORDS.has(word)) english += 2
    if (FINNISH_LETTERS.test(word)) finnish += 2
    finnish += (word.match(FINNISH_VOWELS)?.length ?? 0) + (word.match(FINNISH_Y)?.length ?? 0)
    if (word.length > 4 && FINNISH_ENDINGS.test(word)) finnish++
    english += word.match(ENGLISH_LETTERS)?.length ?? 0
    if (word.length > 4 && ENGLISH_ENDINGS.test(word)) english++
  }
  if (finnish - english >= DECISIVE_LEAD) return 'fi'
  if (english - finnish >= DECISIVE_LEAD) return 'en'
  return null
}
