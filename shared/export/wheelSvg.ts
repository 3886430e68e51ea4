/**
 * A futures wheel as a picture: one SVG, laid out by the same function the app draws its wheel
 * with (`shared/wheel`), in the same colours (Okabe–Ito valences, the accent in the middle).
 * Its name is its first child, `<title>` (user text only ever in element content, never in an
 * attribute). Self-contained (presentation attributes, no CSS, no scripts, no links), so the same string is
 * an inline figure in the HTML and PDF report and a standalone `.svg` download. Every text is
 * whole, measured for any reader's font, its long words broken at syllables (`pictureText.ts`).
 */
import type { Language, Valence } from '../schema/index'
import { layoutBranches, layoutWheel, type WheelBox, type WheelLayout, type WheelLayoutItem, type WheelLayoutOptions } from '../wheel/index'
import { text } from './htmlText'
import { hyphenateForPicture, pictureTextWidth } from './pictureText'

export interface WheelSvgNode {
  readonly id: string
  readonly text: string
  readonly valence: Valence
  readonly children: readonly WheelSvgNode[]
}

export interface WheelSvgOptions {
  /** The trend in the middle. */
  readonly centre: string
  /** "Futures wheel: Care moves home", the picture's accessible name and title. */
  readonly label: string
  /** "1st order", … by ring number. */
  readonly ringLabel: (ring: number) => string
  /** Width ÷ height of the rings. Default 1.7: a wheel as wide as a landscape A4 page's figure (where the PDF prints it) and about a wide screen's. */
  readonly aspect?: number
  /** Add the XML declaration and namespace for a file of its own. */
  readonly standalone?: boolean
  /** Shown in an empty consequence ("…"). */
  readonly emptyText?: string
  /** The workshop's language: long words break by its rules, unless a text is clearly in the other. Default English. */
  readonly language?: Language
}

/** Colours of the app's wheel (`client/stages/wheel/wheel.css`): stroke, fill. */
const VALENCE_COLOURS: Record<string, readonly [string, string]> = {
  positive: ['#0072b2', '#e6f1f9'],
  negative: ['#c75300', '#fcebdf'],
  mixed: ['#9a4a87', '#f6e9f3'],
  none: ['#6e6259', '#ffffff'],
}
const INK = '#24201c'
const MUTED = '#5c534b'
const LINE = '#b9ab9b'
const RING = '#e2d9ce'
const ACCENT = ['#a34a25', '#8a3c1c'] as const
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
const MARGIN = 24
/**
 * A picture has no list or tooltip beside it (the SVG download is the diagram alone), so it cuts
 * no text: a box takes as many lines as its text needs, and the rings move out to make room. Its
 * lines are wider than the app's (132), so that a Finnish compound of up to about 24 letters
 * ("mielenterveyspalveluiden") stays whole and a text of 120 letters takes five or six lines,
 * not ten; a word longer than that breaks at a syllable, with a hyphen.
 */
const WHOLE_TEXTS = { maxLines: Infinity, centreMaxLines: Infinity, maxTextWidth: 190 }

export interface WheelPicture {
  readonly svg: string
  /** The picture's own width, in CSS pixels (its text is 14 px at this size): the report shows it up to it. */
  readonly width: number
  /** Its own height, as the width. */
  readonly height: number
}

/** One tree of a wheel's branches (`wheelBranchSvgs`), and which first-order consequences it shows (from 1). */
export interface BranchPicture extends WheelPicture {
  readonly first: number
  readonly last: number
}

/**
 * @example
 * const { svg } = wheelSvg(nodes, { centre: 'Care moves home', label: 'Futures wheel: Care moves home', ringLabel: (n) => `${n}. order`, language: 'en' })
 */
export function wheelSvg(nodes: readonly WheelSvgNode[], options: WheelSvgOptions): WheelPicture {
  const { items, valenceOf, layoutOptions } = prepare(nodes, options)
  const layout = layoutWheel(items, { ...layoutOptions, aspect: options.aspect ?? 1.7 })
  // The rings whole, not cut where no box reaches them (a wheel of a few boxes read as arcs).
  const outer = layout.rings.at(-1)
  const rx = outer ? outer.radius * layout.aspect : 0
  const ry = outer?.radius ?? 0
  // Each ring's name sits at six o'clock, sometimes below the lowest box: keep it in the picture.
  const bounds = {
    minX: Math.min(layout.bounds.minX, -rx),
    maxX: Math.max(layout.bounds.maxX, rx),
    minY: Math.min(layout.bounds.minY, -ry),
    maxY: Math.max(layout.bounds.maxY, ry, ...layout.rings.map((ring) => ringLabelY(layout, ring.ring) + 10)),
  }
  const rings = layout.rings
    .map(
      (ring) =>
        `<ellipse cx="0" cy="0" rx="${num(ring.radius * layout.aspect)}" ry="${num(ring.radius)}" fill="none" stroke="${RING}" stroke-width="1.5" stroke-dasharray="3 7"/>` +
        orderName(options.ringLabel(ring.ring), 0, ringLabelY(layout, ring.ring), 'middle'),
    )
    .join('')
  const edges = layout.edges
    .map((e) => `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${LINE}" stroke-width="1.5"/>`)
    .join('')
  return picture(layout, bounds, rings + edges, valenceOf, options)
}

/**
 * The wheel's branches as trees read from left to right (`layoutBranches`), the trend on the left
 * of each: what a printed report shows beside a wheel too large to print readably on one page.
 * First-order consequences go together, in the wheel's order, as long as their tree still `fits`
 * (its width and height in the picture's pixels); one that does not fit alone has a tree of its own.
 */
export function wheelBranchSvgs(
  nodes: readonly WheelSvgNode[],
  options: WheelSvgOptions & { readonly partLabel: (first: number, last: number, of: number) => string },
  fits: (width: number, height: number) => boolean,
): BranchPicture[] {
  const { items, valenceOf, layoutOptions } = prepare(nodes, options)
  const size = (layout: WheelLayout) => ({ width: layout.bounds.maxX + 2 * MARGIN, height: layout.bounds.maxY + 2 * MARGIN })
  const groups: { layout: WheelLayout; first: number; last: number }[] = []
  let group: WheelLayoutItem[] = []
  let current: WheelLayout | null = null
  for (const [index, item] of items.entries()) {
    const tried = layoutBranches([...group, item], layoutOptions)
    const { width, height } = size(tried)
    if (current && !fits(width, height)) {
      groups.push({ layout: current, first: index - group.length + 1, last: index })
      group = [item]
      current = layoutBranches(group, layoutOptions)
    } else {
      group.push(item)
      current = tried
    }
  }
  if (current) groups.push({ layout: current, first: items.length - group.length + 1, last: items.length })
  return groups.map(({ layout, first, last }) => {
    const names = (layout.columns ?? []).map((column) => orderName(options.ringLabel(column.ring), column.left, column.nameY, 'start')).join('')
    const edges = layout.edges
      .map(({ x1, y1, x2, y2, bendX = x1 }) => {
        const middle = (bendX + x2) / 2
        return `<path d="M${num(x1)} ${num(y1)}H${num(bendX)}C${num(middle)} ${num(y1)} ${num(middle)} ${num(y2)} ${num(x2)} ${num(y2)}" fill="none" stroke="${LINE}" stroke-width="1.5"/>`
      })
      .join('')
    return {
      ...picture(layout, layout.bounds, names + edges, valenceOf, { ...options, label: `${options.label}: ${options.partLabel(first, last, items.length)}` }),
      first,
      last,
    }
  })
}

/** The layout's items (texts hyphenated for a picture) and options, shared by the wheel and its trees. */
function prepare(
  nodes: readonly WheelSvgNode[],
  options: WheelSvgOptions,
): { items: WheelLayoutItem[]; valenceOf: (id: string) => Valence | ''; layoutOptions: WheelLayoutOptions } {
  const empty = options.emptyText ?? '…'
  const language = options.language ?? 'en'
  const byId = new Map<string, WheelSvgNode>()
  const toItems = (list: readonly WheelSvgNode[]): WheelLayoutItem[] =>
    list.map((node) => {
      byId.set(node.id, node)
      return { id: node.id, text: hyphenateForPicture(node.text.trim(), language) || empty, children: toItems(node.children) }
    })
  const items = toItems(nodes)
  return {
    items,
    valenceOf: (id) => byId.get(id)?.valence ?? '',
    layoutOptions: { centreText: hyphenateForPicture(options.centre, language), measure: pictureTextWidth, metrics: WHOLE_TEXTS },
  }
}

/** The boxes and the trend over what lies under them (`under`: rings or columns' names, lines), framed with a margin. */
function picture(
  layout: WheelLayout,
  bounds: WheelLayout['bounds'],
  under: string,
  valenceOf: (id: string) => Valence | '',
  options: WheelSvgOptions,
): WheelPicture {
  const x0 = Math.floor(bounds.minX - MARGIN)
  const y0 = Math.floor(bounds.minY - MARGIN)
  const width = Math.ceil(bounds.maxX - bounds.minX + 2 * MARGIN)
  const height = Math.ceil(bounds.maxY - bounds.minY + 2 * MARGIN)
  const m = layout.metrics
  const boxes = layout.nodes
    .map((box) => {
      const valence = valenceOf(box.id) || 'none'
      const [stroke, fill] = VALENCE_COLOURS[valence]!
      const left = m.padX + m.iconSize + m.iconGap
      return (
        `<g transform="translate(${num(box.x - box.w / 2)} ${num(box.y - box.h / 2)})">` +
        `<rect width="${num(box.w)}" height="${num(box.h)}" rx="8" fill="${fill}" stroke="${valence === 'none' ? LINE : stroke}" stroke-width="1.5"${valence === 'none' ? ' stroke-dasharray="5 4"' : ''}/>` +
        glyph(valence, m.padX, m.padY, m.iconSize, stroke) +
        lines(box, left, m.fontSize, m.lineHeight, INK, 'start', '400') +
        '</g>'
      )
    })
    .join('')
  const c = layout.centre
  const centre =
    `<g transform="translate(${num(c.x - c.w / 2)} ${num(c.y - c.h / 2)})">` +
    `<rect width="${num(c.w)}" height="${num(c.h)}" rx="${c.h / 2 > 28 ? 18 : num(c.h / 2)}" fill="${ACCENT[0]}" stroke="${ACCENT[1]}" stroke-width="1.5"/>` +
    lines(c, c.w / 2, m.centreFontSize, m.centreLineHeight, '#ffffff', 'middle', '700') +
    '</g>'

  const ns = options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''
  const head = options.standalone ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''
  const svg = `${head}<svg${ns} class="wheel-picture" viewBox="${x0} ${y0} ${width} ${height}" width="${width}" height="${height}" role="img" font-family="${text(FONT)}"><title>${text(options.label)}</title>${under}${boxes}${centre}</svg>`
  return { svg, width, height }
}

/** An order's name ("1st order"), haloed in white so a line under it does not cross its letters. */
function orderName(name: string, x: number, y: number, anchor: 'start' | 'middle'): string {
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" dominant-baseline="central" font-size="12" font-weight="600" fill="${MUTED}" stroke="#fff" stroke-width="5" stroke-linejoin="round" paint-order="stroke">${text(name)}</text>`
}

/** A ring's name sits at six o'clock, below its lowest box there (as in the app's diagram). */
function ringLabelY(layout: WheelLayout, ringNumber: number): number {
  const ring = layout.rings.find((r) => r.ring === ringNumber)
  if (!ring) return 0
  const next = layout.rings.find((r) => r.ring === ringNumber + 1)
  const below = layout.nodes.filter((n) => n.ring === ringNumber && n.y > 0 && Math.abs(n.x) < n.w / 2 + 40)
  const y = below.length > 0 ? Math.max(...below.map((n) => n.y + n.h / 2)) + 12 : ring.radius
  return next ? Math.min(y, next.inner - 8) : y
}

function lines(box: Pick<WheelBox, 'h' | 'lines'>, left: number, fontSize: number, lineHeight: number, fill: string, anchor: string, weight: string): string {
  const top = (box.h - box.lines.length * lineHeight) / 2
  const spans = box.lines.map((line, i) => `<tspan x="${num(left)}" y="${num(top + i * lineHeight + lineHeight / 2)}">${text(line)}</tspan>`).join('')
  return `<text font-size="${fontSize}" fill="${fill}" text-anchor="${anchor}" font-weight="${weight}" dominant-baseline="central">${spans}</text>`
}

/** The valence mark (+ − ± ?) drawn with strokes in its coloured disc. */
function glyph(valence: string, x: number, y: number, size: number, colour: string): string {
  const r = size / 2
  const a = r * 0.5
  const path =
    valence === 'positive'
      ? `M${num(-a)} 0H${num(a)}M0 ${num(-a)}V${num(a)}`
      : valence === 'negative'
        ? `M${num(-a)} 0H${num(a)}`
        : valence === 'mixed'
          ? `M${num(-a)} ${num(-a * 0.45)}H${num(a)}M0 ${num(-a * 1.15)}V${num(a * 0.25)}M${num(-a)} ${num(a)}H${num(a)}`
          : `M${num(-a * 0.6)} ${num(-a * 0.45)}a${num(a * 0.6)} ${num(a * 0.6)} 0 1 1 ${num(a * 0.6)} ${num(a * 0.6)}V${num(a * 0.45)}M0 ${num(a * 1.05)}v0.01`
  return `<g transform="translate(${num(x + r)} ${num(y + r)})"><circle r="${num(r)}" fill="${colour}"/><path d="${path}" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/></g>`
}

const num = (value: number) => String(Math.round(value * 10) / 10)
