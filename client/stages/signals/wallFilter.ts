/**
 * The wall's filters (local to each person: filtering never changes what others see) and the
 * lists the filter bar shows, built on `filterSignals` / `countByTheme` from shared/doc.
 */
import { countByTheme, filterSignals, signalAuthors, type SignalFilter } from '../../../shared/doc/index.ts'
import type { Participant } from '../../../shared/schema/participant.ts'
import type { Theme } from '../../../shared/schema/meta.ts'
import type { Signal, SteepCategory } from '../../../shared/schema/signal.ts'

export interface WallFilterState {
  /** A theme id, `''` for "no theme", `null` for all. */
  themeId: string | null
  category: SteepCategory | null
  authorId: string | null
}

export const NO_FILTER: WallFilterState = { themeId: null, category: null, authorId: null }

export function isFiltering(filter: WallFilterState): boolean {
  return filter.themeId !== null || filter.category !== null || filter.authorId !== null
}

export function applyWallFilter(signals: readonly Signal[], filter: WallFilterState, themes: readonly Theme[]): readonly Signal[] {
  if (!isFiltering(filter)) return signals
  const query: SignalFilter = { themeId: filter.themeId, category: filter.category, authorId: filter.authorId }
  return filterSignals(signals, query, themes)
}

export interface ThemeChip {
  /** `''` = no theme. */
  id: string
  /** `null` for the "no theme" chip, whose words the UI supplies. */
  label: string | null
  count: number
}

/**
 * One chip per theme with its card count (zero included: an empty theme is worth seeing), and a
 * "no theme" chip only when some card has none.
 */
export function themeChips(signals: Iterable<Signal>, themes: readonly Theme[]): ThemeChip[] {
  const counts = countByTheme(signals, themes)
  const chips: ThemeChip[] = themes.map((theme) => ({ id: theme.id, label: theme.label, count: counts.get(theme.id) ?? 0 }))
  const unthemed = counts.get('') ?? 0
  if (unthemed > 0) chips.push({ id: '', label: null, count: unthemed })
  return chips
}

export interface AuthorOption {
  id: string
  /** `null` when the person never told the board their name. */
  name: string | null
  count: number
}

/** Everyone with at least one card on the wall (merged co-authors too), by name. */
export function authorOptions(signals: Iterable<Signal>, participants: ReadonlyMap<string, Participant>): AuthorOption[] {
  const counts = new Map<string, number>()
  for (const signal of signals) {
    for (const id of signalAuthors(signal)) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return [...counts]
    .map(([id, count]) => ({ id, name: participants.get(id)?.name ?? null, count }))
    .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || (a.id < b.id ? -1 : 1))
}

/** Drops a filter value that no longer exists (a theme removed, an author's cards merged away). */
export function pruneFilter(filter: WallFilterState, themes: readonly Theme[], authors: readonly AuthorOption[]): WallFilterState {
  const themeGone = filter.themeId !== null && filter.themeId !== '' && !themes.some((theme) => theme.id === filter.themeId)
  const authorGone = filter.authorId !== null && !authors.some((author) => author.id === filter.authorId)
  if (!themeGone && !authorGone) return filter
  return { ...filter, themeId: themeGone ? null : filter.themeId, authorId: authorGone ? null : filter.authorId }
}
