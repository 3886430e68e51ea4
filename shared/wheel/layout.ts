/**
 * The futures wheel's layout: the trend in the middle, consequences ring by ring around it, no two
 * boxes overlapping. A pure function of the tree and a few options, so the participant's diagram,
 * the projector and an SVG export draw the same wheel.
 *
 * How it works:
 * 1. Angles. Every subtree gets an angular sector proportional to its number of leaves, inside
 *    its parent's sector; a node sits in the middle of its own sector. The first consequence is
 *    at twelve o'clock, the rest follow clockwise in the tree's order.
 * 2. Boxes. Each box is sized from its text: it wraps to at most `maxLines` balanced lines no wider
 *    than `maxTextWidth` (longer text is cut with "…"; the full text lives in the list view and
 *    the box's accessible name).
 * 3. Radii. Each ring gets the smallest radius at which (a) its boxes lie wholly outside the
 *    previous ring's band, and (b) no two of its boxes overlap. (b) is exact, not iterative: two
 *    boxes at angles θi, θj and radius R are apart once R·|Δx| or R·|Δy| of their unit
 *    directions exceeds the summed half-sizes, and both only grow with R. Bands of different
 *    rings are disjoint annuli, so boxes of different rings cannot overlap either.
 *
 * Rings may be ellipses (`aspect` > 1, wider than tall), because screens and boxes are both wider
 * than tall. All geometry is done in "ring space" (x divided by `aspect`), where rings are circles.
 */
import { MAX_RING } from '../schema/index'
import { estimateTextWidth, withoutSoftHyphens, wrapText, type TextMeasure } from './text'
import {
  DEFAULT_WHEEL_METRICS,
  type WheelBox,
  type WheelLayout,
  type WheelLayoutEdge,
  type WheelLayoutItem,
  type WheelLayoutNode,
  type WheelLayoutOptions,
  type WheelMetrics,
  type WheelRing,
} from './types'

export * from './types'

interface Placed {
  readonly item: WheelLayoutItem
  readonly parentId: string | null
  readonly ring: number
  readonly angle: number
  readonly box: Omit<WheelBox, 'x' | 'y'>
}

/**
 * Lays out a futures wheel. Deterministic: the same tree and options give the same layout.
 *
 * @example
 * const layout = layoutWheel(toLayoutItems(wheelTree(board, trendId)), { centreText: trend.name, aspect: 1.4 })
 * layout.nodes.map((n) => <rect x={n.x - n.w / 2} y={n.y - n.h / 2} width={n.w} height={n.h} />)
 */
export function layoutWheel(roots: readonly WheelLayoutItem[], options: WheelLayoutOptions): WheelLayout {
  const { metrics, centre, sizeFor } = wheelBoxes(options)
  const aspect = Math.min(3, Math.max(0.5, Number.isFinite(options.aspect) ? (options.aspect as number) : 1))
  const placed = placeAngles(roots, sizeFor)

  const rings = ringRadii(placed, centre, aspect, metrics)
  const radiusOf = new Map(rings.map((ring) => [ring.ring, ring.radius]))
  const nodes: WheelLayoutNode[] = placed.map(({ item, parentId, ring, angle, box }) => {
    const radius = radiusOf.get(ring) ?? 0
    return { id: item.id, parentId, ring, angle, x: radius * aspect * Math.sin(angle), y: -radius * Math.cos(angle), ...box }
  })

  const centreBox: WheelBox = { x: 0, y: 0, ...centre }
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const edges = nodes.map((node) => edgeBetween(node.parentId === null ? centreBox : (byId.get(node.parentId) ?? centreBox), node))

  let minX = -centre.w / 2
  let maxX = centre.w / 2
  let minY = -centre.h / 2
  let maxY = centre.h / 2
  for (const node of nodes) {
    minX = Math.min(minX, node.x - node.w / 2)
    maxX = Math.max(maxX, node.x + node.w / 2)
    minY = Math.min(minY, node.y - node.h / 2)
    maxY = Math.max(maxY, node.y + node.h / 2)
  }
  return { centre: centreBox, nodes, edges, rings, bounds: { minX, minY, maxX, maxY }, aspect, metrics }
}

/**
 * How a wheel's boxes are sized, whichever way it is laid out: the trend's box, and a sizing of
 * each consequence's box by its text and ring.
 */
export function wheelBoxes(options: WheelLayoutOptions): {
  metrics: WheelMetrics
  centre: Omit<WheelBox, 'x' | 'y'>
  sizeFor(text: string, ring: number): Omit<WheelBox, 'x' | 'y'>
} {
  const metrics: WheelMetrics = { ...DEFAULT_WHEEL_METRICS, ...options.metrics }
  const measure = options.measure ?? estimateTextWidth
  const cornerRoom = Math.max(0, options.cornerRoom ?? 0)
  const centre = sizeBox(options.centreText, measure, {
    fontSize: metrics.centreFontSize,
    lineHeight: metrics.centreLineHeight,
    maxLines: metrics.centreMaxLines,
    maxTextWidth: metrics.centreMaxTextWidth,
    minWidth: metrics.minWidth * 1.4,
    padX: metrics.centrePad,
    padY: metrics.centrePad,
    leading: 0,
    trailing: cornerRoom,
    bold: true,
  })
  const sizeFor = (text: string, ring: number) =>
    sizeBox(text, measure, {
      fontSize: metrics.fontSize,
      lineHeight: metrics.lineHeight,
      maxLines: metrics.maxLines,
      maxTextWidth: metrics.maxTextWidth,
      minWidth: metrics.minWidth,
      padX: metrics.padX,
      padY: metrics.padY,
      leading: metrics.iconSize + metrics.iconGap,
      trailing: ring < MAX_RING ? cornerRoom : 0,
      bold: false,
    })
  return { metrics, centre, sizeFor }
}

/** The derived wheel tree (`wheelTree` in shared/doc) as layout input; `label` may replace empty texts. */
export function toLayoutItems(
  tree: readonly { readonly node: { readonly id: string; readonly text: string }; readonly children: readonly unknown[] }[],
  label: (text: string) => string = (text) => text,
): WheelLayoutItem[] {
  type Tree = { readonly node: { readonly id: string; readonly text: string }; readonly children: readonly Tree[] }
  const convert = (nodes: readonly Tree[]): WheelLayoutItem[] =>
    nodes.map(({ node, children }) => ({ id: node.id, text: label(node.text), children: convert(children) }))
  return convert(tree as readonly Tree[])
}

// ---------------------------------------------------------------------------------------------

interface BoxStyle {
  fontSize: number
  lineHeight: number
  maxLines: number
  maxTextWidth: number
  minWidth: number
  padX: number
  padY: number
  /** Space before the text (the valence mark). */
  leading: number
  /** Space after the text (see `WheelLayoutOptions.cornerRoom`). */
  trailing: number
  bold: boolean
}

/**
 * A box just big enough for its text, wrapped into balanced lines (no one-word last line): the
 * narrowest width that still wraps into as few lines, found by bisection (greedy wrapping never
 * needs more lines at a greater width). Remembered per measure, style and text, because the
 * browser lays the same wheel out in several shapes and again at every change.
 */
function sizeBox(text: string, measure: TextMeasure, style: BoxStyle): Omit<WheelBox, 'x' | 'y'> {
  let cache = boxCache.get(measure)
  if (!cache) boxCache.set(measure, (cache = new Map()))
  const key = `${JSON.stringify(style)}|${text}`
  const cached = cache.get(key)
  if (cached) return cached
  const box = computeBox(text, measure, style)
  if (cache.size >= BOX_CACHE_LIMIT) cache.clear()
  cache.set(key, box)
  return box
}

const boxCache = new WeakMap<TextMeasure, Map<string, Omit<WheelBox, 'x' | 'y'>>>()
const BOX_CACHE_LIMIT = 2000

function computeBox(text: string, measure: TextMeasure, style: BoxStyle): Omit<WheelBox, 'x' | 'y'> {
  const width = (line: string) => measure(line, style.fontSize, style.bold)
  const words = withoutSoftHyphens(text).trim().split(/\s+/).filter(Boolean)
  let wrapped = wrapText(text, style.maxTextWidth, width, style.maxLines)
  const count = wrapped.lines.length
  if (!wrapped.truncated && count > 1) {
    // Words stay whole above the longest word's width.
    let low = Math.max(width(words.join(' ')) / count, ...words.map(width))
    let high = style.maxTextWidth
    for (let i = 0; i < 12 && high - low > 1; i++) {
      const mid = (low + high) / 2
      if (wrapText(text, mid, width, count).truncated) low = mid
      else high = mid
    }
    wrapped = wrapText(text, high, width, count)
  }
  const lines = wrapped.lines.length > 0 ? wrapped.lines : ['']
  const textWidth = Math.max(...lines.map(width))
  const height = Math.max(lines.length * style.lineHeight, style.leading > 0 ? style.leading - 4 : 0)
  return {
    w: Math.max(style.minWidth, Math.ceil(textWidth + 2 * style.padX + style.leading + style.trailing)),
    h: Math.ceil(height + 2 * style.padY),
    lines,
    truncated: wrapped.truncated,
  }
}

/** Sectors proportional to leaf counts, depth first; returns nodes ring by ring, clockwise. */
function placeAngles(roots: readonly WheelLayoutItem[], size: (text: string, ring: number) => Omit<WheelBox, 'x' | 'y'>): Placed[] {
  const leaves = new Map<WheelLayoutItem, number>()
  const countLeaves = (item: WheelLayoutItem): number => {
    const count = item.children.length === 0 ? 1 : item.children.reduce((sum, child) => sum + countLeaves(child), 0)
    leaves.set(item, count)
    return count
  }
  const total = roots.reduce((sum, root) => sum + countLeaves(root), 0)
  const placed: Placed[] = []
  const visit = (items: readonly WheelLayoutItem[], start: number, span: number, ring: number, parentId: string | null, of: number) => {
    let at = start
    for (const item of items) {
      const share = (span * (leaves.get(item) ?? 1)) / of
      placed.push({ item, parentId, ring, angle: at + share / 2, box: size(item.text, ring) })
      visit(item.children, at, share, ring + 1, item.id, leaves.get(item) ?? 1)
      at += share
    }
  }
  // The first consequence sits at twelve o'clock and stays there as the wheel grows.
  const firstShare = roots[0] ? (2 * Math.PI * (leaves.get(roots[0]) ?? 1)) / total : 0
  visit(roots, -firstShare / 2, 2 * Math.PI, 1, null, total)
  const turn = 2 * Math.PI
  return placed.sort((a, b) => a.ring - b.ring || a.angle - b.angle).map((p) => ({ ...p, angle: ((p.angle % turn) + turn) % turn }))
}

/** The radius and band of every ring, innermost first (see the file comment, step 3). */
function ringRadii(placed: readonly Placed[], centre: Omit<WheelBox, 'x' | 'y'>, aspect: number, metrics: WheelMetrics): WheelRing[] {
  const rings: WheelRing[] = []
  let previousOuter = Math.hypot(centre.w / 2 / aspect, centre.h / 2)
  const depth = placed.reduce((max, p) => Math.max(max, p.ring), 0)
  for (let ring = 1; ring <= depth; ring++) {
    const members = placed
      .filter((p) => p.ring === ring)
      .map((p) => ({ ux: Math.sin(p.angle), uy: -Math.cos(p.angle), hw: p.box.w / 2 / aspect, hh: p.box.h / 2 }))
    const threshold = previousOuter + metrics.ringGap
    let radius = 0
    for (const m of members) radius = Math.max(radius, radiusClearing(m, threshold))
    const gapX = metrics.gap / aspect
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!
        const b = members[j]!
        const byX = (a.hw + b.hw + gapX) / Math.abs(a.ux - b.ux)
        const byY = (a.hh + b.hh + metrics.gap) / Math.abs(a.uy - b.uy)
        radius = Math.max(radius, Math.min(byX, byY))
      }
    }
    let inner = Infinity
    let outer = 0
    for (const m of members) {
      inner = Math.min(inner, nearest(m, radius))
      outer = Math.max(outer, Math.hypot(radius * Math.abs(m.ux) + m.hw, radius * Math.abs(m.uy) + m.hh))
    }
    rings.push({ ring, radius, inner, outer })
    previousOuter = outer
  }
  return rings
}

interface RingMember {
  ux: number
  uy: number
  hw: number
  hh: number
}

/** Distance from the centre to the nearest point of a box at `radius` along its direction. */
function nearest(m: RingMember, radius: number): number {
  return Math.hypot(Math.max(0, radius * Math.abs(m.ux) - m.hw), Math.max(0, radius * Math.abs(m.uy) - m.hh))
}

/**
 * The least radius at which the whole box lies at least `threshold` from the centre. `nearest`
 * grows with the radius, and the threshold plus the half-diagonal is always enough, so bisection
 * between the two finds it.
 */
function radiusClearing(m: RingMember, threshold: number): number {
  let low = threshold
  let high = threshold + Math.hypot(m.hw, m.hh)
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2
    if (nearest(m, mid) >= threshold) high = mid
    else low = mid
  }
  return high
}

/** The part of the line between two box centres that lies outside both boxes. */
export function edgeBetween(parent: WheelBox & { id?: string }, child: WheelLayoutNode): WheelLayoutEdge {
  const dx = child.x - parent.x
  const dy = child.y - parent.y
  const exit = (box: WheelBox) => Math.min(dx === 0 ? Infinity : box.w / 2 / Math.abs(dx), dy === 0 ? Infinity : box.h / 2 / Math.abs(dy))
  const start = Math.min(0.5, exit(parent))
  const end = 1 - Math.min(0.5, exit(child))
  return {
    from: child.parentId,
    to: child.id,
    x1: parent.x + dx * start,
    y1: parent.y + dy * start,
    x2: parent.x + dx * end,
    y2: parent.y + dy * end,
  }
}
