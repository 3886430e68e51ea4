/**
 * Measures the clustering assistant on the labelled set in `tests/fixtures/`: adjusted Rand
 * index and purity, overall and per language, for the development and the held-out half, next
 * to two baselines. Used by `tests/clusterQuality.test.ts` (which fails below the floor) and by
 * `npm run cluster-quality` (which prints the table).
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { adjustedRandIndex, assignment, purity, suggestClusters, words, type AssistantOptions } from '../../shared/cluster/index.ts'
import { mulberry32 } from '../../shared/doc/testing/prng.ts'

export interface LabelledSignal {
  id: string
  title: string
  description: string
  group: string
  language: 'en' | 'fi' | 'mixed'
  split: 'dev' | 'test'
}

export const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'signals-labelled.json')

export function loadLabelled(): LabelledSignal[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { signals: LabelledSignal[] }).signals
}

export type Method = 'assistant' | 'titleWord' | 'random'
export interface Score {
  ari: number
  purity: number
  /** Gold pairs in different languages that ended up together (meaning across languages). */
  crossLanguage: number
  groups: number
  unclustered: number
}

/** Groups of ids per method (singletons may be left out: `assignment` makes them singletons). */
export function groupsBy(
  method: Method,
  signals: readonly LabelledSignal[],
  options: AssistantOptions & { threshold?: number; attach?: number } = {},
): string[][] {
  if (method === 'assistant') return suggestClusters(signals, options).clusters.map((cluster) => cluster.ids)
  if (method === 'titleWord') return sharesTitleWord(signals)
  return randomGroups(signals, new Set(signals.map((s) => s.group)).size, 18)
}

/** Scores a grouping of `signals` against their gold groups. */
export function score(signals: readonly LabelledSignal[], groups: string[][]): Score {
  const ids = signals.map((s) => s.id)
  const gold = signals.map((s) => s.group)
  const predicted = assignment(ids, groups)
  let crossTotal = 0
  let crossTogether = 0
  for (let i = 0; i < signals.length; i++) {
    for (let j = i + 1; j < signals.length; j++) {
      if (gold[i] !== gold[j] || signals[i]!.language === signals[j]!.language) continue
      crossTotal++
      if (predicted[i] === predicted[j]) crossTogether++
    }
  }
  const clustered = new Set(groups.filter((g) => g.length > 1).flat())
  return {
    ari: adjustedRandIndex(gold, predicted),
    purity: purity(gold, predicted),
    crossLanguage: crossTotal === 0 ? 0 : crossTogether / crossTotal,
    groups: groups.filter((g) => g.length > 1).length,
    unclustered: ids.filter((id) => !clustered.has(id)).length,
  }
}

/** Scores a method on a subset: the method sees only that subset, as a room would. */
export function evaluate(method: Method, signals: readonly LabelledSignal[], options: AssistantOptions & { threshold?: number; attach?: number } = {}): Score {
  if (method === 'random') {
    // Chance is noisy: the mean of 20 seeds.
    const runs = Array.from({ length: 20 }, (_, seed) => score(signals, randomGroups(signals, new Set(signals.map((s) => s.group)).size, seed + 1)))
    const mean = (pick: (s: Score) => number) => runs.reduce((sum, s) => sum + pick(s), 0) / runs.length
    return { ari: mean((s) => s.ari), purity: mean((s) => s.purity), crossLanguage: mean((s) => s.crossLanguage), groups: runs[0]!.groups, unclustered: 0 }
  }
  return score(signals, groupsBy(method, signals, options))
}

/**
 * The "shares a title word" baseline: notes linked when their titles share a word (lower-cased,
 * stop words left out, no stemming), groups = connected parts of that graph.
 */
export function sharesTitleWord(signals: readonly LabelledSignal[]): string[][] {
  const parent = signals.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const firstWith = new Map<string, number>()
  signals.forEach((signal, i) => {
    for (const word of new Set(words(signal.title))) {
      const other = firstWith.get(word)
      if (other === undefined) firstWith.set(word, i)
      else parent[find(i)] = find(other)
    }
  })
  const groups = new Map<number, string[]>()
  signals.forEach((signal, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), signal.id]))
  return [...groups.values()]
}

function randomGroups(signals: readonly LabelledSignal[], k: number, seed: number): string[][] {
  const next = mulberry32(seed)
  const groups: string[][] = Array.from({ length: k }, () => [])
  for (const signal of signals) groups[Math.floor(next() * k)]!.push(signal.id)
  return groups
}

export type Subset = 'all' | 'en' | 'fi'
export function subset(signals: readonly LabelledSignal[], split: 'dev' | 'test' | 'all', language: Subset): LabelledSignal[] {
  return signals.filter((s) => (split === 'all' || s.split === split) && (language === 'all' || s.language === language))
}
