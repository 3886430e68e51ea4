/**
 * What "Merge into…" will produce, shown before anything is written. Mirrors `mergeSignals`
 * (shared/doc/commands/signals.ts): the kept card keeps its title and gains the duplicate's
 * authors, links, and its theme and category where it has none.
 */
import type { Signal } from '../../../shared/schema/signal.ts'

export interface MergePreview {
  title: string
  authorIds: readonly string[]
  /** Every link, the kept card's primary one first. */
  sources: readonly string[]
  themeId: string
  category: Signal['category']
  /** True when the duplicate's description is appended to the kept one. */
  addsDescription: boolean
}

export function mergePreview(keep: Signal, drop: Signal): MergePreview {
  const authorIds = [...new Set([keep.authorId, ...keep.authorIds, drop.authorId, ...drop.authorIds])]
  const sources = [...new Set([keep.sourceUrl, ...keep.sources, drop.sourceUrl, ...drop.sources].filter((url) => url !== ''))]
  return {
    title: keep.title,
    authorIds,
    sources,
    themeId: keep.themeId || drop.themeId,
    category: keep.category || drop.category,
    addsDescription: drop.description !== '' && !keep.description.includes(drop.description),
  }
}

const words = (text: string) =>
  new Set(
    text
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3),
  )

/** Shared words over all words of two titles (0–1): a cheap "looks like a duplicate" score. */
export function titleSimilarity(a: string, b: string): number {
  const left = words(a)
  const right = words(b)
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return shared / (left.size + right.size - shared)
}

/**
 * The cards the duplicate could go into: matching the search words, likely duplicates first
 * (by title similarity), then wall order. The duplicate itself is never offered.
 */
export function mergeCandidates(signals: readonly Signal[], drop: Signal, query: string, limit = 50): Signal[] {
  const needles = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const scored: { signal: Signal; score: number; index: number }[] = []
  signals.forEach((signal, index) => {
    if (signal.id === drop.id) return
    const haystack = `${signal.title}\n${signal.description}`.toLocaleLowerCase()
    if (!needles.every((needle) => haystack.includes(needle))) return
    scored.push({ signal, score: titleSimilarity(signal.title, drop.title), index })
  })
  scored.sort((a, b) => b.score - a.score || a.index - b.index)
  return scored.slice(0, limit).map((entry) => entry.signal)
}
