/**
 * The bilingual foresight vocabulary: concepts with English and Finnish terms and a broader
 * theme, and the matcher that finds them in a note's words. It is what lets "hoiva" meet
 * "care" and "kotihoito" meet "home care" when two notes share no word at all.
 */
import { stem } from '../text'
import { ECONOMY } from './economy'
import { ENVIRONMENT } from './environment'
import { PEOPLE } from './people'
import { PLANET } from './planet'
import { parseConcepts, parseOwnWords, type Concept, type Term, type TermPart } from './parse'
import { POLITICS } from './politics'
import { SOCIETY } from './society'
import { TECHNOLOGY } from './technology'
import { WORK } from './work'
import { WORLD } from './world'

export type { Concept, Term } from './parse'
export { parseConcepts, parseOwnWords } from './parse'

/** A concept found in a note: which one, and the note's words that named it. */
export interface ConceptHit {
  readonly concept: Concept
  /** The note's word (or words, for a phrase) as written, lower-cased. */
  readonly words: string
}

interface Entry {
  readonly concept: Concept
  readonly term: Term
}

/** Where an inner match may start: after at least this many letters of the compound. */
const INNER_FROM = 3
const MAX_PREFIX = 24
/** Letters a whole-word term may carry after it inside a compound (Finnish case endings). */
const CASE_ENDING = 5

/**
 * A compiled vocabulary. Matching one word looks it up by its stems and by its prefixes, and,
 * for compounds, by the prefixes of each tail ("kotihoidon" → "hoidon", "oidon", …).
 * Results are cached per word: a workshop repeats its words a lot.
 */
export class Vocabulary {
  readonly concepts: readonly Concept[]
  private readonly exact = new Map<string, Entry[]>()
  /** Prefix terms and whole-word compound heads, in one letter tree: a tail is walked once. */
  private readonly trie: TrieNode = newNode()
  private readonly phrases = new Map<string, Entry[]>()
  private readonly cache = new Map<string, readonly Concept[]>()
  private readonly phraseCache = new Map<string, readonly Entry[]>()
  private readonly longestPrefix: number

  constructor(concepts: readonly Concept[]) {
    this.concepts = concepts
    let longest = 0
    for (const concept of concepts) {
      for (const term of concept.terms) {
        const entry = { concept, term }
        const first = term.parts[0]!
        if (term.parts.length > 1) for (const key of first.prefix ? [first.value] : exactKeys(first.value, term)) push(this.phrases, key, entry)
        else if (first.prefix) {
          insert(this.trie, first.value).prefix.push(entry)
          longest = Math.max(longest, first.value.length)
        } else {
          for (const key of exactKeys(first.value, term)) push(this.exact, key, entry)
          if (term.inner) insert(this.trie, first.value).whole.push(entry)
        }
      }
    }
    this.longestPrefix = Math.min(longest, MAX_PREFIX)
  }

  /** The vocabulary with a workshop's own words added (see `parseOwnWords`). */
  extendedWith(ownWords: string): Vocabulary {
    const own = parseOwnWords(ownWords)
    return own.length === 0 ? this : new Vocabulary([...this.concepts, ...own])
  }

  /**
   * Concepts that the note's words name, with the words that named them.
   *
   * @example
   * DEFAULT_VOCABULARY.match(['vanhusten', 'kotihoito']).map((hit) => hit.concept.id) // ['ageing', 'eldercare', 'homecare', 'care', …]
   */
  match(words: readonly string[]): ConceptHit[] {
    const hits: ConceptHit[] = []
    const seen = new Set<string>()
    const add = (concept: Concept, text: string) => {
      if (seen.has(concept.id)) return
      seen.add(concept.id)
      hits.push({ concept, words: text })
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!
      for (const concept of this.matchWord(word)) add(concept, word)
      if (i + 1 < words.length) for (const entry of this.phrasesStartingWith(word)) this.tryPhrase(entry, words, i, add)
    }
    return hits
  }

  private tryPhrase(entry: Entry, words: readonly string[], start: number, add: (concept: Concept, text: string) => void): void {
    const parts = entry.term.parts
    if (start + parts.length > words.length || !partMatches(parts[0]!, words[start]!)) return
    for (let k = 1; k < parts.length; k++) if (!partMatches(parts[k]!, words[start + k]!)) return
    add(entry.concept, words.slice(start, start + parts.length).join(' '))
  }

  /** Phrases whose first part this word can be (cached: most words start none). */
  private phrasesStartingWith(word: string): readonly Entry[] {
    let entries = this.phraseCache.get(word)
    if (!entries) {
      const found = new Set<Entry>()
      for (const key of phraseKeys(word)) for (const entry of this.phrases.get(key) ?? []) found.add(entry)
      entries = [...found]
      if (this.phraseCache.size > 50_000) this.phraseCache.clear()
      this.phraseCache.set(word, entries)
    }
    return entries
  }

  /** Concepts one word names on its own (cached). */
  matchWord(word: string): readonly Concept[] {
    const cached = this.cache.get(word)
    if (cached) return cached
    const found = new Map<string, Concept>()
    const take = (entries: Entry[] | undefined, innerOnly: boolean) => {
      for (const entry of entries ?? []) if (!innerOnly || entry.term.inner) found.set(entry.concept.id, entry.concept)
    }
    // The whole word by its stems and its prefixes; then each tail from the fourth letter on by
    // its prefixes, and by whole-word terms that leave at most a case ending over ("etätyössä":
    // "työ" + "ssä"). Tails are walked through the letter tree, never stemmed: a thousand notes
    // have tens of thousands of them.
    for (const key of wordKeys(word)) take(this.exact.get(key), false)
    for (let start = 0; start === 0 || start <= word.length - 3; start = start === 0 ? INNER_FROM : start + 1) {
      const inner = start > 0
      let node: TrieNode | undefined = this.trie
      for (let at = start; node && at < word.length && at - start < this.longestPrefix; at++) {
        node = node.next.get(word[at]!)
        if (!node) break
        const length = at - start + 1
        if (length >= (inner ? 3 : 2)) take(node.prefix, inner)
        if (inner && word.length - at - 1 <= CASE_ENDING) take(node.whole, true)
      }
    }
    const result = [...found.values()]
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(word, result)
    return result
  }
}

interface TrieNode {
  readonly next: Map<string, TrieNode>
  /** Prefix terms ending here. */
  readonly prefix: Entry[]
  /** Whole-word terms ending here that may head a compound. */
  readonly whole: Entry[]
}

function newNode(): TrieNode {
  return { next: new Map(), prefix: [], whole: [] }
}

function insert(root: TrieNode, value: string): TrieNode {
  let node = root
  for (const letter of value) {
    let child = node.next.get(letter)
    if (!child) node.next.set(letter, (child = newNode()))
    node = child
  }
  return node
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key)
  if (list) list.push(entry)
  else map.set(key, [entry])
}

/** The keys an exact term is filed under: itself and its stem in its language (both when either). */
function exactKeys(value: string, term: Term): string[] {
  const keys = new Set([value])
  if (term.language !== 'fi') keys.add(stem(value, 'en'))
  if (term.language !== 'en') keys.add(stem(value, 'fi'))
  return [...keys]
}

/** The keys a note's word is looked up by: itself and its stems in both languages. */
function wordKeys(word: string): string[] {
  const en = stem(word, 'en')
  const fi = stem(word, 'fi')
  return en === fi ? (en === word ? [word] : [word, en]) : [word, en, fi]
}

/** The word's stems and its prefixes: a phrase's first part may be either. */
function phraseKeys(word: string): string[] {
  const keys = wordKeys(word)
  for (let length = 2; length < word.length; length++) keys.push(word.slice(0, length))
  return keys
}

function partMatches(part: TermPart, word: string): boolean {
  if (part.prefix) return word.startsWith(part.value)
  return word === part.value || stem(word, 'en') === stem(part.value, 'en') || stem(word, 'fi') === stem(part.value, 'fi')
}

/** The team's vocabulary (see the files beside this one). */
export const DEFAULT_VOCABULARY = new Vocabulary([
  ...parseConcepts(PEOPLE, 'people'),
  ...parseConcepts(WORK, 'work'),
  ...parseConcepts(PLANET, 'planet'),
  ...parseConcepts(WORLD, 'world'),
  ...parseConcepts(SOCIETY, 'society'),
  ...parseConcepts(TECHNOLOGY, 'technology'),
  ...parseConcepts(ECONOMY, 'economy'),
  ...parseConcepts(ENVIRONMENT, 'environment'),
  ...parseConcepts(POLITICS, 'politics'),
])
