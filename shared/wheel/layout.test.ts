import { describe, expect, it } from 'vitest'
import { seeded, type Random } from '../doc/testing/prng'
import { DEFAULT_WHEEL_METRICS, layoutWheel, toLayoutItems, type WheelBox, type WheelLayout, type WheelLayoutItem } from './layout'
import { estimateTextWidth, wrapText } from './text'

const WORDS = [
  'care',
  'robots',
  'fewer',
  'older',
  'people',
  'neighbours',
  'food',
  'sharing',
  'school',
  'remote',
  'work',
  'costs',
  'rise',
  'volunteers',
  'clinic',
  'loneliness',
  'buses',
  'kotihoitopalveluverkosto',
]

/** A random wheel of `size` consequences, at most three rings deep, texts from one word to a paragraph. */
function randomTree(random: Random, size: number): WheelLayoutItem[] {
  type Mutable = { id: string; text: string; children: Mutable[]; ring: number }
  const roots: Mutable[] = []
  const all: Mutable[] = []
  for (let i = 0; i < size; i++) {
    const length = random.chance(0.1) ? 30 + random.int(20) : 1 + random.int(8)
    const text = random.chance(0.05) ? '' : Array.from({ length }, () => random.pick(WORDS)).join(' ')
    const open = all.filter((node) => node.ring < 3)
    const parent = roots.length === 0 || open.length === 0 || random.chance(0.2) ? null : random.pick(open)!
    const node: Mutable = { id: `n${i}`, text, children: [], ring: parent ? parent.ring + 1 : 1 }
    ;(parent ? parent.children : roots).push(node)
    all.push(node)
  }
  return roots
}

const overlaps = (a: WheelBox, b: WheelBox) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2

/** A box's nearest and farthest distance from the centre, in ring space (x divided by the aspect). */
function radialExtent(box: WheelBox, aspect: number) {
  const cx = Math.abs(box.x / aspect)
  const cy = Math.abs(box.y)
  const hw = box.w / 2 / aspect
  const hh = box.h / 2
  return { nearest: Math.hypot(Math.max(0, cx - hw), Math.max(0, cy - hh)), farthest: Math.hypot(cx + hw, cy + hh) }
}

function depths(roots: readonly WheelLayoutItem[]): Map<string, { ring: number; parentId: string | null }> {
  const out = new Map<string, { ring: number; parentId: string | null }>()
  const walk = (items: readonly WheelLayoutItem[], ring: number, parentId: string | null) =>
    items.forEach((item) => {
      out.set(item.id, { ring, parentId })
      walk(item.children, ring + 1, item.id)
    })
  walk(roots, 1, null)
  return out
}

const EPSILON = 1e-6
const CASES = Array.from({ length: 120 }, (_, seed) => seed + 1)

describe('layoutWheel on random wheels of up to 40 consequences', () => {
  it.each(CASES)('seed %i: no two boxes overlap, each in its own ring band, ring by ring outwards', (seed) => {
    const random = seeded(seed)
    const tree = randomTree(random, random.int(41))
    const aspect = [1, 1.6, 2.2, 0.7][seed % 4]!
    const layout = layoutWheel(tree, { centreText: random.pick(['Care robots at home', '', WORDS.join(' ')])!, aspect })
    const expected = depths(tree)

    // Every consequence once, on its own ring, under its own parent.
    expect(layout.nodes).toHaveLength(expected.size)
    for (const node of layout.nodes) expect({ ring: node.ring, parentId: node.parentId }).toEqual(expected.get(node.id))

    // No overlapping boxes, the trend's box in the middle included.
    const boxes: WheelBox[] = [layout.centre, ...layout.nodes]
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `boxes ${i} and ${j}`).toBe(false)

    // Each box lies wholly inside its ring's band, and the bands are disjoint and ordered.
    let previousOuter = radialExtent(layout.centre, layout.aspect).farthest
    for (const ring of layout.rings) {
      expect(ring.inner).toBeGreaterThan(previousOuter)
      expect(ring.outer).toBeGreaterThan(ring.inner)
      for (const node of layout.nodes.filter((n) => n.ring === ring.ring)) {
        const { nearest, farthest } = radialExtent(node, layout.aspect)
        expect(nearest).toBeGreaterThanOrEqual(ring.inner - EPSILON)
        expect(farthest).toBeLessThanOrEqual(ring.outer + EPSILON)
        // The centre sits on the ring itself.
        expect(Math.hypot(node.x / layout.aspect, node.y)).toBeCloseTo(ring.radius, 6)
      }
      previousOuter = ring.outer
    }
    expect(layout.rings.map((r) => r.ring)).toEqual([...new Set(layout.nodes.map((n) => n.ring))].sort())
  })

  it('is deterministic: the same tree and options give the same layout', () => {
    const make = () => layoutWheel(randomTree(seeded(7), 40), { centreText: 'Four-day work week', aspect: 1.8 })
    const first: WheelLayout = make()
    expect(make()).toEqual(first)
    expect(JSON.stringify(make())).toBe(JSON.stringify(first))
  })

  it('keeps a 40-node wheel compact enough to read on a laptop after "fit"', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const layout = layoutWheel(randomTree(seeded(seed), 40), { centreText: 'Care robots at home', aspect: 2 })
      const scale = Math.min(1300 / (layout.bounds.maxX - layout.bounds.minX), 650 / (layout.bounds.maxY - layout.bounds.minY))
      // 14 px type stays at 6 px or more in the overview; zoom brings it back to full size.
      expect(scale).toBeGreaterThan(0.42)
    }
  })
})

describe('layoutWheel geometry', () => {
  const leaf = (id: string, text = id): WheelLayoutItem => ({ id, text, children: [] })

  it('gives each subtree a sector proportional to its leaves, the first at twelve o’clock, then clockwise', () => {
    const tree = [{ id: 'a', text: 'a', children: [leaf('a1'), leaf('a2'), leaf('a3')] }, leaf('b')]
    const angle = new Map(layoutWheel(tree, { centreText: 'T' }).nodes.map((n) => [n.id, n.angle]))
    // a has three of the four leaves: three quarters of the turn, centred on the top.
    expect(angle.get('a')).toBeCloseTo(0)
    expect(angle.get('b')).toBeCloseTo(Math.PI)
    expect(angle.get('a1')).toBeCloseTo((3 / 2) * Math.PI)
    expect(angle.get('a2')).toBeCloseTo(0)
    expect(angle.get('a3')).toBeCloseTo(Math.PI / 2)
  })

  it('puts a lone first consequence straight above the trend, and draws one edge per node from its parent', () => {
    const layout = layoutWheel([{ id: 'a', text: 'Fewer care homes', children: [leaf('b')] }], { centreText: 'Care at home' })
    const a = layout.nodes.find((n) => n.id === 'a')!
    expect(a.x).toBeCloseTo(0)
    expect(a.y).toBeLessThan(0)
    expect(layout.edges.map((e) => [e.from, e.to])).toEqual([
      [null, 'a'],
      ['a', 'b'],
    ])
    // Edges run between box edges, not through the boxes.
    const toA = layout.edges[0]!
    expect(toA.y1).toBeCloseTo(-layout.centre.h / 2)
    expect(toA.y2).toBeCloseTo(a.y + a.h / 2)
  })

  it('sizes boxes from their text: short is one line, long wraps to at most three and is cut with "…"', () => {
    const short = 'Fewer care homes'
    const long = Array.from({ length: 40 }, (_, i) => WORDS[i % WORDS.length]).join(' ')
    const layout = layoutWheel([leaf('s', short), leaf('l', long), leaf('e', '')], { centreText: 'T' })
    const [s, l, e] = ['s', 'l', 'e'].map((id) => layout.nodes.find((n) => n.id === id)!)
    const m = DEFAULT_WHEEL_METRICS
    expect(s!.lines).toEqual([short])
    expect(s!.truncated).toBe(false)
    expect(l!.lines).toHaveLength(m.maxLines)
    expect(l!.truncated).toBe(true)
    expect(l!.lines.at(-1)!.endsWith('…')).toBe(true)
    expect(l!.w).toBeLessThanOrEqual(m.maxTextWidth + 2 * m.padX + m.iconSize + m.iconGap + 1)
    expect(e!.w).toBe(m.minWidth)
    expect(l!.h).toBeGreaterThan(s!.h)
  })

  it('balances wrapped lines instead of leaving one word alone on the last', () => {
    const { lines } = layoutWheel([leaf('a', 'Care robots need new repair staff')], { centreText: 'T' }).nodes[0]!
    expect(lines.length).toBe(2)
    const widths = lines.map((line) => estimateTextWidth(line, DEFAULT_WHEEL_METRICS.fontSize, false))
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThan(60)
  })

  it('reads the derived wheel tree, with a label for empty texts', () => {
    const tree = [{ node: { id: 'a', text: '' }, children: [{ node: { id: 'b', text: 'x' }, children: [] }] }]
    expect(toLayoutItems(tree, (text) => text || '(empty)')).toEqual([{ id: 'a', text: '(empty)', children: [{ id: 'b', text: 'x', children: [] }] }])
  })
})

describe('wrapText', () => {
  const mono = (line: string) => line.length * 10

  it('wraps at words and breaks a word longer than a line', () => {
    expect(wrapText('care robots at home', 110, mono, 5).lines).toEqual(['care robots', 'at home'])
    expect(wrapText('care robots at home', 100, mono, 5).lines).toEqual(['care', 'robots at', 'home'])
    expect(wrapText('kotihoitopalveluverkosto', 100, mono, 5).lines).toEqual(['kotihoitop', 'alveluverk', 'osto'])
  })

  it('breaks a long word at its last soft hyphen that fits, with a "-", and shows no soft hyphen', () => {
    const marked = 'Kunnan hoi\u00ADva\u00ADkus\u00ADtan\u00ADnuk\u00ADset laskevat'
    const { lines } = wrapText(marked, 120, mono, 5)
    // Not "hoivakustannukse" / "t": the word breaks where Finnish breaks it.
    expect(lines).toEqual(['Kunnan', 'hoivakustan-', 'nukset', 'laskevat'])
    expect(lines.every((line) => mono(line) <= 120 && !line.includes('\u00AD'))).toBe(true)
    // A word that fits a line of its own goes there whole, its soft hyphens unused.
    expect(wrapText('Kunnan hoi\u00ADva\u00ADkus\u00ADtan\u00ADnuk\u00ADset', 170, mono, 5).lines).toEqual(['Kunnan', 'hoivakustannukset'])
  })

  it('cuts after the last line with an ellipsis that fits', () => {
    const wrapped = wrapText('one two three four five six', 90, mono, 2)
    expect(wrapped).toEqual({ lines: ['one two', 'three fo…'], truncated: true })
    expect(wrapped.lines.every((line) => mono(line) <= 90)).toBe(true)
  })
})
