import { describe, expect, it } from 'vitest'
import { DEFAULT_WHEEL_METRICS } from '../wheel/index'
import { pictureTextWidth } from './pictureText'
import { FINNISH_WHEEL_TREND, finnishWheelNodes } from './testing/finnishWheel'
import { wheelBranchSvgs, wheelSvg, type WheelSvgNode } from './wheelSvg'

const node = (id: string, text: string, valence: WheelSvgNode['valence'], children: WheelSvgNode[] = []): WheelSvgNode => ({ id, text, valence, children })
const wheel = [
  node('a', 'Fewer homes', 'mixed', [node('b', 'Adapted homes', 'positive', [node('c', 'Builders learn', 'positive')])]),
  node('d', 'Carers tired', 'negative'),
  node('e', '', ''),
]
const options = { centre: 'Ageing at home', label: 'Futures wheel: Ageing at home', ringLabel: (ring: number) => `Ring ${ring}` }

describe('the futures wheel as a picture', () => {
  it('draws the trend, every consequence in its valence colour, and names the rings', () => {
    const { svg } = wheelSvg(wheel, options)
    expect(svg.startsWith('<svg class="wheel-picture"')).toBe(true)
    expect(svg).toContain('<title>Futures wheel: Ageing at home</title>')
    for (const text of ['Ageing at home', 'Fewer homes', 'Carers tired', 'Builders learn', '…']) expect(svg).toContain(text)
    for (const ring of ['Ring 1', 'Ring 2', 'Ring 3']) expect(svg).toContain(ring)
    // Okabe–Ito strokes as in the app: blue positive, vermillion negative, purple mixed.
    for (const colour of ['#0072b2', '#c75300', '#9a4a87']) expect(svg).toContain(colour)
    expect(svg.match(/<line /g)).toHaveLength(5)
  })

  it('is a file of its own when standalone, and keeps every box inside its view box', () => {
    const { svg } = wheelSvg(wheel, { ...options, standalone: true })
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    const [x, y, w, h] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number]
    for (const [, bx, by] of svg.matchAll(/<g transform="translate\(([-\d.]+) ([-\d.]+)\)"><rect width/g)) {
      expect(Number(bx)).toBeGreaterThanOrEqual(x)
      expect(Number(by)).toBeGreaterThanOrEqual(y)
      expect(Number(bx)).toBeLessThanOrEqual(x + w)
      expect(Number(by)).toBeLessThanOrEqual(y + h)
    }
  })

  it('escapes what people typed', () => {
    const { svg } = wheelSvg([node('x', '<script>alert(1)</script> & "more"', 'positive')], options)
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
  })
})

/** Each box of the picture: its width, and its text's lines with where they start and how they are set. */
function boxesOf(svg: string) {
  const unescape = (value: string) =>
    value
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
  return [
    ...svg.matchAll(
      /<g transform="translate\([^)]*\)"><rect width="([\d.]+)"[\s\S]*?<text font-size="(\d+)"[^>]*font-weight="(\d+)"[^>]*>([\s\S]*?)<\/text><\/g>/g,
    ),
  ].map(([, width, fontSize, weight, spans]) => ({
    width: Number(width),
    fontSize: Number(fontSize),
    bold: Number(weight) >= 600,
    lines: [...spans!.matchAll(/<tspan x="([\d.]+)"[^>]*>([^<]*)<\/tspan>/g)].map(([, x, line]) => ({ x: Number(x), text: unescape(line!) })),
  }))
}

/** The lines read as one text again: a line ending in "-" that the next one continues was a word broken there. */
function joined(lines: readonly string[], original: string): string {
  return lines.reduce((text, line) => (text.endsWith('-') && original.startsWith(text.slice(0, -1) + line) ? text.slice(0, -1) + line : `${text} ${line}`))
}

describe('a full Finnish wheel as a picture (the exploratory test of 7 December)', () => {
  const nodes = finnishWheelNodes()
  const all = (list: readonly WheelSvgNode[]): WheelSvgNode[] => list.flatMap((n) => [n, ...all(n.children)])
  const texts = [FINNISH_WHEEL_TREND, ...all(nodes).map((n) => n.text)]
  const picture = wheelSvg(nodes, { ...options, centre: FINNISH_WHEEL_TREND, language: 'fi' })
  const boxes = boxesOf(picture.svg)

  it('is the realistic wheel: a centre, six first-order, fourteen second-order and nine third-order consequences', () => {
    expect(boxes).toHaveLength(30)
    expect(Math.max(...texts.map((text) => text.length))).toBeGreaterThan(110)
  })

  it('holds every text whole, on as many lines as it needs, with no "…"', () => {
    const shown = boxes.map((box) => box.lines.map((line) => line.text))
    expect(picture.svg).not.toContain('…')
    for (const text of texts)
      expect(
        shown.map((lines) => joined(lines, text)),
        text,
      ).toContain(text)
  })

  it('breaks a word too long for a line at a syllable, with a hyphen, and no other word', () => {
    const broken = boxes
      .flatMap((box) => box.lines.slice(0, -1).map((line, i) => [line.text, box.lines[i + 1]!.text] as const))
      .filter(([line]) => /\p{L}-$/u.test(line))
    // "sosiaali- ja terveydenhuollon" has a hyphen of its own; every other one is a break.
    const breaks = broken.filter(([line, next]) => !(line.endsWith('sosiaali-') && next.startsWith('ja ')))
    expect(breaks.map(([line, next]) => `${line.split(' ').at(-1)}${next.split(' ')[0]}`)).toEqual([
      'mielenterveyspalvelujär-jestelmä',
      'Asiakastietojärjestelmä-uudistus',
      'Esteettömyysvaatimuk-set',
    ])
    // Only words wider than a whole line are broken: the rest go whole to the next line.
    for (const [, next] of breaks) expect(pictureTextWidth(next.split(' ')[0]!, 14, false)).toBeLessThan(190)
  })

  // With the module's own measure, so this catches wrapping that overruns it; whether that measure
  // is honest for a real font is checked in Chromium (tests/export/browser.test.ts).
  it('keeps every line inside its box, measured for the widest font a reader may have, bold as bold', () => {
    const m = DEFAULT_WHEEL_METRICS
    for (const box of boxes) {
      for (const line of box.lines) {
        const width = pictureTextWidth(line.text, box.fontSize, box.bold)
        // The centre's lines are centred on the box (x is its middle); a consequence's start after the valence mark.
        const room = box.bold ? box.width - 2 * m.centrePad : box.width - line.x - m.padX
        expect(width, line.text).toBeLessThanOrEqual(room)
      }
    }
    // Honest for heavy and wide letters: bold is wider, and "m" and "W" are wider than "i".
    expect(pictureTextWidth('Ikääntyvä', 16, true)).toBeGreaterThan(pictureTextWidth('Ikääntyvä', 16, false) * 1.08)
    expect(pictureTextWidth('mmm', 14, false)).toBeGreaterThan(3 * pictureTextWidth('i', 14, false))
  })
})

describe("a wheel's branches as trees, for a printed page", () => {
  const nodes = finnishWheelNodes()
  const all = (list: readonly WheelSvgNode[]): WheelSvgNode[] => list.flatMap((n) => [n, ...all(n.children)])
  const partLabel = (first: number, last: number, of: number) => `branches ${first}-${last} of ${of}`
  const treeOptions = { ...options, centre: FINNISH_WHEEL_TREND, language: 'fi' as const, partLabel }
  const viewBox = (svg: string) => /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number]

  it('groups first-order consequences in order while their tree fits, and shows every consequence once, whole', () => {
    const fits = (width: number, height: number) => width <= 1_200 && height <= 700
    const trees = wheelBranchSvgs(nodes, treeOptions, fits)
    expect(trees.length).toBeGreaterThan(1)
    expect(trees.length).toBeLessThan(nodes.length)
    // Named by the branches each shows, which run from the first to the last without a gap.
    const ranges = trees.map(
      (tree) => /<title>Futures wheel: Ageing at home: branches (\d+)-(\d+) of 6<\/title>/.exec(tree.svg)!.slice(1).map(Number) as [number, number],
    )
    expect(ranges.map(([first]) => first)).toEqual([1, ...ranges.slice(0, -1).map(([, last]) => last + 1)])
    expect(ranges.at(-1)![1]).toBe(6)
    trees.forEach((tree, index) => {
      const [width, height] = viewBox(tree.svg)
      expect([width, height]).toEqual([tree.width, tree.height])
      // A group of several fits; one branch alone is drawn whatever its size.
      const [first, last] = ranges[index]!
      if (last > first) expect(fits(width, height), `branches ${first}-${last}`).toBe(true)
    })
    // The trend in each, every consequence in exactly one, no text cut.
    const shown = trees.map((tree) => boxesOf(tree.svg))
    for (const boxes of shown) expect(boxes.filter((box) => box.bold)).toHaveLength(1)
    const consequences = shown.flatMap((boxes) => boxes.filter((box) => !box.bold))
    expect(consequences).toHaveLength(all(nodes).length)
    for (const text of all(nodes).map((n) => n.text))
      expect(
        consequences.map((box) =>
          joined(
            box.lines.map((line) => line.text),
            text,
          ),
        ),
        text,
      ).toContain(text)
    // Each order's name above its column, lines bent between the columns.
    for (const ring of ['Ring 1', 'Ring 2', 'Ring 3']) expect(trees[0]!.svg).toContain(ring)
    expect(trees[0]!.svg).toMatch(/<path d="M[\d.]+ [\d.]+H[\d.]+C/)
  })

  it('gives each first-order consequence a tree of its own when nothing fits, and one tree for all when everything does', () => {
    expect(wheelBranchSvgs(nodes, treeOptions, () => false)).toHaveLength(nodes.length)
    expect(wheelBranchSvgs(nodes, treeOptions, () => true)).toHaveLength(1)
  })
})
