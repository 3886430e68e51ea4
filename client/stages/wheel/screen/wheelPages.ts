/**
 * The futures wheel on the projector, big enough to read from the back of the room. The whole
 * wheel is shown when its consequences can be drawn at `minFontPx` or more; otherwise it is shown
 * part by part: runs of first-order consequences (clockwise, as in the whole wheel), each with
 * everything that follows from it, in as few parts as keep the text at that size. Pure and tested.
 *
 * A part is drawn one of three ways, whichever needs fewer parts for the wheel at hand:
 * - zoomed: the whole wheel, zoomed on the part's sector, so boxes stay where they are from one
 *   part to the next. Best for deep branches, which a sector holds compactly. But every part must
 *   show the trend in the middle, so a sector reaching from the middle to the top is as tall as
 *   the whole wheel: a room's wheel of 15 first-order consequences took 4 parts at 1280×720.
 * - re-laid: each part a wheel of its own, the trend and the part's consequences laid out afresh
 *   in the whole stage area. That wheel of 15 takes 2 parts. A single deep branch laid out alone
 *   spreads its consequences all round the trend, though, and needs more parts than zoomed.
 * - a tree (`layoutBranches`): the trend on the left, a column per order of consequences. A wheel
 *   keeps its middle on every part, so on a wide, low screen a part of one branch is a chain of
 *   three boxes in a screen's width: a room's Finnish wheel of 29 took 14 parts at 1280×720, long
 *   texts cut with "…"; as trees, 6, every text whole (4 on an HD projector, where the wheel's
 *   4 parts cut two texts).
 * Re-laid parts are used only when they are fewer (zoomed ones keep the boxes in place), trees only
 * when they are fewer still, or as many with fewer texts cut (a wheel's parts keep its shape).
 * Laying out is the cost here (nine aspects for each candidate part), so re-laying stops as soon as
 * it cannot win: 10–60 ms for a room's wheel in Chromium on a busy machine, once per wheel change.
 *
 * A wheel shown in parts is first shown whole, denser (`overview`): the trend and its first-order
 * consequences in words at the same size, everything that follows from them as a mark of its
 * valence on its ring, so that the room sees the wheel's shape before its parts. Left out when even
 * that would not read.
 */
import { layoutBranches, layoutWheel, type WheelBox, type WheelLayout, type WheelLayoutItem, type WheelLayoutOptions } from '../../../../shared/wheel/index.ts'
import { ringLabelBox, ringLabelPlace } from '../diagram/ringLabels.ts'

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
  /** The wheel this part is drawn from: the whole wheel (zoomed) or the part's own. */
  layout: WheelLayout
  /** Ids of the consequences drawn on this part. */
  nodes: ReadonlySet<string>
  /** Ids of the first-order consequences on this part. */
  roots: readonly string[]
  /** The rings named on this part ("1st order"), each name wholly in view (see `withRingNames`). */
  namedRings: readonly number[]
  /** What the part shows, in layout units: its boxes, the trend in the middle and its rings' names, with a margin. */
  bounds: Bounds
  /** Layout units → screen pixels for this part. */
  scale: number
  /** The whole wheel at a glance: only the first-order consequences in words, the rest as marks. */
  overview?: boolean
}

/**
 * The projector draws the boxes with little air between rings and neighbours — the lines between
 * them carry the structure, and every unit of air saved is type size — and a line wider and one
 * more of them, so that longer consequences are shown whole rather than cut with "…".
 */
export const SCREEN_WHEEL_METRICS = { ringGap: 4, gap: 3, padY: 5, maxTextWidth: 150, maxLines: 4 } as const

/**
 * A part drawn as a tree (`layoutBranches`) has the width a wheel's part leaves empty: its boxes
 * take wider lines, so that long consequences are shown whole, in fewer lines.
 */
const BRANCH_METRICS = { maxTextWidth: 170, maxLines: 8 } as const

/** A mark's box on the whole wheel at a glance, in layout units: its valence glyph with air round it. */
const MARK_WIDTH = 36

/** Room around the boxes, in layout units: enough for their borders. */
const MARGIN = 6
const ASPECTS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3]

export type ScreenWheelOptions = Omit<WheelLayoutOptions, 'aspect'>

/**
 * The wheel as the projector shows it (see the file comment): one part when the whole wheel reads
 * at `minFontPx` or more, else as few parts as keep every part at that size, as even as that
 * allows; none drawn larger than `maxFontPx`. A first-order consequence with too much following
 * from it for one part is shown with some of its second-order branches at a time; a single branch
 * too big even for that is one part, drawn as large as it goes.
 */
export function wheelPages(items: readonly WheelLayoutItem[], options: ScreenWheelOptions, size: Size, minFontPx: number, maxFontPx: number): WheelPage[] {
  const whole = layoutForScreen(items, options, size)
  const fit = (
    layout: WheelLayout,
    nodes: ReadonlySet<string>,
    roots: readonly string[],
    boxes: readonly Pick<WheelBox, 'x' | 'y' | 'w' | 'h'>[],
  ): WheelPage => {
    const bounds = padded(boundsOf(boxes))
    return { layout, nodes, roots, namedRings: [], bounds, scale: Math.min(maxFontPx / layout.metrics.fontSize, scaleFor(bounds, size)) }
  }
  const zoomed: PageOf = (group) => {
    const nodes = new Set(group.flatMap(idsOf))
    return fit(
      whole,
      nodes,
      group.map((item) => item.id),
      [whole.centre, ...whole.nodes.filter((node) => nodes.has(node.id))],
    )
  }
  // Candidate parts are laid out once each (the greedy fill and the evening ask for some again).
  const laidOut = new Map<string, WheelPage>()
  const relaid: PageOf = (group) => {
    const key = JSON.stringify(group.map(idsOf))
    let page = laidOut.get(key)
    if (!page) {
      const layout = group.length === items.length ? whole : layoutForScreen(group, options, size)
      page = fit(
        layout,
        new Set(layout.nodes.map((node) => node.id)),
        group.map((item) => item.id),
        [layout.centre, ...layout.nodes],
      )
      laidOut.set(key, page)
    }
    return page
  }
  const branchOptions = { ...options, metrics: { ...options.metrics, ...BRANCH_METRICS } }
  const branched: PageOf = (group) => {
    const key = `branches:${JSON.stringify(group.map(idsOf))}`
    let page = laidOut.get(key)
    if (!page) {
      const layout = layoutBranches(group, branchOptions)
      const { minX, minY, maxX, maxY } = layout.bounds
      // Framed with the columns' names above the boxes.
      const names = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, w: maxX - minX, h: maxY - minY }
      page = {
        ...fit(
          layout,
          new Set(layout.nodes.map((node) => node.id)),
          group.map((item) => item.id),
          [names],
        ),
        namedRings: layout.columns?.map((column) => column.ring) ?? [],
      }
      laidOut.set(key, page)
    }
    return page
  }
  const readable = (page: WheelPage) => page.scale * page.layout.metrics.fontSize >= minFontPx

  const zoomedPages = paginate(items, zoomed, readable)
  // The whole wheel does not read laid out afresh either: re-laid parts are two at the fewest.
  const wheelParts = zoomedPages.length <= 2 ? zoomedPages : (paginate(items, relaid, readable, zoomedPages.length - 1) ?? zoomedPages)
  // Trees only where they need fewer parts, or as many with fewer texts cut ("…"): a wheel's parts keep the wheel's shape.
  const branchParts = wheelParts.length > 2 ? paginate(items, branched, readable, wheelParts.length) : null
  const better = branchParts !== null && (branchParts.length < wheelParts.length || cutTexts(branchParts) < cutTexts(wheelParts)) ? branchParts : wheelParts
  const parts = better.map((page) => withRingNames(page, size, minFontPx, maxFontPx))
  if (parts.length === 1) return parts
  // Narrow boxes for the marks: the whole wheel is what must fit, and the words are few.
  const glance = layoutForScreen(firstOrderInWords(items), { ...options, metrics: { ...options.metrics, minWidth: MARK_WIDTH } }, size)
  // Its rings are not named: the marks crowd them.
  const overview = {
    ...fit(
      glance,
      new Set(glance.nodes.map((node) => node.id)),
      items.map((item) => item.id),
      [glance.centre, ...glance.nodes],
    ),
    overview: true,
  }
  return readable(overview) ? [overview, ...parts] : parts
}

/**
 * What the projector draws of a part, in layout units: its bounds centred, at its scale (which
 * may be below what would fill the screen, so the view is often larger than the bounds).
 */
export function viewOf(page: WheelPage, size: Size): Bounds {
  const [cx, cy] = [(page.bounds.minX + page.bounds.maxX) / 2, (page.bounds.minY + page.bounds.maxY) / 2]
  const [halfW, halfH] = page.scale > 0 ? [size.width / page.scale / 2, size.height / page.scale / 2] : [0, 0]
  return { minX: cx - halfW, minY: cy - halfH, maxX: cx + halfW, maxY: cy + halfH }
}

/**
 * A part with its rings named: on a part drawn whole, every ring; on a sector of the wheel, those
 * whose name sits under one of the part's boxes (ringLabels.ts). The names are drawn at six
 * o'clock of the whole wheel, and a part framed by its boxes alone cut them with its lower edge
 * ("1. aste" half under the legend). The part is framed with its names while its text still
 * reads at `minFontPx` (a little smaller, if need be); else it keeps its frame, the parts already
 * chosen, and names only the rings whose name is wholly in view there.
 */
function withRingNames(page: WheelPage, size: Size, minFontPx: number, maxFontPx: number): WheelPage {
  const { layout, nodes } = page
  const drawnWhole = nodes.size === layout.nodes.length
  const rings = layout.rings.map((ring) => ring.ring).filter((ring) => drawnWhole || ringLabelPlace(layout, ring).under.some((id) => nodes.has(id)))
  if (rings.length === 0) return page
  const names = rings.map((ring) => ringLabelBox(layout, ring))
  const framed = union(page.bounds, padded(boundsOf(names)))
  const scale = Math.min(maxFontPx / layout.metrics.fontSize, scaleFor(framed, size))
  if (scale * layout.metrics.fontSize >= minFontPx || scale >= page.scale) return { ...page, namedRings: rings, bounds: framed, scale }
  const view = viewOf(page, size)
  return { ...page, namedRings: rings.filter((_, index) => contains(view, padded(boundsOf([names[index]!])))) }
}

/** How many consequences the parts show cut short ("…"): each part's own boxes, once per part. */
function cutTexts(pages: readonly WheelPage[]): number {
  return pages.reduce((sum, page) => sum + page.layout.nodes.filter((node) => node.truncated && page.nodes.has(node.id)).length, 0)
}

/** The items with the words of every consequence past the first order left out: each takes a mark's room. */
function firstOrderInWords(items: readonly WheelLayoutItem[]): WheelLayoutItem[] {
  const marks = (item: WheelLayoutItem): WheelLayoutItem => ({ ...item, text: '', children: item.children.map(marks) })
  return items.map((item) => ({ ...item, children: item.children.map(marks) }))
}

/** The layout whose whole wheel is drawn largest in `size` (roundest among near-equals). */
function layoutForScreen(items: readonly WheelLayoutItem[], options: ScreenWheelOptions, size: Size): WheelLayout {
  const candidates = ASPECTS.map((aspect) => {
    const layout = layoutWheel(items, { ...options, aspect })
    return { aspect, layout, scale: scaleFor(padded(layout.bounds), size) }
  })
  const best = Math.max(...candidates.map((c) => c.scale))
  return candidates.filter((c) => c.scale >= best / 1.04).sort((a, b) => a.aspect - b.aspect)[0]!.layout
}

/** A part showing these first-order consequences (with what follows from each, as given). */
type PageOf = (group: readonly WheelLayoutItem[]) => WheelPage

/** `items` in readable parts, drawn by `pageOf` (see `wheelPages`); null when that takes more than `most`. */
function paginate(items: readonly WheelLayoutItem[], pageOf: PageOf, readable: (page: WheelPage) => boolean): WheelPage[]
function paginate(items: readonly WheelLayoutItem[], pageOf: PageOf, readable: (page: WheelPage) => boolean, most: number): WheelPage[] | null
function paginate(items: readonly WheelLayoutItem[], pageOf: PageOf, readable: (page: WheelPage) => boolean, most = Infinity): WheelPage[] | null {
  const all = pageOf(items)
  if (items.length === 0 || readable(all)) return [all]
  // A first-order consequence too full to read alone is shown a second-order branch, or a run of them, at a time.
  const units = items.flatMap((item): WheelLayoutItem[] =>
    item.children.length < 2 || readable(pageOf([item])) ? [item] : item.children.map((child) => ({ ...item, children: [child] })),
  )
  const greedy: WheelLayoutItem[][] = []
  for (const unit of units) {
    const current = greedy.at(-1)
    if (current && readable(pageOf(joinBranches([...current, unit])))) current.push(unit)
    else if (greedy.push([unit]) > most) return null
  }
  // Filling each part in turn leaves the last the emptiest: as many parts, evened out, read better.
  // A part of one unit reads as well as that unit ever can (a branch too big for any part).
  const even = evenGroups(units, greedy.length)
  const evenPages = even.map((group) => pageOf(joinBranches(group)))
  const evenReads = evenPages.every((page, index) => even[index]!.length === 1 || readable(page))
  return evenReads ? evenPages : greedy.map((group) => pageOf(joinBranches(group)))
}

/** Consecutive branches of one first-order consequence, split by `paginate`, as that consequence again. */
function joinBranches(group: readonly WheelLayoutItem[]): WheelLayoutItem[] {
  const joined: WheelLayoutItem[] = []
  for (const item of group) {
    const last = joined.at(-1)
    if (last?.id === item.id) joined[joined.length - 1] = { ...last, children: [...last.children, ...item.children] }
    else joined.push(item)
  }
  return joined
}

/** `units` in `count` runs, in order, as near equal in consequences as runs can be. */
function evenGroups(units: readonly WheelLayoutItem[], count: number): WheelLayoutItem[][] {
  const weights = units.map((unit) => idsOf(unit).length)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const groups: WheelLayoutItem[][] = []
  let done = 0
  for (const [index, unit] of units.entries()) {
    const toOpen = count - groups.length
    // A unit opens the next run when its middle lies past the runs' shares so far, or when each unit left must open one.
    const pastShare = (done + weights[index]! / 2) * count > groups.length * total
    if (groups.length === 0 || (toOpen > 0 && (pastShare || toOpen >= units.length - index))) groups.push([])
    groups.at(-1)!.push(unit)
    done += weights[index]!
  }
  return groups
}

function idsOf(item: WheelLayoutItem): string[] {
  return [item.id, ...item.children.flatMap(idsOf)]
}

function boundsOf(boxes: readonly Pick<WheelBox, 'x' | 'y' | 'w' | 'h'>[]): Bounds {
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

function union(a: Bounds, b: Bounds): Bounds {
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) }
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY
}

function scaleFor(bounds: Bounds, size: Size): number {
  const width = Math.max(1, bounds.maxX - bounds.minX)
  const height = Math.max(1, bounds.maxY - bounds.minY)
  return Math.max(0, Math.min(size.width / width, size.height / height))
}
