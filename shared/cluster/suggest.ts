/**
 * The clustering assistant's two questions, answered the same way in the browser, on the server
 * and on the command line: "which of these notes belong together?" and "is the note I am writing
 * already on the wall?". Deterministic: the same notes give the same answer, in any order.
 */
import { averageLinkage } from './agglomerate'
import { explain } from './explain'
import { DEFAULT_WEIGHTS, extractFeatures, type FeatureWeights, type NoteInput } from './features'
import { buildModel, cosine, similarityMatrix } from './model'
import { reassign } from './refine'
import type { Language, LanguageChoice } from './text'
import { DEFAULT_VOCABULARY, type Concept, type Vocabulary } from './vocabulary/index'

export type { NoteInput } from './features'

export interface AssistantOptions {
  /** Stemming language; `auto` (default) decides per note, so mixed rooms work. */
  readonly language?: LanguageChoice
  /** Language of keywords and trend names; by default the notes' majority language. */
  readonly labelLanguage?: Language
  /** For notes too short to tell (and ties): the workshop's language. */
  readonly fallback?: Language
  /** A workshop's own words, one concept a line (see `parseOwnWords`). */
  readonly ownWords?: string
  readonly vocabulary?: Vocabulary
  readonly weights?: FeatureWeights
}

/**
 * Groups merge while their notes' average similarity is at least this; then notes move to the
 * group they are most like (`refine.ts`) and lone notes join one from `ATTACH_THRESHOLD` on.
 * Both were chosen on the development half of the labelled set (`tests/fixtures/
 * signals-labelled.json`, `npm run cluster-quality -- --sweep`): ARI 0.53 at 0.08 and at 0.10,
 * 0.50 at 0.12, falling past it (groups split into pairs) and below 0.08 (unrelated groups run
 * together). Of the two tied values the lower is taken: a room's themes hold more cards than the
 * half-set's groups of five, and a bigger group's average similarity is lower, so it splits at a
 * threshold a small one passes. The held-out half, never used for choosing, gives 0.56; the whole set 0.52.
 */
export const CLUSTER_THRESHOLD = 0.08

/** A lone note joins the group it is most like on average from this similarity on (see `refine.ts`). */
export const ATTACH_THRESHOLD = 0.06

/**
 * "Looks like …" needs a closer match than a group does: a wrong hint interrupts a writer. On the
 * development half, a note's best match at 0.3 or above shares its gold group three times in
 * four (precision 0.76, the highest of any threshold), and a hint shows for about half the notes.
 */
export const SIMILAR_THRESHOLD = 0.3

export interface SuggestedCluster {
  /** A trend name to start from. */
  readonly label: string
  /** What the notes share, strongest first ("care · neighbour · app"). */
  readonly keywords: string[]
  /** Different words a concept linked ("hoiva ≈ care"). */
  readonly links: string[]
  /** The notes, in the order they were given. */
  readonly ids: string[]
}

export interface Suggestions {
  readonly clusters: SuggestedCluster[]
  /** Notes that matched no other closely enough. */
  readonly unclustered: string[]
}

/**
 * Proposes groups of notes, each with what explains it.
 *
 * @example
 * const { clusters } = suggestClusters(unsortedSignals, { fallback: 'fi' })
 * clusters[0] // { label: 'Hoiva ja robotit', keywords: ['hoiva', 'robotit'], links: ['hoiva ≈ care'], ids: [...] }
 */
export function suggestClusters(notes: readonly NoteInput[], options: AssistantOptions & { threshold?: number; attach?: number } = {}): Suggestions {
  const ordered = canonicalOrder(notes)
  const vocabulary = vocabularyFor(options)
  const features = extractFeatures(ordered, vocabulary, { language: options.language, fallback: options.fallback, weights: options.weights ?? DEFAULT_WEIGHTS })
  const model = buildModel(features)
  const matrix = similarityMatrix(model)
  const merged = averageLinkage(matrix, ordered.length, options.threshold ?? CLUSTER_THRESHOLD)
  const groups = reassign(matrix, ordered.length, merged, options.attach ?? ATTACH_THRESHOLD)

  const position = new Map(notes.map((note, i) => [note.id, i]))
  const byInput = (ids: string[]) => ids.sort((a, b) => position.get(a)! - position.get(b)!)
  const concepts = conceptMap(vocabulary)
  const clusters: SuggestedCluster[] = []
  const unclustered: string[] = []
  for (const group of groups) {
    const ids = group.map((i) => ordered[i]!.id)
    if (group.length < 2) {
      unclustered.push(...ids)
      continue
    }
    const language =
      options.labelLanguage ??
      majorityLanguage(
        group.map((i) => features[i]!.language),
        options.fallback,
      )
    const { label, keywords, links } = explain(model, group, concepts, language)
    clusters.push({ label, keywords, links, ids: byInput(ids) })
  }
  // Biggest first; equal sizes by their smallest id, so the order does not depend on the input's.
  const smallest = (ids: readonly string[]) => ids.reduce((min, id) => (id < min ? id : min))
  clusters.sort((a, b) => b.ids.length - a.ids.length || (smallest(a.ids) < smallest(b.ids) ? -1 : 1))
  return { clusters, unclustered: byInput(unclustered) }
}

export interface SimilarNote {
  readonly id: string
  /** Cosine similarity, 0–1. */
  readonly score: number
  readonly keywords: string[]
  readonly links: string[]
}

const DRAFT_ID = '\u0000draft'

/**
 * The notes most like a draft, best first; only those at or above `SIMILAR_THRESHOLD`. The
 * caller decides what the draft may be compared with (during a private round: the writer's own
 * cards and the revealed wall, nothing else).
 *
 * @example
 * findSimilar({ title: 'Naapurit jakavat hoivasovelluksen' }, wall, { limit: 3 })[0]?.id
 */
export function findSimilar(
  draft: { title: string; description?: string },
  candidates: readonly NoteInput[],
  options: AssistantOptions & { limit?: number; threshold?: number } = {},
): SimilarNote[] {
  if (draft.title.trim().length < 3 || candidates.length === 0) return []
  const ordered = canonicalOrder(candidates)
  const vocabulary = vocabularyFor(options)
  const features = extractFeatures([...ordered, { id: DRAFT_ID, ...draft }], vocabulary, {
    language: options.language,
    fallback: options.fallback,
    weights: options.weights,
  })
  const model = buildModel(features)
  const mine = model.vectors[ordered.length]!
  const threshold = options.threshold ?? SIMILAR_THRESHOLD
  const concepts = conceptMap(vocabulary)
  const language = options.labelLanguage ?? features[ordered.length]!.language
  return ordered
    .map((note, i) => ({ note, i, score: cosine(mine, model.vectors[i]!) }))
    .filter(({ score }) => score >= threshold)
    .sort((a, b) => b.score - a.score || (a.note.id < b.note.id ? -1 : 1))
    .slice(0, options.limit ?? 3)
    .map(({ note, i, score }) => {
      const { keywords, links } = explain(model, [ordered.length, i], concepts, language)
      return { id: note.id, score, keywords, links }
    })
}

/** Notes sorted by id (duplicates dropped): the answer must not depend on the order given. */
function canonicalOrder(notes: readonly NoteInput[]): NoteInput[] {
  const seen = new Set<string>()
  return [...notes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((note) => !seen.has(note.id) && seen.add(note.id) !== undefined)
}

let lastExtended: { base: Vocabulary; words: string; vocabulary: Vocabulary } | null = null

/** The vocabulary with the workshop's words; the last one is kept (a writer types many times). */
function vocabularyFor(options: AssistantOptions): Vocabulary {
  const base = options.vocabulary ?? DEFAULT_VOCABULARY
  const words = options.ownWords?.trim() ?? ''
  if (!words) return base
  if (lastExtended?.base !== base || lastExtended.words !== words) lastExtended = { base, words, vocabulary: base.extendedWith(words) }
  return lastExtended.vocabulary
}

const CONCEPT_MAPS = new WeakMap<Vocabulary, Map<string, Concept>>()
function conceptMap(vocabulary: Vocabulary): Map<string, Concept> {
  let map = CONCEPT_MAPS.get(vocabulary)
  if (!map) {
    map = new Map(vocabulary.concepts.map((concept) => [concept.id, concept]))
    CONCEPT_MAPS.set(vocabulary, map)
  }
  return map
}

function majorityLanguage(languages: readonly Language[], fallback: Language = 'en'): Language {
  const fi = languages.filter((language) => language === 'fi').length
  const en = languages.length - fi
  return fi === en ? fallback : fi > en ? 'fi' : 'en'
}
