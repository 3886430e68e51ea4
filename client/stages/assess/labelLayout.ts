/**
 * Where each marker's label goes on a grid. Placements of related trends often sit close
 * together (the group's medians especially); a label that would cover a neighbour's label or dot
 * grows to the other side of its dot, or moves half a row up or down. Two dots at (almost) the
 * same point would hide one another, whatever the labels do: the later one is drawn beside the
 * earlier (`nudge`). Greedy passes in priority order: cheap for 50 trends and stable while
 * results change.
 */
import type { Position } from './gridMath.ts'

export type LabelSide = 'start' | 'end'
export type LabelShift = 'none' | 'up' | 'down'

/** How far a marker is drawn off its point, in pixels. */
export interface Nudge {
  readonly x: number
  readonly y: number
}

export interface LabelPlacement {
  /** `start`: the label grows to the right of the dot; `end`: to the left. */
  readonly side: LabelSide
  /** Moved up or down off the dot's row to clear a neighbour. */
  readonly shift: LabelShift
  /** The whole marker drawn this far off its point, so that its dot does not hide an earlier one there. */
  readonly nudge: Nudge
}

const NO_NUDGE: Nudge = Object.freeze({ x: 0, y: 0 })

export interface LabelBox {
  readonly id: string
  readonly position: Position
  /** The label's estimated width in pixels, dot included. */
  readonly width: number
}

export interface PlotSize {
  readonly width: number
  readonly height: number
  /** The label's height in pixels. */
  readonly rowHeight: number
  /** The dot's radius in pixels: the label starts this far before the point. */
  readonly dotRadius: number
}

/** How far a shifted label moves, in rows (styles/grid.css `.grid-marker--shift-*` uses the same distance). */
export const SHIFT_ROWS = 0.8

/** The side a label takes with no neighbours: towards the middle, so it stays inside the grid. */
export function defaultSide(position: Position): LabelSide {
  return position.uncertainty > 0.6 ? 'end' : 'start'
}

/** The six placements as shared frozen objects: an unchanged layout keeps memoised markers as they are. */
const PLACEMENTS = new Map<string, LabelPlacement>(
  (['start', 'end'] as const).flatMap((side) =>
    (['none', 'up', 'down'] as const).map((shift) => [`${side}/${shift}`, Object.freeze({ side, shift, nudge: NO_NUDGE })] as const),
  ),
)

function placementOf(side: LabelSide, shift: LabelShift, nudge: Nudge = NO_NUDGE): LabelPlacement {
  const shared = PLACEMENTS.get(`${side}/${shift}`) as LabelPlacement
  return nudge === NO_NUDGE ? shared : Object.freeze({ side, shift, nudge })
}

export function defaultPlacement(position: Position): LabelPlacement {
  return placementOf(defaultSide(position), 'none')
}

interface Rect {
  left: number
  right: number
  top: number
  bottom: number
}

function pointOf(box: LabelBox, plot: PlotSize) {
  return { x: box.position.uncertainty * plot.width, y: (1 - box.position.impact) * plot.height }
}

/** Where the dot is drawn: its point, nudged. */
function centreOf(box: LabelBox, plot: PlotSize, nudge: Nudge) {
  const { x, y } = pointOf(box, plot)
  return { x: x + nudge.x, y: y + nudge.y }
}

function labelRect(box: LabelBox, { side, shift, nudge }: LabelPlacement, plot: PlotSize): Rect {
  const { x, y } = centreOf(box, plot, nudge)
  const left = side === 'start' ? x - plot.dotRadius : x + plot.dotRadius - box.width
  const dy = shift === 'up' ? -SHIFT_ROWS * plot.rowHeight : shift === 'down' ? SHIFT_ROWS * plot.rowHeight : 0
  return { left, right: left + box.width, top: y + dy - plot.rowHeight / 2, bottom: y + dy + plot.rowHeight / 2 }
}

function dotRect(box: LabelBox, plot: PlotSize, nudge: Nudge): Rect {
  const { x, y } = centreOf(box, plot, nudge)
  return { left: x - plot.dotRadius, right: x + plot.dotRadius, top: y - plot.dotRadius, bottom: y + plot.dotRadius }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
  return w > 0 && h > 0 ? w * h : 0
}

function outside(rect: Rect, plot: PlotSize): number {
  return Math.max(0, -rect.left) + Math.max(0, rect.right - plot.width) + Math.max(0, -rect.top) + Math.max(0, rect.bottom - plot.height)
}

/** Directions a dot is drawn off its point to clear another, in turn: beside it first, where a row has room. */
const NUDGE_DIRECTIONS = [0, 180, 90, 270, 45, 135, 225, 315].map((degrees) => ({
  x: Math.cos((degrees * Math.PI) / 180),
  y: Math.sin((degrees * Math.PI) / 180),
}))

/**
 * How far each dot is drawn off its point, in the order given: one closer than a dot's width to a
 * dot already drawn moves beside it (then further round, then one more dot's width out), inside
 * the grid. The first of two trends placed at the same values keeps its true point.
 */
export function spreadDots(boxes: readonly LabelBox[], plot: PlotSize): Map<string, Nudge> {
  const apart = 2 * plot.dotRadius + 2
  const drawn: { x: number; y: number }[] = []
  const clear = (x: number, y: number) => drawn.every((other) => Math.hypot(other.x - x, other.y - y) >= apart - 0.01)
  const inside = (x: number, y: number) => x >= plot.dotRadius && x <= plot.width - plot.dotRadius && y >= plot.dotRadius && y <= plot.height - plot.dotRadius
  const nudges = new Map<string, Nudge>()
  for (const box of boxes) {
    const point = pointOf(box, plot)
    let nudge = NO_NUDGE
    if (!clear(point.x, point.y)) {
      search: for (let ring = 1; ring <= 3; ring++)
        for (const direction of NUDGE_DIRECTIONS) {
          const x = point.x + direction.x * ring * apart
          const y = point.y + direction.y * ring * apart
          if (inside(x, y) && clear(x, y)) {
            nudge = { x: Math.round(x - point.x), y: Math.round(y - point.y) }
            break search
          }
        }
    }
    nudges.set(box.id, nudge)
    drawn.push({ x: point.x + nudge.x, y: point.y + nudge.y })
  }
  return nudges
}

/**
 * Placements for every label, in the order given (put the most important first: it gets the
 * best spot and keeps its dot on its point). Each label takes the candidate that covers the least
 * of the labels already laid out and of every other dot, sticks out of the grid the least, and
 * stays on its dot's row if that is just as good.
 */
export function layoutLabels(boxes: readonly LabelBox[], plot: PlotSize): Map<string, LabelPlacement> {
  const placements = new Map<string, LabelPlacement>()
  const placed: Rect[] = []
  const nudges = spreadDots(boxes, plot)
  const nudgeOf = (box: LabelBox) => nudges.get(box.id) ?? NO_NUDGE
  const dots = boxes.map((box) => ({ id: box.id, rect: dotRect(box, plot, nudgeOf(box)) }))
  // Leaving the dot's row costs as much as covering a fifth of a neighbour: only a real overlap moves a label.
  const shiftCost = 0.2 * plot.rowHeight * plot.rowHeight
  for (const box of boxes) {
    const preferred = defaultSide(box.position)
    const other: LabelSide = preferred === 'start' ? 'end' : 'start'
    const nudge = nudgeOf(box)
    const candidates = [
      placementOf(preferred, 'none', nudge),
      placementOf(other, 'none', nudge),
      placementOf(preferred, 'up', nudge),
      placementOf(preferred, 'down', nudge),
      placementOf(other, 'up', nudge),
      placementOf(other, 'down', nudge),
    ]
    let best = candidates[0] as LabelPlacement
    let bestCost = Infinity
    for (const candidate of candidates) {
      const rect = labelRect(box, candidate, plot)
      let cost = candidate.shift === 'none' ? 0 : shiftCost
      for (const p of placed) cost += overlap(rect, p)
      for (const dot of dots) if (dot.id !== box.id) cost += 2 * overlap(rect, dot.rect)
      // Sticking out of the grid is worse than touching a neighbour: it can leave the screen.
      cost += outside(rect, plot) * plot.rowHeight * 2
      if (cost < bestCost) {
        best = candidate
        bestCost = cost
      }
    }
    placements.set(box.id, best)
    placed.push(labelRect(box, best, plot))
  }
  return placements
}

/**
 * A label's width in pixels, estimated from its length (measuring every label would mean a
 * second layout pass). Markers are sized in em of the plot's font size (styles/grid.css): the dot and
 * padding take about 3 em, an average glyph about 0.55 em.
 */
export function estimateLabelWidth(chars: number, plot: PlotSize & { fontPx: number }): number {
  return Math.min(LABEL_MAX_SHARE * plot.width, (chars * 0.55 + 3) * plot.fontPx)
}

/** The share of the grid's width a label may take (`--label-max` in styles/grid.css). */
export const LABEL_MAX_SHARE = 0.46
