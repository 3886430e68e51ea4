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

type MembershipSource = Pick<BoardSnapshot, 'signals' | 'trends' | 'memberships'>

/**
 * Of `live` memberships (their trend and signal exist), those a concurrent move overtook: of the
 * moves of one card out of one place, the latest stands, and the trend id breaks a tie the same
 * way on every device. The mover's clock decides only which of two moves made at once wins.
 */
export function overtakenAmong<M extends Pick<Membership, 'signalId' | 'trendId' | 'movedFrom' | 'movedAt'>>(live: readonly M[]): Set<M> {
  const latest = new Map<string, M>()
  for (const m of live) {
    if (m.movedFrom === undefined) continue
    const place = `${m.signalId}|${m.movedFrom}`
    const other = latest.get(place)
    if (!other || (m.movedAt ?? 0) > (other.movedAt ?? 0) || (m.movedAt === other.movedAt && m.trendId > other.trendId)) latest.set(place, m)
  }
  return new Set(live.filter((m) => m.movedFrom !== undefined && latest.get(`${m.signalId}|${m.movedFrom}`) !== m))
}

/** The standing membership that overtook `overtaken` (the same card, moved out of the same place). */
export function overtakerOf(board: MembershipSource, overtaken: Membership): Membership | undefined {
  for (const m of standingMemberships(board).values()) if (m.signalId === overtaken.signalId && m.movedFrom === overtaken.movedFrom) return m
  return undefined
}

const standingOf = memoLast(
  (signals: ReadonlyMap<string, Signal>, trends: ReadonlyMap<string, Trend>, memberships: ReadonlyMap<string, Membership>): ReadonlyMap<string, Membership> => {
    const live = [...memberships].filter(([, m]) => trends.has(m.trendId) && signals.has(m.signalId))
    const overtaken = overtakenAmong(live.map(([, m]) => m))
    return new Map(live.filter(([, m]) => !overtaken.has(m)))
  },
)

/**
 * The memberships that put a card in a trend: their trend and signal exist, and no move of the
 * same card made at the same moment overtook them. Two people moving one card at once, each
 * out of the same place (`movedFrom`), each meant it to be in their trend alone: the later move
 * stands and the other is not shown. The next command on the card removes it, and so do the
 * facilitator's device and the overtaken mover's (`overtakenMoves`). What the board's clusters show
 * (the board, the projector, exports, history) reads these.
 */
export function standingMemberships(board: MembershipSource): ReadonlyMap<string, Membership> {
  return standingOf(board.signals, board.trends, board.memberships)
}

/** The keys of memberships whose trend and signal exist but which a concurrent move overtook. */
export function overtakenMoves(board: MembershipSource): string[] {
  const standing = standingMemberships(board)
  return [...board.memberships].filter(([key, m]) => !standing.has(key) && board.trends.has(m.trendId) && board.signals.has(m.signalId)).map(([key]) => key)
}

const groupSignalsOf = memoLast(
  (signals: ReadonlyMap<string, Signal>, trends: ReadonlyMap<string, Trend>, standing: ReadonlyMap<string, Membership>): SignalGroups => {
    const byTrend = new Map<string, Membership[]>()
    const trendIdsBySignal = new Map<string, string[]>()
    for (const membership of standing.values()) {
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
export function groupSignals(board: MembershipSource): SignalGroups {
  return groupSignalsOf(board.signals, board.trends, standingMemberships(board))
}

export function signalsOfTrend(board: MembershipSource, trendId: string): readonly Signal[] {
  return groupSignals(board).trends.find((group) => group.trend.id === trendId)?.signals ?? []
}

/** The ids that still point at something: links to deleted records drop out instead of dangling. */
export function existingIds(ids: readonly string[], records: ReadonlyMap<string, unknown>): string[] {
  return ids.filter((id) => records.has(id))
}
