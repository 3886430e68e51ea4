/**
 * Notes as TF-IDF vectors (BM25's saturation on the term frequency) and the cosine similarity
 * between them. A feature that one note alone has cannot link two notes and is left out; one
 * that most notes share counts little.
 */
import type { FeatureKey, NoteFeatures } from './features'

/** A unit-length sparse vector: feature indices (ascending) and their weights. */
export interface SparseVector {
  readonly indices: Int32Array
  readonly values: Float32Array
}

export interface Model {
  readonly notes: readonly NoteFeatures[]
  /** Feature key → index, for features at least two notes share. */
  readonly index: ReadonlyMap<FeatureKey, number>
  readonly keys: readonly FeatureKey[]
  readonly idf: Float32Array
  readonly vectors: readonly SparseVector[]
}

/** BM25's k1: a word written three times counts less than three times. */
const SATURATION = 1.2

/**
 * Builds the vectors of a set of notes.
 *
 * @example
 * const model = buildModel(extractFeatures(notes, DEFAULT_VOCABULARY))
 * cosine(model.vectors[0], model.vectors[1])
 */
/**
 * Rarity is judged as if there were at least this many notes: on a wall of five cards every
 * shared word would look common, and a threshold tuned on a real wall would mean nothing.
 */
const MIN_DOCUMENTS = 50

export function buildModel(notes: readonly NoteFeatures[]): Model {
  const documentFrequency = new Map<FeatureKey, number>()
  for (const note of notes) for (const key of note.features.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1)
  // Sorted keys make the indices, and so every sum below, independent of the input order.
  const keys = [...documentFrequency.entries()]
    .filter(([, df]) => df >= 2)
    .map(([key]) => key)
    .sort()
  const index = new Map(keys.map((key, i) => [key, i]))
  const n = Math.max(notes.length, MIN_DOCUMENTS)
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5))
  const idf = Float32Array.from(keys, (key) => idfOf(documentFrequency.get(key)!))
  // A note's own words (df 1) link it to nothing but still make it what it is: they count in its
  // length, so two long notes sharing one word are less alike than two short ones.
  const unique = idfOf(1)
  return { notes, index, keys, idf, vectors: notes.map((note) => vectorOf(note, index, idf, unique)) }
}

/** One note's unit vector over a model's shared features (its length counts all its features). */
export function vectorOf(note: NoteFeatures, index: ReadonlyMap<FeatureKey, number>, idf: Float32Array, uniqueIdf: number): SparseVector {
  const entries: [number, number][] = []
  let norm = 0
  for (const [key, feature] of note.features) {
    const i = index.get(key)
    const tf = (feature.weight * (SATURATION + 1)) / (feature.weight + SATURATION)
    const value = tf * (i === undefined ? uniqueIdf : idf[i]!)
    norm += value * value
    if (i !== undefined) entries.push([i, value])
  }
  entries.sort((a, b) => a[0] - b[0])
  norm = Math.sqrt(norm) || 1
  return { indices: Int32Array.from(entries, ([i]) => i), values: Float32Array.from(entries, ([, value]) => value / norm) }
}

/** Cosine similarity of two unit vectors (a merge of two sorted index lists). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i]!
    const bj = b.indices[j]!
    if (ai === bj) sum += a.values[i++]! * b.values[j++]!
    else if (ai < bj) i++
    else j++
  }
  return sum
}

/**
 * Every pair's similarity as a dense n × n matrix, through an inverted index: only pairs that
 * share a feature are touched, which for sticky notes is a small part of all pairs.
 */
export function similarityMatrix(model: Model): Float32Array {
  const n = model.vectors.length
  const matrix = new Float32Array(n * n)
  // Postings as flat typed arrays (note, weight), laid out feature by feature.
  const counts = new Int32Array(model.keys.length + 1)
  for (const vector of model.vectors) for (const i of vector.indices) counts[i + 1]!++
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!
  const fill = counts.slice(0, model.keys.length)
  const notes = new Int32Array(counts[model.keys.length]!)
  const values = new Float32Array(notes.length)
  model.vectors.forEach((vector, note) => {
    for (let k = 0; k < vector.indices.length; k++) {
      const at = fill[vector.indices[k]!]!++
      notes[at] = note
      values[at] = vector.values[k]!
    }
  })
  for (let f = 0; f < model.keys.length; f++) {
    const end = counts[f + 1]!
    for (let x = counts[f]!; x < end; x++) {
      const a = notes[x]!
      const va = values[x]!
      for (let y = x + 1; y < end; y++) {
        const add = va * values[y]!
        matrix[a * n + notes[y]!]! += add
        matrix[notes[y]! * n + a]! += add
      }
    }
  }
  return matrix
}
