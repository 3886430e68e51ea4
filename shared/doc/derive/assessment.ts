/**
 * The group's assessment of each trend: where the room placed it, how much people disagree, who
 * to ask about it, and the dot votes.
 *
 * - Centre: the median of each axis (one extreme placement cannot drag it).
 * - Spread: the median absolute deviation (MAD), "half the room is within ±MAD of the centre",
 *   which finds the outliers below: with 3–10 placements it stays steady as people move.
 * - Middle half: the first and third quartiles, what the Assess stage's chart draws as a box and
 *   the report prints ("7–9"), so both say the same thing in the same words.
 * - Outliers: a placement is one when, on either axis, its distance from the median exceeds
 *   both 3 × MAD (≈ 2 standard deviations for normally spread placements, since MAD ≈ 0.674 σ)
 *   and 0.2 (a fifth of the axis). The floor matters when the room mostly agrees: with MAD near
 *   0, any nudge would otherwise be flagged. Outliers need ≥ 3 placements (two people have no
 *   majority to stand apart from). Outliers are people to invite to speak, not errors to drop.
 */
import type { Assessment, Trend, Vote } from '../../schema/index'
import { median, medianAbsoluteDeviation, quartiles } from '../../util/stats'
import type { VoteRules } from '../commands/assess'
import type { BoardSnapshot, ControlSnapshot } from '../snapshot'

export const OUTLIER_MAD_FACTOR = 3
export const OUTLIER_MIN_DISTANCE = 0.2
export const OUTLIER_MIN_PLACEMENTS = 3

export interface AxisSummary {
  readonly median: number
  /** Median absolute deviation: the typical distance from the median. */
  readonly spread: number
  /** The middle half of the placements: first and third quartiles. */
  readonly middleHalf: readonly [number, number]
}

export interface TrendAssessment {
  readonly trendId: string
  readonly placements: number
  /** `null` until someone has placed the trend. */
  readonly impact: AxisSummary | null
  readonly uncertainty: AxisSummary | null
  /** Participants whose placement stands apart (see the rule above). */
  readonly outliers: readonly string[]
  /** Dot votes in the stage, at most the budget per person. */
  readonly votes: number
}

/**
 * Trends in the order the room ranks them: by dots, most first; ties keep the workshop's trend
 * order. The assess stage's list and chart badges, and the report, number trends by it.
 */
export function rankByDots<T>(items: readonly T[], dotsOf: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, dots: dotsOf(item) }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .map(({ item }) => item)
}

export function summarizeAxis(values: readonly number[]): AxisSummary | null {
  const centre = median(values)
  const spread = medianAbsoluteDeviation(values)
  const middle = quartiles(values)
  return centre === null || spread === null || middle === null ? null : { median: centre, spread, middleHalf: [middle.q1, middle.q3] }
}

export function isOutlier(value: number, axis: Pick<AxisSummary, 'median' | 'spread'>): boolean {
  return Math.abs(value - axis.median) > Math.max(OUTLIER_MAD_FACTOR * axis.spread, OUTLIER_MIN_DISTANCE)
}

/** Summarises one trend's placements. */
export function assessTrend(trendId: string, placements: readonly Assessment[], votes = 0): TrendAssessment {
  const impact = summarizeAxis(placements.map((p) => p.impact))
  const uncertainty = summarizeAxis(placements.map((p) => p.uncertainty))
  const outliers =
    impact && uncertainty && placements.length >= OUTLIER_MIN_PLACEMENTS
      ? placements
          .filter((p) => isOutlier(p.impact, impact) || isOutlier(p.uncertainty, uncertainty))
          .map((p) => p.participantId)
          .sort()
      : []
  return { trendId, placements: placements.length, impact, uncertainty, outliers, votes }
}

/**
 * Results for every existing trend; placements and votes on deleted trends are ignored.
 *
 * @example
 * const results = assessmentResults(board, voteRulesFor(control, stageId), stageId)
 * results.get(trendId)?.impact?.median
 */
export function assessmentResults(
  board: Pick<BoardSnapshot, 'trends' | 'assessments' | 'votes'>,
  rules: VoteRules,
  stageId: string,
): Map<string, TrendAssessment> {
  const byTrend = new Map<string, Assessment[]>()
  for (const placement of board.assessments.values()) {
    if (!board.trends.has(placement.trendId)) continue
    const list = byTrend.get(placement.trendId) ?? []
    list.push(placement)
    byTrend.set(placement.trendId, list)
  }
  const votes = voteTotals(board.votes.values(), board.trends, stageId, rules.votesPerPerson)
  const results = new Map<string, TrendAssessment>()
  for (const trendId of board.trends.keys()) results.set(trendId, assessTrend(trendId, byTrend.get(trendId) ?? [], votes.get(trendId) ?? 0))
  return results
}

/**
 * Votes per existing trend in a stage. Each person's votes count up to the budget, oldest first
 * (ids break ties): `castVote` enforces the budget on one replica, and this keeps the totals
 * fair when two devices of one person overspent it offline.
 */
export function voteTotals(votes: Iterable<Vote>, trends: ReadonlyMap<string, Trend>, stageId: string, votesPerPerson: number): Map<string, number> {
  const byPerson = new Map<string, Vote[]>()
  for (const vote of votes) {
    if (vote.stageId !== stageId || !trends.has(vote.trendId)) continue
    const list = byPerson.get(vote.participantId) ?? []
    list.push(vote)
    byPerson.set(vote.participantId, list)
  }
  const totals = new Map<string, number>()
  for (const list of byPerson.values()) {
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    for (const vote of list.slice(0, votesPerPerson)) totals.set(vote.trendId, (totals.get(vote.trendId) ?? 0) + 1)
  }
  return totals
}

/** How many dots a participant still has in a stage. */
export function votesLeft(board: Pick<BoardSnapshot, 'trends' | 'votes'>, stageId: string, participantId: string, votesPerPerson: number): number {
  let spent = 0
  for (const vote of board.votes.values()) {
    if (vote.participantId === participantId && vote.stageId === stageId && board.trends.has(vote.trendId)) spent++
  }
  return Math.max(0, votesPerPerson - spent)
}

/** The vote budget and open/closed state of a stage, as `castVote` wants them. */
export function voteRulesFor(control: Pick<ControlSnapshot, 'stages' | 'assessClosed'>, stageId: string): VoteRules {
  const stage = control.stages.find((candidate) => candidate.id === stageId)
  return { votesPerPerson: stage?.settings.votesPerPerson ?? 0, closed: control.assessClosed[stageId] === true }
}
