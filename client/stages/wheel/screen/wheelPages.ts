/**
 * The futures wheel on the projector, big enough to read from the back of the room. The whole
 * wheel is shown when its consequences can be drawn at `minFontPx` or more; otherwise it is shown
 * part by part: the first-order consequences, with everything that follows from them, grouped
 * clockwise into as few parts as keep the text at that size. Each part is the same wheel, zoomed
 * on its sector (boxes stay where they are from one part to the next). Pure and tested.
 */
import { layoutWheel, type WheelBox, type WheelLayout, type WheelLayoutItem, type WheelLayoutOptions } from '../../../../shared/wheel/index.ts'

export interface Bounds {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

export interface Size {
  width: number
  height: number
}

export interface WheelPage {
  /** Ids of the first-order consequences on this page (all of them when the wheel fits whole; one, with part of its branch, for a big branch). */
  roots: readonly string[]
  /** Ids of every consequence drawn on this page. */
  nodes: ReadonlySet<string>
  /** What the page shows, in layout units: its boxes and the trend in the middle, with a margin. */
  bounds: Bounds
  /** Layout units → screen pixels for this page. */
  scale: number
}

/**
 * The projector draws the boxes with little air between rings and neighbours — the lines between
 * them carry the structure, and every unit of air saved is type size: a room's wheel of 30 reads
 * at 21 px or more on a 1280×720 projector in six parts, where the laptop's spacing left parts
 * under 20 px — and a line wider and one more of them, so that longer consequences are shown
 * whole rather than cut with "…".
 */
export const SCREEN_WHEEL_METRICS = { ringGap: 4, gap: 3, padY: 5, maxTextWidth: 150, maxLines: 4 } as const

/** Room around the boxes, in layout units: enough for their borders. */
const MARGIN = 6
const ASPECTS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3]

/** The layout whose whole wheel is drawn largest in `size` (roundest among near-equals). */
export function layoutForScreen(items: WheelLayoutItem[], options: Omit<WheelLayoutOptions, 'aspect'>, size: Size): WheelLayout {
  const candidates = ASPECTS.map((aspect) => {
    const layout = layoutWheel(items, { ...options, aspect })
    return { aspect, layout, scale: scaleFor(padded(layout.bounds), size) }
  })
  const best = Math.max(...candidates.map((c) => c.scale))
  return candidates.filter((c) => c.scale >= best / 1.04).sort((a, b) => a.aspect - b.aspect)[0]!.layout
}

/**
 * Splits the wheel into pages whose text is at least `minFontPx` on screen (see the file comment),
 * each drawn no larger than `maxFontPx`. A single branch too big for that stays one page, drawn
 * as large as it goes.
 */
export function wheelPages(layout: WheelLayout, size: Size, minFontPx: number, maxFontPx: number): WheelPage[] {
  const fontSize = layout.metrics.fontSize
  const maxScale = maxFontPx / fontSize
  const childrenOf = new Map<string | null, string[]>()
  for (const node of [...layout.nodes].sort((a, b) => a.angle - b.angle)) childrenOf.set(node.parentId, [...(childrenOf.get(node.parentId) ?? []), node.id])
  const subtree = (id: string): string[] => [id, ...(childrenOf.get(id) ?? []).flatMap(subtree)]
  const roots = childrenOf.get(null) ?? []
  const page = (units: readonly Unit[]): WheelPage => {
    const nodes = new Set(units.flatMap((unit) => unit.nodes))
    const bounds = padded(boundsOf([layout.centre, ...layout.nodes.filter((node) => nodes.has(node.id))]))
    return { roots: [...new Set(units.map((unit) => unit.root))], nodes, bounds, scale: Math.min(maxScale, scaleFor(bounds, size)) }
  }
  const readable = (candidate: WheelPage) => candidate.scale * fontSize >= minFontPx
  const whole: Unit[] = roots.map((root) => ({ root, nodes: subtree(root) }))
  if (readable(page(whole))) return [page(whole)]

  // A first-order branch too big to read is shown with one of its second-order branches at a time.
  const units = whole.flatMap((unit): Unit[] => {
    const children = childrenOf.get(unit.root) ?? []
    if (readable(page([unit])) || children.length < 2) return [unit]
    return children.map((child) => ({ root: unit.root, nodes: [unit.root, ...subtree(child)] }))
  })
  const pages: WheelPage[] = []
  let current: Unit[] = []
  for (const unit of units) {
    if (current.length > 0 && !readable(page([...current, unit]))) {
      pages.push(page(current))
      current = []
    }
    current.push(unit)
  }
  if (current.length > 0) pages.push(page(current))
  return pages
}

/** What goes on a page together: a first-order consequence with (some of) what follows from it. */
interface Unit {
  root: string
  nodes: readonly string[]
}

function boundsOf(boxes: readonly WheelBox[]): Bounds {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const box of boxes) {
    minX = Math.min(minX, box.x - box.w / 2)
    maxX = Math.max(maxX, box.x + box.w / 2)
    minY = Math.min(minY, box.y - box.h / 2)
    maxY = Math.max(maxY, box.y + box.h / 2)
  }
  return { minX, minY, maxX, maxY }
}

function padded(bounds: Bounds): Bounds {
  return { minX: bounds.minX - MARGIN, minY: bounds.minY - MARGIN, maxX: bounds.maxX + MARGIN, maxY: bounds.maxY + MARGIN }
}

function scaleFor(bounds: Bounds, size: Size): number {
  const width = Math.max(1, bounds.maxX - bounds.minX)
  const height = Math.max(1, bounds.maxY - bounds.minY)
  return Math.max(0, Math.min(size.width / width, size.height / height))
}
