/**
 * Filters and counts for the signal wall. A signal whose theme was removed from the workshop is
 * treated as having no theme, so it stays findable under "no theme".
 */
import type { Signal, SteepCategory, Theme } from '../../schema/index'

export interface SignalFilter {
  /** A theme id, `''` for "no theme"; `undefined`/`null` = any. */
  readonly themeId?: string | null
  /** A STEEP category, `''` for "none chosen"; `undefined`/`null` = any. */
  readonly category?: SteepCategory | null
  /** Matches the original author and everyone merged into the card. */
  readonly authorId?: string | null
  /** Case-insensitive words that must all appear in title, description or why it matters. */
  readonly text?: string
}

/**
 * Everyone who wrote the card: whoever wrote it first, then the people whose duplicates were
 * merged into it (stored as a set, so in no meaningful order).
 */
export function signalAuthors(signal: Pick<Signal, 'authorId' | 'authorIds'>): string[] {
  return [...new Set([signal.authorId, ...signal.authorIds])]
}

/** The signal's theme when the workshop still has it, `''` otherwise. */
export function effectiveThemeId(signal: Signal, themeIds: ReadonlySet<string>): string {
  return themeIds.has(signal.themeId) ? signal.themeId : ''
}

/**
 * @example
 * filterSignals(sortedByOrder(board.signals), { themeId: olderPeople.id, category: 'technological' }, meta.themes)
 */
export function filterSignals(signals: readonly Signal[], filter: SignalFilter, themes: readonly Theme[]): Signal[] {
  const themeIds = new Set(themes.map((theme) => theme.id))
  const words = (filter.text ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean)
  return signals.filter((signal) => {
    if (filter.themeId != null && effectiveThemeId(signal, themeIds) !== filter.themeId) return false
    if (filter.category != null && signal.category !== filter.category) return false
    if (filter.authorId != null && signal.authorId !== filter.authorId && !signal.authorIds.includes(filter.authorId)) return false
    if (words.length > 0) {
      const haystack = `${signal.title}\n${signal.description}\n${signal.whyItMatters}`.toLocaleLowerCase()
      if (!words.every((word) => haystack.includes(word))) return false
    }
    return true
  })
}

/** Cards per theme, every theme listed (zero included) plus `''` for no theme. */
export function countByTheme(signals: Iterable<Signal>, themes: readonly Theme[]): Map<string, number> {
  const themeIds = new Set(themes.map((theme) => theme.id))
  const counts = new Map<string, number>([...themes.map((theme): [string, number] => [theme.id, 0]), ['', 0]])
  for (const signal of signals) {
    const id = effectiveThemeId(signal, themeIds)
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

/** Cards per STEEP category (`''` = none chosen). */
export function countByCategory(signals: Iterable<Signal>): Map<SteepCategory, number> {
  const counts = new Map<SteepCategory, number>()
  for (const signal of signals) counts.set(signal.category, (counts.get(signal.category) ?? 0) + 1)
  return counts
}
