/**
 * How a trend emerged, read back from the replay frames: when each of its signals was written,
 * when it was clustered into the trend (and left it, if it did), how the trend was named and how
 * its assessment moved. Clustering and assessment carry no time of their own on the board, so
 * they are dated by the first snapshot that shows them: "by 10:21", never more precise than the
 * history is.
 */
import type { ReplayFrame } from './frame'

export interface TrendSignalStory {
  readonly id: string
  /** The title in the latest frame that had the card. */
  readonly title: string
  /** The card's own creation time. */
  readonly writtenAt: number
  /** The first snapshot showing it in the trend. */
  readonly clusteredAt: number
  /** The first later snapshot where it is no longer in the trend (and did not come back); `null` if it stayed. */
  readonly leftAt: number | null
}

export interface AssessmentPoint {
  readonly at: number
  readonly impact: number
  readonly uncertainty: number
  readonly placements: number
}

export type TrendEvent =
  | { readonly kind: 'appeared'; readonly at: number; readonly name: string }
  | { readonly kind: 'renamed'; readonly at: number; readonly name: string }
  | { readonly kind: 'written'; readonly at: number; readonly signalId: string; readonly title: string }
  | { readonly kind: 'clustered'; readonly at: number; readonly signalId: string; readonly title: string }
  | { readonly kind: 'left'; readonly at: number; readonly signalId: string; readonly title: string }
  | { readonly kind: 'assessed'; readonly at: number; readonly point: AssessmentPoint }
  | { readonly kind: 'removed'; readonly at: number }

export interface TrendHistory {
  readonly trendId: string
  /** The latest name the trend had. */
  readonly name: string
  readonly appearedAt: number | null
  readonly signals: readonly TrendSignalStory[]
  /** Each change of the group's medians or of the number of placements. */
  readonly assessment: readonly AssessmentPoint[]
  /** Everything above, in time order (ties: written before clustered before assessed). */
  readonly events: readonly TrendEvent[]
}

const EVENT_ORDER: Record<TrendEvent['kind'], number> = { written: 0, appeared: 1, renamed: 2, clustered: 3, left: 4, assessed: 5, removed: 6 }

/**
 * Reconstructs one trend's history from frames in any order (they are sorted by time here).
 *
 * @example
 * const story = trendHistory(frames, trendId)
 * story.signals[0] // { title: 'Care robots…', writtenAt: 09:12, clusteredAt: 10:21, leftAt: null }
 */
export function trendHistory(frames: readonly ReplayFrame[], trendId: string): TrendHistory {
  const sorted = [...frames].sort((a, b) => a.at - b.at || a.id - b.id)
  let name = ''
  let appearedAt: number | null = null
  const signals = new Map<string, { title: string; writtenAt: number; clusteredAt: number; leftAt: number | null }>()
  const assessment: AssessmentPoint[] = []
  const events: TrendEvent[] = []
  let previousMembers = new Set<string>()
  let present = false

  for (const frame of sorted) {
    const trend = frame.trends.find((t) => t.id === trendId)
    if (!trend) {
      if (present) events.push({ kind: 'removed', at: frame.at })
      present = false
      continue
    }
    if (appearedAt === null) {
      appearedAt = frame.at
      events.push({ kind: 'appeared', at: frame.at, name: trend.name })
    } else if (trend.name !== name) {
      events.push({ kind: 'renamed', at: frame.at, name: trend.name })
    }
    present = true
    name = trend.name
    const titles = new Map(frame.signals.map((s) => [s.id, s]))
    const members = new Set(trend.signalIds)
    for (const id of trend.signalIds) {
      const card = titles.get(id)
      const known = signals.get(id)
      if (!known) {
        signals.set(id, { title: card?.title ?? '', writtenAt: card?.createdAt ?? frame.at, clusteredAt: frame.at, leftAt: null })
      } else {
        if (card) known.title = card.title
        known.leftAt = null
      }
    }
    for (const id of previousMembers) {
      const known = signals.get(id)
      if (!members.has(id) && known) {
        known.leftAt = frame.at
        events.push({ kind: 'left', at: frame.at, signalId: id, title: known.title })
      }
    }
    for (const id of members)
      if (!previousMembers.has(id) && signals.get(id)!.clusteredAt !== frame.at)
        events.push({ kind: 'clustered', at: frame.at, signalId: id, title: signals.get(id)!.title })
    previousMembers = members

    if (trend.impact !== null && trend.uncertainty !== null) {
      const last = assessment.at(-1)
      if (!last || last.impact !== trend.impact || last.uncertainty !== trend.uncertainty || last.placements !== trend.placements) {
        const point = { at: frame.at, impact: trend.impact, uncertainty: trend.uncertainty, placements: trend.placements }
        assessment.push(point)
        events.push({ kind: 'assessed', at: frame.at, point })
      }
    }
  }

  const stories = [...signals].map(([id, s]) => ({ id, ...s }))
  stories.sort((a, b) => a.writtenAt - b.writtenAt || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
  for (const s of stories) {
    events.push({ kind: 'written', at: s.writtenAt, signalId: s.id, title: s.title })
    events.push({ kind: 'clustered', at: s.clusteredAt, signalId: s.id, title: s.title })
  }
  // Stable: within one time and kind, events keep the order of the cards above.
  events.sort((a, b) => a.at - b.at || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind])
  return { trendId, name, appearedAt, signals: stories, assessment, events }
}
