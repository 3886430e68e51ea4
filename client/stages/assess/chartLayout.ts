/**
 * Where the labels of the group's result chart go, so the chart cannot be misread: every label is
 * either drawn whole (wrapped onto up to three lines) in a spot where it covers no other label, no
 * trend's badge and no quadrant title, and stays inside the chart — or, when no such spot exists,
 * it moves to the legend under the chart and the badge alone marks the trend. A label away from
 * its badge gets a leader line, and never sits beside another trend's badge (`claimedBy`).
 *
 * A greedy search in rank order (the top-ranked trend gets the best spot): for each label, a few
 * wrappings × rings of distance × directions around the badge; the nearest spot that breaks no
 * rule wins, with a small preference for the right-hand side and for one line, and a larger one
 * for the quadrant of its own badge. Cheap (12 labels try a few thousand boxes) and
 * deterministic, so every screen draws the same chart.
 */

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface ChartItem {
  readonly id: string
  /** The badge number: the trend's rank in the ranked list. */
  readonly rank: number
  /** The full text of the label. */
  readonly name: string
  /** The badge's centre in pixels from the plot's top left. */
  readonly x: number
  readonly y: number
}

export interface ChartMetrics {
  readonly width: number
  readonly height: number
  /** The label's line height in pixels. */
  readonly lineHeight: number
  /** The badge's radius in pixels. */
  readonly badgeRadius: number
  /** Padding inside a label box, each side. */
  readonly padX: number
  readonly padY: number
  /** Clearance kept between a label and anything else. */
  readonly gap: number
  /** The widest a label may grow before it wraps. */
  readonly maxLabelWidth: number
  /** The quadrant titles and the spots each may take; labels keep off the one it takes (see `placeTitles`). */
  readonly titles?: readonly TitleSpots[]
  /** The width of a line of label text, in pixels. */
  measure(text: string): number
}

export interface PlacedLabel {
  readonly id: string
  readonly rank: number
  readonly box: Box
  readonly lines: readonly string[]
  /** From the badge's edge to the label, when the label sits away from its badge. */
  readonly leader: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | null
}

/**
 * A quadrant title drawn one way: in its outer corner, or by the horizontal midline (`inward`),
 * or at the other side of its quadrant, by the vertical midline (`across`); with its hint or without.
 */
export interface TitleWay {
  readonly inward: boolean
  readonly across: boolean
  readonly hint: boolean
}

/** A quadrant title's box drawn one way. */
export interface TitleSpot extends TitleWay {
  readonly box: Box
}

/** How a quadrant's title (`id`: the quadrant) is drawn. */
export type PlacedTitle = { readonly id: string } & TitleSpot

/** A quadrant's title (`id`: the quadrant) and the ways it may be drawn, the preferred first. */
export interface TitleSpots {
  readonly id: string
  readonly spots: readonly TitleSpot[]
}

export interface ChartLayout {
  /** Where each trend's badge is drawn: at its median, or beside the others it would cover (see `spreadBadges`). */
  readonly badges: readonly { readonly id: string; readonly x: number; readonly y: number }[]
  /** Around each set of badges spread from one place: a frame that says they belong there together. */
  readonly ties: readonly Box[]
  readonly labels: readonly PlacedLabel[]
  /** Trends whose label found no free spot: listed under the chart, by rank. */
  readonly legend: readonly { readonly id: string; readonly rank: number; readonly name: string }[]
  /** How each quadrant title is drawn, clear of the badges where it can be (`placeTitles`). */
  readonly titles: readonly PlacedTitle[]
}

const MAX_LINES = 3
const DIRECTIONS = 16
const DISTANCE_STEPS = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8]
/**
 * Badges nearer than this many radii hide each other's number (the one drawn later covers the
 * other's middle); farther apart, both numbers show and they stay where their medians are.
 */
const HIDES = 1.5

/** The metrics as labels are placed: with the places no label may cover (the titles, tied badges' frames). */
type Placing = ChartMetrics & { readonly reserved: readonly Box[] }

/** Lays out every label; `items` in any order (they are placed by rank). */
export function layoutChart(given: readonly ChartItem[], metrics: ChartMetrics): ChartLayout {
  const { items, ties } = spreadBadges(given, metrics)
  const badges = items.map((item) => badgeBox(item, metrics))
  // A frame of tied badges is theirs as much as the badges are.
  const titles = placeTitles(metrics.titles ?? [], [...badges, ...ties], metrics.gap)
  // No label over a title, nor over a frame of badges sharing a spot: it would read as one of theirs.
  const m: Placing = { ...metrics, reserved: [...titles.map((title) => title.box), ...ties] }
  const placed: PlacedLabel[] = []
  const legend: { id: string; rank: number; name: string }[] = []
  const ordered = [...items].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
  const medians = new Map(given.map((item) => [item.id, item]))
  for (const item of ordered) {
    const label = placeOne(item, medians.get(item.id)!, m, badges, placed)
    if (label) placed.push(label)
    else legend.push({ id: item.id, rank: item.rank, name: item.name })
  }
  return {
    badges: items.map(({ id, x, y }) => ({ id, x, y })),
    ties,
    labels: placed,
    legend,
    titles,
  }
}

/**
 * How each quadrant title is drawn: the first of its spots (its outer corner, then by a midline,
 * then each without its hint) where no badge sits, else the one with fewest badges on it. The corner a title names is where the most decided trends land ("Critical uncertainties"
 * at high impact, high uncertainty): a badge drawn over it read "ritical uncertainties", and the
 * title hid the badge's neighbours. A badge is data and never moves for a title.
 */
export function placeTitles(titles: readonly TitleSpots[], badges: readonly Box[], gap: number): PlacedTitle[] {
  const covering = (box: Box) => badges.filter((badge) => overlaps(box, badge, gap)).length
  return titles.flatMap(({ id, spots }) => {
    let best: TitleSpot | undefined
    let fewest = Number.POSITIVE_INFINITY
    for (const spot of spots) {
      const count = covering(spot.box)
      if (count < fewest) [best, fewest] = [spot, count]
      if (count === 0) break
    }
    return best ? [{ id, ...best }] : []
  })
}

/**
 * Badges that would hide each other's number are set side by side, in rank order (left to right,
 * then down), as a block beside where they were (`blockOf`: inside the chart and that spot's
 * quadrant). With few people placing, several trends often share a median (all at the grid's
 * centre, where a tap puts a trend before it is moved): drawn where they are, they were one badge
 * showing the last number, and its label read as another trend's. A frame around the block
 * (`ties`) says its badges share the spot.
 */
export function spreadBadges(
  items: readonly ChartItem[],
  m: Pick<ChartMetrics, 'badgeRadius' | 'gap' | 'width' | 'height'>,
): { items: ChartItem[]; ties: Box[] } {
  const step = 2 * m.badgeRadius + m.gap
  const at = items.map(({ x, y }) => ({ x, y }))
  // Sets of badges that cover one another. A block can come to cover another badge: the two sets
  // are joined and laid out again as one, until nothing covers anything (sets only ever grow).
  const set = items.map((_, index) => index)
  const root = (i: number): number => (set[i] === i ? i : (set[i] = root(set[i]!)))
  let ties: Box[] = []
  for (let joined = true; joined;) {
    joined = false
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++)
        if (root(i) !== root(j) && Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y) < HIDES * m.badgeRadius) {
          set[root(i)] = root(j)
          joined = true
        }
    const members = new Map<number, number[]>()
    items.forEach((_, index) => members.set(root(index), [...(members.get(root(index)) ?? []), index]))
    ties = []
    for (const indices of members.values()) {
      if (indices.length < 2) continue
      const block = blockOf(
        indices.map((index) => items[index]!),
        m,
        step,
      )
      ties.push(block.frame)
      indices.forEach((index) => (at[index] = block.at.get(items[index]!.id)!))
    }
  }
  return { items: items.map((item, index) => ({ ...item, ...at[index] })), ties }
}

/**
 * Badges side by side in rank order, as near square a block as they make, centred on their
 * medians' mean, inside the chart and inside the quadrant of that mean (as `quadrantOf` counts a
 * midline: the top row, the right column), so the block never says a different quadrant than
 * the trends' result: seven trends at the centre are critical uncertainties, drawn there.
 */
function blockOf(set: ChartItem[], m: Pick<ChartMetrics, 'badgeRadius' | 'gap' | 'width' | 'height'>, step: number) {
  const ordered = [...set].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1))
  const columns = Math.ceil(Math.sqrt(ordered.length))
  const rows = Math.ceil(ordered.length / columns)
  const cx = ordered.reduce((sum, item) => sum + item.x, 0) / ordered.length
  const cy = ordered.reduce((sum, item) => sum + item.y, 0) / ordered.length
  const pad = m.gap + m.badgeRadius * 0.3
  const w = columns * step - m.gap + 2 * pad
  const h = rows * step - m.gap + 2 * pad
  const midX = m.width / 2
  const midY = m.height / 2
  const [minLeft, maxLeft] = cx >= midX ? [midX + 1, m.width - 1 - w] : [1, midX - 1 - w]
  const [minTop, maxTop] = cy <= midY ? [1, midY - 1 - h] : [midY + 1, m.height - 1 - h]
  // A block wider than its quadrant keeps to the chart at least.
  const left = maxLeft >= minLeft ? Math.max(minLeft, Math.min(cx - w / 2, maxLeft)) : Math.max(1, Math.min(cx - w / 2, m.width - 1 - w))
  const top = maxTop >= minTop ? Math.max(minTop, Math.min(cy - h / 2, maxTop)) : Math.max(1, Math.min(cy - h / 2, m.height - 1 - h))
  const at = new Map<string, { x: number; y: number }>()
  ordered.forEach((item, index) => {
    const row = Math.floor(index / columns)
    // A last row not full is centred under the others.
    const inRow = row === rows - 1 ? ordered.length - row * columns : columns
    at.set(item.id, {
      x: left + pad + ((columns - inRow) * step) / 2 + (index % columns) * step + m.badgeRadius,
      y: top + pad + row * step + m.badgeRadius,
    })
  })
  return { frame: { x: left, y: top, w, h }, at }
}

/** `item` where its badge is drawn; `median` where the trend is (its quadrant). */
function placeOne(item: ChartItem, median: ChartItem, m: Placing, badges: readonly Box[], placed: readonly PlacedLabel[]): PlacedLabel | null {
  const shapes = wrappings(item.name, m)
  let best: { label: PlacedLabel; cost: number } | null = null
  for (const [shapeIndex, lines] of shapes.entries()) {
    const w = Math.max(...lines.map((line) => m.measure(line))) + 2 * m.padX
    const h = lines.length * m.lineHeight + 2 * m.padY
    for (const step of DISTANCE_STEPS) {
      const distance = step * m.lineHeight
      // Costs only grow with distance: once the best so far is nearer, stop looking farther.
      if (best && best.cost < distance) break
      for (let d = 0; d < DIRECTIONS; d++) {
        const angle = (2 * Math.PI * d) / DIRECTIONS
        const dx = Math.cos(angle)
        const dy = Math.sin(angle)
        const reach = m.badgeRadius + m.gap + distance
        // The box's near edge sits `reach` from the badge's centre, in the direction of the angle.
        const cx = item.x + dx * (reach + w / 2)
        const cy = item.y + dy * (reach + h / 2)
        const box = { x: cx - w / 2, y: cy - h / 2, w, h }
        if (!fits(box, m, badges, placed)) continue
        // A label moved far from its own badge and right beside another's reads as that one's,
        // leader line or not (on a phone the line is a hair: a starred "Climate strains everyday
        // life" sat by ② and ③, its ① across the chart): never there; with no other spot it goes
        // to the legend.
        const claimed = claimedBy(item, box, badges, m)
        if (claimed === 'taken') continue
        const leader = leaderLine(item, box, m)
        let cost = distance + shapeIndex * 0.3 * m.lineHeight + (dx < -0.1 ? 0.2 * m.lineHeight : 0) + Math.abs(dy) * 0.1 * m.lineHeight
        // A label about as near another trend's badge as its own reads as that trend's (or as
        // either): avoid it.
        if (claimed !== 'none') cost += (claimed === 'nearer' ? 16 : 8) * m.lineHeight
        // A label in another quadrant than its badge reads as "Plan for these" when the trend is a
        // critical uncertainty: the decision turns on the quadrant, so cross the midlines last.
        if (!reachesQuadrantOf(box, median, m)) cost += 6 * m.lineHeight
        // A leader line across another label or badge is hard to follow: go a little farther to avoid it.
        if (leader) {
          for (const other of placed) if (segmentHitsBox(leader, other.box)) cost += 2 * m.lineHeight
          for (const badge of badges) if (segmentHitsBox(leader, badge)) cost += 2 * m.lineHeight
        }
        if (!best || cost < best.cost) best = { label: { id: item.id, rank: item.rank, box, lines, leader }, cost }
      }
    }
  }
  return best?.label ?? null
}

/** The label's text as one line, then wrapped narrower and narrower (up to three lines), full every time. */
function wrappings(name: string, m: ChartMetrics): string[][] {
  const shapes: string[][] = []
  const seen = new Set<string>()
  const full = m.measure(name)
  for (const limit of [Infinity, m.maxLabelWidth, m.maxLabelWidth * 0.85, m.maxLabelWidth * 0.7, m.maxLabelWidth * 0.6, m.maxLabelWidth * 0.5]) {
    const lines = full <= limit ? [name] : wrapWords(name, limit, m.measure)
    if (lines.length > MAX_LINES) continue
    const key = lines.join('\n')
    if (seen.has(key)) continue
    seen.add(key)
    shapes.push(lines)
  }
  return shapes
}

/** Greedy word wrap; a word longer than the limit keeps its own (longer) line rather than being cut. */
export function wrapWords(text: string, limit: number, measure: (text: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const next = line ? `${line} ${word}` : word
    if (line && measure(next) > limit) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

function badgeBox(item: ChartItem, m: ChartMetrics): Box {
  return { x: item.x - m.badgeRadius, y: item.y - m.badgeRadius, w: 2 * m.badgeRadius, h: 2 * m.badgeRadius }
}

function fits(box: Box, m: Placing, badges: readonly Box[], placed: readonly PlacedLabel[]): boolean {
  if (box.x < 1 || box.y < 1 || box.x + box.w > m.width - 1 || box.y + box.h > m.height - 1) return false
  for (const other of placed) if (overlaps(box, other.box, m.gap)) return false
  for (const badge of badges) if (overlaps(box, badge, m.gap / 2)) return false
  for (const reserved of m.reserved) if (overlaps(box, reserved, m.gap / 2)) return false
  return true
}

/** Whether two boxes come closer than `gap`. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap
}

function leaderLine(item: ChartItem, box: Box, m: ChartMetrics): PlacedLabel['leader'] {
  // The nearest point of the box to the badge's centre.
  const px = Math.max(box.x, Math.min(item.x, box.x + box.w))
  const py = Math.max(box.y, Math.min(item.y, box.y + box.h))
  const dx = px - item.x
  const dy = py - item.y
  const length = Math.hypot(dx, dy)
  if (length - m.badgeRadius < m.gap + 6) return null
  return { x1: item.x + (dx / length) * m.badgeRadius, y1: item.y + (dy / length) * m.badgeRadius, x2: px, y2: py }
}

/**
 * Whether a label box has some part in the quadrant (a quarter of the chart) of its trend's badge.
 * A badge on a midline belongs where the grid puts it (`quadrantOf`: impact and uncertainty of
 * 0.5 count as high): the top row and the right column.
 */
export function reachesQuadrantOf(box: Box, badge: { x: number; y: number }, m: Pick<ChartMetrics, 'width' | 'height'>): boolean {
  const midX = m.width / 2
  const midY = m.height / 2
  const sameColumn = badge.x < midX ? box.x < midX : box.x + box.w > midX
  const sameRow = badge.y <= midY ? box.y < midY : box.y + box.h > midY
  return sameColumn && sameRow
}

/**
 * Whether another badge is nearer the label than its own (`nearer`: it reads as that one's), or
 * within a line's height of being so (`close`: a label just under two badges, or starting right
 * after another, reads as either); `taken`: another badge is within half the distance to its own,
 * and its own is over two lines away.
 */
function claimedBy(
  item: { x: number; y: number },
  box: Box,
  badges: readonly Box[],
  m: Pick<ChartMetrics, 'lineHeight'>,
): 'none' | 'close' | 'nearer' | 'taken' {
  const own = distanceToBox(item.x, item.y, box)
  let claim: 'none' | 'close' | 'nearer' | 'taken' = 'none'
  for (const badge of badges) {
    const x = badge.x + badge.w / 2
    const y = badge.y + badge.h / 2
    if (x === item.x && y === item.y) continue
    const distance = distanceToBox(x, y, box)
    if (own > 2 * m.lineHeight && distance < own / 2) return 'taken'
    if (distance < own) claim = 'nearer'
    else if (distance < own + m.lineHeight && claim === 'none') claim = 'close'
  }
  return claim
}

function distanceToBox(x: number, y: number, box: Box): number {
  return Math.hypot(Math.max(box.x - x, 0, x - (box.x + box.w)), Math.max(box.y - y, 0, y - (box.y + box.h)))
}

/** Whether a line segment passes through a box (sampled: exact enough for a short leader line). */
function segmentHitsBox(line: { x1: number; y1: number; x2: number; y2: number }, box: Box): boolean {
  for (let i = 1; i < 12; i++) {
    const x = line.x1 + ((line.x2 - line.x1) * i) / 12
    const y = line.y1 + ((line.y2 - line.y1) * i) / 12
    if (x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h) return true
  }
  return false
}
