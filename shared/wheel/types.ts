/**
 * The futures wheel layout's input, options and result (see `layout.ts`).
 */
import type { TextMeasure } from './text'

/** What the layout needs of a consequence: the wheel tree (see `toLayoutItems`). */
export interface WheelLayoutItem {
  readonly id: string
  readonly text: string
  readonly children: readonly WheelLayoutItem[]
}

export interface WheelMetrics {
  readonly fontSize: number
  readonly lineHeight: number
  readonly maxLines: number
  readonly maxTextWidth: number
  readonly minWidth: number
  readonly padX: number
  readonly padY: number
  /** The valence mark at the start of each consequence box. */
  readonly iconSize: number
  readonly iconGap: number
  readonly centreFontSize: number
  readonly centreLineHeight: number
  readonly centreMaxLines: number
  readonly centreMaxTextWidth: number
  readonly centrePad: number
  /** Least space between two boxes of one ring. */
  readonly gap: number
  /** Least radial space between one ring's band and the next. */
  readonly ringGap: number
}

export const DEFAULT_WHEEL_METRICS: WheelMetrics = Object.freeze({
  fontSize: 14,
  lineHeight: 17,
  maxLines: 3,
  maxTextWidth: 132,
  minWidth: 72,
  padX: 9,
  padY: 7,
  iconSize: 16,
  iconGap: 6,
  centreFontSize: 16,
  centreLineHeight: 20,
  centreMaxLines: 4,
  centreMaxTextWidth: 160,
  centrePad: 12,
  gap: 8,
  ringGap: 20,
})

export interface WheelLayoutOptions {
  /** The trend's name, shown in the middle. */
  readonly centreText: string
  /** Width ÷ height of the rings, clamped to 0.5–3 (1 = circles). Default 1. Match the viewport's shape. */
  readonly aspect?: number
  /** Line widths; defaults to `estimateTextWidth` (deterministic, font-free). */
  readonly measure?: TextMeasure
  readonly metrics?: Partial<WheelMetrics>
  /**
   * Space kept clear after the text of every box that can have a consequence of its own (below
   * the outermost ring), for a control drawn on the box's top-right corner (the diagram's "+").
   * The centre's box grows by it too; its text is centred, so half of it falls on each side,
   * which with the centre's wider padding still clears the "+". Default 0: the projector and the
   * downloads draw no control there.
   */
  readonly cornerRoom?: number
}

/** A box by its centre. */
export interface WheelBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  readonly lines: readonly string[]
  readonly truncated: boolean
}

export interface WheelLayoutNode extends WheelBox {
  readonly id: string
  /** `null` for a first-order consequence. */
  readonly parentId: string | null
  /** 1 = first order. */
  readonly ring: number
  /** Radians clockwise from twelve o'clock. */
  readonly angle: number
}

/** A line from a parent's box edge (the centre's for `from: null`) to its child's box edge. */
export interface WheelLayoutEdge {
  readonly from: string | null
  readonly to: string
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  /**
   * On a tree (`layoutBranches`): the line runs level from (x1, y1) to here, the right edge of
   * its parent's column, then curves to (x2, y2) in the gap between the columns, where no box is.
   */
  readonly bendX?: number
}

/** A ring's guide radius and its band, in ring space (divide x by `aspect`, then measure from 0,0). */
export interface WheelRing {
  readonly ring: number
  readonly radius: number
  /** Nearest distance of any of its boxes from the centre. */
  readonly inner: number
  /** Farthest distance of any of its boxes from the centre. */
  readonly outer: number
}

export interface WheelLayout {
  readonly centre: WheelBox
  /** Ring by ring, clockwise within a ring. */
  readonly nodes: readonly WheelLayoutNode[]
  readonly edges: readonly WheelLayoutEdge[]
  readonly rings: readonly WheelRing[]
  readonly bounds: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number }
  readonly aspect: number
  readonly metrics: WheelMetrics
  /**
   * A tree's columns (`layoutBranches`, which has no rings): each order's left edge and width,
   * and the middle of the band above the boxes where its name goes. A wheel has none.
   */
  readonly columns?: readonly WheelColumn[]
}

export interface WheelColumn {
  /** 1 = first order. */
  readonly ring: number
  readonly left: number
  readonly width: number
  readonly nameY: number
}
