/**
 * Derived views of the board that are never stored: sorted lists, what backs each trend, and the
 * unsorted pile. A membership whose trend or signal is gone is ignored here, which is what
 * makes concurrent deletes safe: nothing orphaned is shown, and no signal is lost.
 */
import type { Membership, Signal, Trend } from '../../schema/index'
import { memoByObject, memoLast } from '../../util/memo'
import { byOrderThenId, compareOrder } from '../../util/order'
import type { BoardSnapshot } from '../snapshot'

/** Records of a collection in display order (order key, then id). Cached per collection object. */
export const sortedByOrder = memoByObject(<T extends { id: string; order: string }>(records: ReadonlyMap<string, T>): readonly T[] =>
  Object.freeze([...records.values()].sort(byOrderThenId)),
) as <T extends { id: string; order: string }>(records: ReadonlyMap<string, T>) => readonly T[]

export interface TrendGroup {
  readonly trend: Trend
  /** In the cluster's order; each signal at most once. */
  readonly signals: readonly Signal[]
}

export interface SignalGroups {
  /** Trends in order, each with the signals that back it. */
  readonly trends: readonly TrendGroup[]
  /** Signals backing no existing trend, in wall order. */
  readonly unsorted: readonly Signal[]
  /** For each signal, the ids of the existing trends it backs (empty when unsorted). */
  readonly trendIdsBySignal: ReadonlyMap<string, readonly string[]>
}

const groupSignalsOf = memoLast(
  (signals: ReadonlyMap<string, Signal>, trends: ReadonlyMap<string, Trend>, memberships: ReadonlyMap<string, Membership>): SignalGroups => {
    const byTrend = new Map<string, Membership[]>()
    const trendIdsBySignal = new Map<string, string[]>()
    for (const membership of memberships.values()) {
      if (!trends.has(membership.trendId) || !signals.has(membership.signalId)) continue
      const list = byTrend.get(membership.trendId) ?? []
      list.push(membership)
      byTrend.set(membership.trendId, list)
      const ids = trendIdsBySignal.get(membership.signalId) ?? []
      ids.push(membership.trendId)
      trendIdsBySignal.set(membership.signalId, ids)
    }
    const groups = sortedByOrder(trends).map((trend) => {
      const members = (byTrend.get(trend.id) ?? []).sort((a, b) => compareOrder(a.order, a.signalId, b.order, b.signalId))
      return Object.freeze({ trend, signals: Object.freeze(members.map((m) => signals.get(m.signalId) as Signal)) })
    })
    const unsorted = sortedByOrder(signals).filter((signal) => !trendIdsBySignal.has(signal.id))
    return Object.freeze({ trends: Object.freeze(groups), unsorted: Object.freeze(unsorted), trendIdsBySignal })
  },
)

/**
 * The signals grouped by trend, plus the unsorted pile. A signal backing two trends appears in
 * both clusters and not in the pile; a signal whose only trend was deleted is back in the pile.
 *
 * @example
 * const { trends, unsorted } = groupSignals(board)
 */
export function groupSignals(board: Pick<BoardSnapshot, 'signals' | 'trends' | 'memberships'>): SignalGroups {
  return groupSignalsOf(board.signals, board.trends, board.memberships)
}

export function signalsOfTrend(board: Pick<BoardSnapshot, 'signals' | 'trends' | 'memberships'>, trendId: string): readonly Signal[] {
  return groupSignals(board).trends.find((group) => group.trend.id === trendId)?.signals ?? []
}

/** The ids that still point at something: links to deleted records drop out instead of dangling. */
export function existingIds(ids: readonly string[], records: ReadonlyMap<string, unknown>): string[] {
  return ids.filter((id) => records.has(id))
}
