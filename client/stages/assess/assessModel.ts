/**
 * What the assess stage shows, derived from snapshots without React: whose placements are
 * visible (only your own while voting is open, the group's medians after it closes), the vote
 * ranking, the outliers to discuss, and the room's progress as counts.
 */
import { quartiles } from '../../../shared/util/stats.ts'
import { assessmentResults, rankByDots, type TrendAssessment, type VoteResult, type VoteRules } from '../../../shared/doc/index.ts'
import type { Assessment, Participant, Trend, Vote } from '../../../shared/schema/index.ts'
import { memoLast } from '../../../shared/util/memo.ts'
import type { Position } from './gridMath.ts'

type Assessments = ReadonlyMap<string, Assessment>
type Votes = ReadonlyMap<string, Vote>
type Trends = ReadonlyMap<string, Trend>

/**
 * This person's own placements by trend id. Someone else moving a marker gives a new assessments
 * collection but leaves mine as they were: the previous map is returned then, so the grid's
 * label layout and memoised markers do not redo their work for every move in the room.
 */
export const myPlacements = (() => {
  // One slot per person: a device shows one, tests show two side by side.
  const cache = new Map<string | null, { assessments: Assessments; mine: ReadonlyMap<string, Assessment> }>()
  return (assessments: Assessments, participantId: string | null): ReadonlyMap<string, Assessment> => {
    const last = cache.get(participantId)
    if (last?.assessments === assessments) return last.mine
    const mine = new Map<string, Assessment>()
    if (participantId !== null) {
      for (const placement of assessments.values()) if (placement.participantId === participantId) mine.set(placement.trendId, placement)
    }
    const kept = last && sameEntries(last.mine, mine) ? last.mine : mine
    cache.set(participantId, { assessments, mine: kept })
    return kept
  }
})()

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false
  for (const [key, value] of a) if (b.get(key) !== value) return false
  return true
}

/**
 * This person's dots in a stage, by trend id (dots on deleted trends do not show or count). Like
 * `myPlacements`, the previous map is returned while only other people's dots change.
 */
export const myVoteCounts = (() => {
  const cache = new Map<string, { votes: Votes; trends: Trends; counts: ReadonlyMap<string, number> }>()
  return (votes: Votes, trends: Trends, stageId: string, participantId: string | null): ReadonlyMap<string, number> => {
    const key = `${stageId}|${participantId ?? ''}`
    const last = cache.get(key)
    if (last?.votes === votes && last.trends === trends) return last.counts
    const counts = new Map<string, number>()
    if (participantId !== null) {
      for (const vote of votes.values()) {
        if (vote.participantId !== participantId || vote.stageId !== stageId || !trends.has(vote.trendId)) continue
        counts.set(vote.trendId, (counts.get(vote.trendId) ?? 0) + 1)
      }
    }
    const kept = last && sameEntries(last.counts, counts) ? last.counts : counts
    cache.set(key, { votes, trends, counts: kept })
    return kept
  }
})()

export function sumCounts(counts: ReadonlyMap<string, number>): number {
  let sum = 0
  for (const count of counts.values()) sum += count
  return sum
}

/** The group's results for a stage; recomputed only when trends, placements or votes change. */
export const groupResults = memoLast(
  (trends: Trends, assessments: Assessments, votes: Votes, votesPerPerson: number, stageId: string): ReadonlyMap<string, TrendAssessment> =>
    assessmentResults({ trends, assessments, votes }, { votesPerPerson }, stageId),
)

export type GridMarker =
  | { readonly kind: 'own'; readonly trendId: string; readonly position: Position; readonly placement: Assessment }
  | {
      readonly kind: 'group'
      readonly trendId: string
      /** The median of each axis. */
      readonly position: Position
      /** The median absolute deviation of each axis: half the room placed it within ± this. */
      readonly spread: Position
      readonly result: TrendAssessment
    }

export interface GridMarkerInput {
  readonly closed: boolean
  /** In display order. */
  readonly trends: readonly Trend[]
  readonly assessments: Assessments
  readonly participantId: string | null
  /** The group's results; only read when closed. */
  readonly results: ReadonlyMap<string, TrendAssessment>
}

/**
 * What the grid shows. While voting is open: this person's own placements and nobody else's
 * (seeing the room's answer first pulls everyone towards it). After the facilitator closes it:
 * each trend someone placed, at the group's median with its spread.
 */
export function gridMarkers({ closed, trends, assessments, participantId, results }: GridMarkerInput): GridMarker[] {
  const markers: GridMarker[] = []
  if (!closed) {
    const mine = myPlacements(assessments, participantId)
    for (const trend of trends) {
      const placement = mine.get(trend.id)
      if (placement) markers.push({ kind: 'own', trendId: trend.id, position: placement, placement })
    }
    return markers
  }
  for (const trend of trends) {
    const result = results.get(trend.id)
    if (!result?.impact || !result.uncertainty) continue
    markers.push({
      kind: 'group',
      trendId: trend.id,
      position: { impact: result.impact.median, uncertainty: result.uncertainty.median },
      spread: { impact: result.impact.spread, uncertainty: result.uncertainty.spread },
      result,
    })
  }
  return markers
}

export interface RankedTrend {
  readonly trend: Trend
  /** 1-based position in the workshop's trend order. */
  readonly number: number
  /** 1-based place in this ranking: the number on the list and on the chart's badge. */
  readonly rank: number
  readonly result: TrendAssessment | null
}

/** Trends by dots, most first; ties keep the workshop's trend order. */
export function rankByVotes(trends: readonly Trend[], results: ReadonlyMap<string, TrendAssessment>): RankedTrend[] {
  const numbered = trends.map((trend, index) => ({ trend, number: index + 1, result: results.get(trend.id) ?? null }))
  return rankByDots(numbered, (item) => item.result?.votes ?? 0).map((item, index) => ({ ...item, rank: index + 1 }))
}

export interface TrendSpread {
  /** The middle half of the placements on each axis (first to third quartile). */
  readonly impact: readonly [number, number]
  readonly uncertainty: readonly [number, number]
  /** Each person's placement. */
  readonly placements: readonly Position[]
}

/** Per trend: where each person put it, and the interquartile range on each axis. */
export function trendSpreads(assessments: Assessments): Map<string, TrendSpread> {
  const byTrend = new Map<string, Position[]>()
  for (const a of assessments.values()) {
    const list = byTrend.get(a.trendId) ?? []
    list.push({ impact: a.impact, uncertainty: a.uncertainty })
    byTrend.set(a.trendId, list)
  }
  const spreads = new Map<string, TrendSpread>()
  for (const [trendId, placements] of byTrend) {
    const impact = quartiles(placements.map((p) => p.impact))!
    const uncertainty = quartiles(placements.map((p) => p.uncertainty))!
    spreads.set(trendId, { impact: [impact.q1, impact.q3], uncertainty: [uncertainty.q1, uncertainty.q3], placements })
  }
  return spreads
}

export interface OutlierNote {
  readonly trendId: string
  readonly trendName: string
  readonly participantId: string
  /** `null` when the person never told the board their name. */
  readonly personName: string | null
}

/** "Anna placed Care robots far from the group", in trend order, then by name. */
export function outlierNotes(
  trends: readonly Trend[],
  results: ReadonlyMap<string, TrendAssessment>,
  participants: ReadonlyMap<string, Participant>,
): OutlierNote[] {
  return trends.flatMap((trend) =>
    (results.get(trend.id)?.outliers ?? [])
      .map((participantId) => ({ trendId: trend.id, trendName: trend.name, participantId, personName: participants.get(participantId)?.name ?? null }))
      .sort((a, b) => (a.personName ?? '').localeCompare(b.personName ?? '')),
  )
}

export interface AssessProgress {
  /** Everyone who joined (but the facilitators), plus anyone who placed or voted. */
  readonly people: number
  readonly placedAny: number
  readonly placedAll: number
  readonly votedAny: number
  /** Spent their whole budget. */
  readonly votedAll: number
  /** Placed every trend and spent every dot. */
  readonly finished: number
}

/**
 * How far the room is, as counts only: the projector shows pace, never positions. `notCounted`
 * are people who joined but are not expected to assess (the facilitators present): they count
 * only once they place or vote.
 */
export function assessProgress(
  board: { trends: Trends; assessments: Assessments; votes: Votes; participants: ReadonlyMap<string, Participant> },
  stageId: string,
  votesPerPerson: number,
  notCounted: ReadonlySet<string> = new Set(),
): AssessProgress {
  const placed = new Map<string, number>()
  for (const placement of board.assessments.values()) {
    if (board.trends.has(placement.trendId)) placed.set(placement.participantId, (placed.get(placement.participantId) ?? 0) + 1)
  }
  const voted = new Map<string, number>()
  for (const vote of board.votes.values()) {
    if (vote.stageId === stageId && board.trends.has(vote.trendId)) voted.set(vote.participantId, (voted.get(vote.participantId) ?? 0) + 1)
  }
  const joined = [...board.participants.keys()].filter((id) => !notCounted.has(id))
  const people = new Set([...joined, ...placed.keys(), ...voted.keys()])
  const trendCount = board.trends.size
  let placedAll = 0
  for (const count of placed.values()) if (count >= trendCount) placedAll++
  let votedAll = 0
  for (const count of voted.values()) if (count >= votesPerPerson) votedAll++
  let finished = 0
  for (const person of people) if ((placed.get(person) ?? 0) >= trendCount && (voted.get(person) ?? 0) >= votesPerPerson) finished++
  return { people: people.size, placedAny: placed.size, placedAll, votedAny: voted.size, votedAll, finished }
}

export interface Message {
  readonly key: string
  readonly values?: Record<string, string | number>
}

/** "3 of 5 dots left", or that the dots are all given. */
export function dotsLeftMessage(left: number, total: number): Message {
  return left === 0 ? { key: 'assess.votes.noneLeft', values: { total } } : { key: 'assess.votes.left', values: { count: left, total } }
}

/** What to tell someone after they tried to give a dot. */
export function voteFeedback(result: VoteResult, rules: VoteRules): Message {
  if (result.ok) return dotsLeftMessage(result.remaining, rules.votesPerPerson)
  switch (result.reason) {
    case 'budgetSpent':
      return { key: 'assess.votes.refusedBudget', values: { total: rules.votesPerPerson } }
    case 'closed':
      return { key: 'assess.votes.refusedClosed' }
    case 'unknownTrend':
      return { key: 'assess.votes.refusedGone' }
  }
}
