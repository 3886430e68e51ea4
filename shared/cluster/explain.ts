/**
 * Why notes belong together, in words a room can check: the shared words and concepts
 * ("care · neighbour · app"), the links a concept made between different words ("hoiva ≈
 * care"), and a trend name to start from.
 */
import type { FeatureKey } from './features'
import type { Model } from './model'
import type { Language } from './text'
import type { Concept } from './vocabulary/index'

export interface Explanation {
  /** Shared words and concepts, strongest first: a concept in the label language, a word as its notes wrote it. */
  readonly keywords: string[]
  /** Different words one concept linked: "hoiva ≈ care". */
  readonly links: string[]
  /** A suggested trend name from the strongest keywords. */
  readonly label: string
}

const KIND_WEIGHT: Record<string, number> = { c: 1.15, w: 1, t: 0 }
const MAX_KEYWORDS = 4
const MAX_LINKS = 3

/**
 * Explains what the notes at `members` (indices into the model) share.
 *
 * @example
 * explain(model, [0, 3, 7], concepts, 'en') // { keywords: ['care', 'neighbour', 'app'], links: ['hoiva ≈ care'], label: 'Care and neighbour' }
 */
export function explain(model: Model, members: readonly number[], concepts: ReadonlyMap<string, Concept>, language: Language): Explanation {
  const counts = new Map<FeatureKey, { notes: number; finnish: number; words: Map<string, number> }>()
  for (const m of members) {
    const note = model.notes[m]!
    for (const [key, feature] of note.features) {
      if (!model.index.has(key)) continue
      const entry = counts.get(key) ?? { notes: 0, finnish: 0, words: new Map<string, number>() }
      entry.notes++
      if (note.language === 'fi') entry.finnish++
      for (const word of feature.words) entry.words.set(word, (entry.words.get(word) ?? 0) + 1)
      counts.set(key, entry)
    }
  }
  const needed = Math.max(2, Math.ceil(members.length * 0.3))
  const ranked = [...counts.entries()]
    .filter(([key, entry]) => entry.notes >= needed && KIND_WEIGHT[key[0]!]! > 0)
    .map(([key, entry]) => ({ key, entry, score: entry.notes * model.idf[model.index.get(key)!]! * KIND_WEIGHT[key[0]!]! }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))

  const keywords: string[] = []
  /** The language each keyword is written in: a concept's label is in `language`, a word in its notes'. */
  const keywordLanguages: Language[] = []
  const links: string[] = []
  /** The pairs in `links`, each sorted: "hire ≈ hiring" and "hiring ≈ hire" are one link. */
  const linked = new Set<string>()
  // Words a chosen concept already stands for ("ai" under "tekoäly") are not listed again.
  const covered = new Set<string>()
  for (const { key, entry } of ranked) {
    const words = byUse(entry.words)
    const isConcept = key.startsWith('c:')
    const text = isConcept ? (concepts.get(key.slice(2))?.label[language] ?? words[0]!) : words[0]!
    const fresh = isConcept || !covered.has(words[0]!)
    if (keywords.length < MAX_KEYWORDS && fresh && !keywords.some((kept) => overlaps(kept, text))) {
      keywords.push(text)
      keywordLanguages.push(isConcept ? language : entry.finnish * 2 > entry.notes ? 'fi' : 'en')
      if (isConcept) for (const word of words) covered.add(word)
    }
    if (key.startsWith('c:') && links.length < MAX_LINKS) {
      const distinct = words.filter((word, i) => words.findIndex((other) => overlaps(other, word)) === i)
      // Two concepts may join the same two words ("hire ≈ hiring" for careers and for the labour
      // market), either way round: said once.
      const pair = distinct.slice(0, 2)
      const key = [...pair].sort().join('\n')
      if (pair.length === 2 && !linked.has(key)) {
        linked.add(key)
        links.push(`${pair[0]} ≈ ${pair[1]}`)
      }
    }
  }
  return { keywords, links, label: nameInOneLanguage(keywords, keywordLanguages, language) }
}

/**
 * A trend name in one language: from the keywords in the label language, else from those in the
 * keywords' most common language, with that language's "and". Finnish notes under an English
 * board once gave "Food and illalla" (a concept's English label beside a Finnish word).
 */
function nameInOneLanguage(keywords: readonly string[], languages: readonly Language[], preferred: Language): string {
  const inLanguage = (wanted: Language) => keywords.filter((_, i) => languages[i] === wanted)
  const preferredWords = inLanguage(preferred)
  if (preferredWords.length > 0) return trendName(preferredWords, preferred)
  const other: Language = preferred === 'en' ? 'fi' : 'en'
  return trendName(inLanguage(other), other)
}

/** Words by how many notes used them, then shortest, then alphabetically. */
function byUse(words: ReadonlyMap<string, number>): string[] {
  return [...words.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1)).map(([word]) => word)
}

/** Two texts that say the same thing for a keyword list ("care" and "caring", "hoiva" and "hoivan"). */
function overlaps(a: string, b: string): boolean {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  if (x.split(' ').includes(y) || y.split(' ').includes(x)) return true
  const shorter = x.length <= y.length ? x : y
  const longer = shorter === x ? y : x
  return longer.startsWith(shorter.slice(0, Math.max(4, Math.ceil(shorter.length * 0.75))))
}

const AND: Record<Language, string> = { en: 'and', fi: 'ja' }

/** "Care and robots" / "Hoiva ja robotit"; `''` when nothing is shared. */
export function trendName(keywords: readonly string[], language: Language): string {
  const [first, second] = keywords
  if (!first) return ''
  const name = second ? `${first} ${AND[language]} ${second}` : first
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1)
}
