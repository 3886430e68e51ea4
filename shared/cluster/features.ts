/**
 * What a note is about, as weighted features: its word stems, the parts of its compound words
 * that other notes use on their own, the vocabulary's concepts it names and their broader
 * themes. Each feature remembers the note's words behind it, so a suggestion can say why.
 */
import { stem, tokenize, type Language, type LanguageChoice, type Token } from './text'
import type { Vocabulary } from './vocabulary/index'

/** A note to compare: a signal card's id and texts. */
export interface NoteInput {
  readonly id: string
  readonly title: string
  readonly description?: string
}

/** How much each kind of evidence counts (tuned on the development set, see the README). */
export interface FeatureWeights {
  /** A word of the title. */
  readonly title: number
  /** A word of the description (longer and looser than the title). */
  readonly description: number
  /** A part of a compound that another note uses as a word ("hoito" in "kotihoito"). */
  readonly compoundPart: number
  /** A vocabulary concept ("care" for "hoiva"). */
  readonly concept: number
  /** A concept's broader theme. */
  readonly theme: number
}

export const DEFAULT_WEIGHTS: FeatureWeights = { title: 1, description: 0.5, compoundPart: 0.7, concept: 3, theme: 1 }

/** Feature keys: `w:` a stem, `c:` a concept, `t:` a theme. */
export type FeatureKey = string

export interface FeatureValue {
  weight: number
  /** The note's words behind it, as written (lower-cased); a few at most, so a list. */
  readonly words: string[]
}

export interface NoteFeatures {
  readonly id: string
  readonly language: Language
  readonly features: Map<FeatureKey, FeatureValue>
}

interface Tokenised {
  readonly note: NoteInput
  readonly language: Language
  readonly title: Token[]
  readonly description: Token[]
}

const MIN_PART = 4

/**
 * The features of every note. Compound parts are found against the whole set: "kotihoito" gains
 * "hoito" when some note says "hoito" (or "hoidon": stems are compared), so a part nobody uses
 * alone adds nothing.
 *
 * @example
 * const notes = extractFeatures([{ id: 'a', title: 'Kotihoito digitalisoituu' }, { id: 'b', title: 'Hoito etänä' }], DEFAULT_VOCABULARY)
 * notes[0].features.has('w:hoito') // true
 */
export function extractFeatures(
  notes: readonly NoteInput[],
  vocabulary: Vocabulary,
  options: { language?: LanguageChoice; fallback?: Language; weights?: FeatureWeights } = {},
): NoteFeatures[] {
  const weights = options.weights ?? DEFAULT_WEIGHTS
  const tokenised: Tokenised[] = notes.map((note) => {
    const title = tokenize(note.title, options.language ?? 'auto', options.fallback)
    const language = title.language
    const description = note.description ? tokenize(note.description, language).tokens : []
    return { note, language, title: title.tokens, description }
  })
  const stems = new Set<string>()
  for (const note of tokenised) for (const token of [...note.title, ...note.description]) stems.add(token.stem)

  // Words repeat across a wall: split each (word, language) once per call.
  const parts = new Map<string, string[]>()
  const partsOf = (token: Token, language: Language) => {
    const key = `${language}:${token.word}`
    let found = parts.get(key)
    if (!found) parts.set(key, (found = compoundParts(token, language, stems)))
    return found
  }

  return tokenised.map(({ note, language, title, description }) => {
    const features = new Map<FeatureKey, FeatureValue>()
    const add = (key: FeatureKey, weight: number, word: string) => {
      const existing = features.get(key)
      if (existing) {
        existing.weight += weight
        if (!existing.words.includes(word)) existing.words.push(word)
      } else features.set(key, { weight, words: [word] })
    }
    for (const [tokens, weight] of [
      [title, weights.title],
      [description, weights.description],
    ] as const) {
      for (const token of tokens) {
        add(`w:${token.stem}`, weight, token.word)
        for (const part of partsOf(token, language)) add(`w:${part}`, weight * weights.compoundPart, token.word)
      }
      for (const hit of vocabulary.match(tokens.map((token) => token.word))) {
        add(`c:${hit.concept.id}`, weight * weights.concept, hit.words)
        if (hit.concept.theme) add(`t:${hit.concept.theme}`, weight * weights.theme, hit.words)
      }
    }
    return { id: note.id, language, features }
  })
}

/**
 * The stems of a compound's head and modifier when other notes use them as words: "kotihoito"
 * → "hoito" and "koti". Splits are tried from the left, so the longest head wins.
 */
function compoundParts(token: Token, language: Language, stems: ReadonlySet<string>): string[] {
  const word = token.word
  if (word.length < MIN_PART * 2) return []
  for (let split = MIN_PART; split <= word.length - MIN_PART; split++) {
    const head = stem(word.slice(split), language)
    if (head === token.stem || !stems.has(head)) continue
    const modifier = word.slice(0, split)
    const modifierStem = stem(modifier, language)
    return stems.has(modifierStem) ? [head, modifierStem] : [head]
  }
  return []
}
