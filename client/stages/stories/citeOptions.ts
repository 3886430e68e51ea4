/**
 * What a story can cite, and the picker's search over it: trends (key drivers first), the
 * consequences on their futures wheels, and the signals. Pure, so the search is tested without a
 * browser and stays fast on a board of 1,000 signals.
 */
import { sortedByOrder, visibleWheelNodes } from '../../../shared/doc/index.ts'
import type { CitableBoard } from '../../../shared/doc/stories/index.ts'
import type { CitationKind, SteepCategory, Valence } from '../../../shared/schema/index.ts'

export interface CiteOption {
  readonly kind: CitationKind
  readonly refId: string
  /** The item's name as it reads now; `''` for a trend nobody has named yet. */
  readonly name: string
  readonly keyDriver: boolean
  /** Consequences: the trend at the wheel's centre, and the ring (1–3). */
  readonly trendName: string | null
  readonly ring: number | null
  readonly valence: Valence | null
  /** Signals: their STEEP category. */
  readonly category: SteepCategory | null
  /** Lower-cased, accent-free words the search matches against. */
  readonly haystack: string
}

/** The order kinds are offered in: the trend first, what follows from it, then the evidence. */
export const CITE_KIND_ORDER: readonly CitationKind[] = ['trend', 'wheelNode', 'signal']

/** Lower case without diacritics, so "aino" finds "Äino" and "hyvinvointi" finds "Hyvinvointi". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Every citable item in picker order. Consequences are listed per wheel, and only those the wheel
 * shows (one under a deleted parent is gone with it).
 *
 * @example
 * const options = citeOptions(board, control.keyDrivers)
 */
export function citeOptions(board: CitableBoard, keyDrivers: readonly string[]): CiteOption[] {
  const drivers = new Set(keyDrivers)
  const trends = [...sortedByOrder(board.trends)].sort((a, b) => Number(drivers.has(b.id)) - Number(drivers.has(a.id)))
  const blank = { keyDriver: false, trendName: null, ring: null, valence: null, category: null }
  const options: CiteOption[] = []
  for (const trend of trends) {
    const name = trend.name.trim()
    options.push({ ...blank, kind: 'trend', refId: trend.id, name, keyDriver: drivers.has(trend.id), haystack: normalizeForSearch(name) })
  }
  for (const trend of trends) {
    for (const node of visibleWheelNodes(board, trend.id)) {
      const name = node.text.trim()
      if (name === '') continue
      const trendName = trend.name.trim()
      options.push({
        ...blank,
        kind: 'wheelNode',
        refId: node.id,
        name,
        trendName,
        ring: node.ring,
        valence: node.valence,
        haystack: normalizeForSearch(`${name} ${trendName}`),
      })
    }
  }
  for (const signal of sortedByOrder(board.signals)) {
    const name = signal.title.trim()
    options.push({ ...blank, kind: 'signal', refId: signal.id, name, category: signal.category, haystack: normalizeForSearch(`${name} ${signal.description}`) })
  }
  return options
}

export interface CiteSearchResult {
  /** Matches per kind, at most `limit` each, in picker order. */
  readonly byKind: ReadonlyMap<CitationKind, readonly CiteOption[]>
  /** Matches past the limit, per kind ("12 more signals: type to narrow down"). */
  readonly more: ReadonlyMap<CitationKind, number>
  readonly total: number
}

/**
 * Options whose text contains every word of the query (any order, any case, accents ignored).
 *
 * @example
 * searchCiteOptions(options, 'robot care', 20).byKind.get('signal')
 */
export function searchCiteOptions(options: readonly CiteOption[], query: string, limit: number): CiteSearchResult {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean)
  const byKind = new Map<CitationKind, CiteOption[]>(CITE_KIND_ORDER.map((kind) => [kind, []]))
  const more = new Map<CitationKind, number>(CITE_KIND_ORDER.map((kind) => [kind, 0]))
  let total = 0
  for (const option of options) {
    if (!words.every((word) => option.haystack.includes(word))) continue
    total++
    const list = byKind.get(option.kind)!
    if (list.length < limit) list.push(option)
    else more.set(option.kind, more.get(option.kind)! + 1)
  }
  return { byKind, more, total }
}
