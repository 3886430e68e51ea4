/**
 * A replay frame: what the board looked like at one history snapshot, reduced to what a replay
 * and a snapshot preview show (the stage, the signals, the trends with their signals and their
 * assessment, counts of the rest). Frames are small and plain JSON, so the server can hand a
 * whole morning of them to a browser in one answer.
 */
import { assessTrend, standingMemberships, type BoardSnapshot, type ControlSnapshot } from '../doc/index'
import type { Assessment, SteepCategory, StageKind } from '../schema/index'

export interface FrameSignal {
  readonly id: string
  readonly title: string
  readonly category: SteepCategory
  /** When the card was written (its own timestamp, so earlier than the frame for most cards). */
  readonly createdAt: number
}

export interface FrameTrend {
  readonly id: string
  readonly name: string
  /** The signals clustered into it, in cluster order. */
  readonly signalIds: readonly string[]
  /** Medians of the group's placements (0–1), `null` until someone placed it. */
  readonly impact: number | null
  readonly uncertainty: number | null
  readonly placements: number
}

export interface FrameCounts {
  readonly signals: number
  readonly trends: number
  readonly wheelNodes: number
  readonly stories: number
  readonly takeaways: number
}

export interface ReplayFrame {
  /** The history snapshot this frame was read from. */
  readonly id: number
  readonly at: number
  readonly reason: string
  readonly stage: { readonly id: string; readonly kind: StageKind } | null
  readonly signals: readonly FrameSignal[]
  readonly trends: readonly FrameTrend[]
  readonly counts: FrameCounts
}

/** Reads one frame from a snapshot's documents. */
export function replayFrame(snapshot: { id: number; at: number; reason: string }, board: BoardSnapshot, control: ControlSnapshot): ReplayFrame {
  const stage = control.stages.find((s) => s.id === control.currentStageId) ?? null
  const signals = [...board.signals.values()]
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, title: s.title, category: s.category, createdAt: s.createdAt }))

  const members = new Map<string, { id: string; order: string }[]>()
  for (const m of standingMemberships(board).values()) {
    const list = members.get(m.trendId) ?? []
    list.push({ id: m.signalId, order: m.order })
    members.set(m.trendId, list)
  }
  const placements = new Map<string, Assessment[]>()
  for (const p of board.assessments.values()) placements.set(p.trendId, [...(placements.get(p.trendId) ?? []), p])

  const trends = [...board.trends.values()]
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id.localeCompare(b.id)))
    .map((trend) => {
      const assessed = assessTrend(trend.id, placements.get(trend.id) ?? [])
      const signalIds = (members.get(trend.id) ?? []).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map((m) => m.id)
      return {
        id: trend.id,
        name: trend.name,
        signalIds,
        impact: assessed.impact?.median ?? null,
        uncertainty: assessed.uncertainty?.median ?? null,
        placements: assessed.placements,
      }
    })

  return {
    id: snapshot.id,
    at: snapshot.at,
    reason: snapshot.reason,
    stage: stage ? { id: stage.id, kind: stage.kind } : null,
    signals,
    trends,
    counts: {
      signals: board.signals.size,
      trends: board.trends.size,
      wheelNodes: board.wheelNodes.size,
      stories: board.stories.size,
      takeaways: board.takeaways.size,
    },
  }
}
