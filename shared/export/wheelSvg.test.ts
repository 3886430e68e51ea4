import { describe, expect, it } from 'vitest'
import { wheelSvg, type WheelSvgNode } from './wheelSvg'

const node = (id: string, text: string, valence: WheelSvgNode['valence'], children: WheelSvgNode[] = []): WheelSvgNode => ({ id, text, valence, children })
const wheel = [
  node('a', 'Fewer homes', 'mixed', [node('b', 'Adapted homes', 'positive', [node('c', 'Builders learn', 'positive')])]),
  node('d', 'Carers tired', 'negative'),
  node('e', '', ''),
]
const options = { centre: 'Ageing at home', label: 'Futures wheel: Ageing at home', ringLabel: (ring: number) => `Ring ${ring}` }

describe('the futures wheel as a picture', () => {
  it('draws the trend, every consequence in its valence colour, and names the rings', () => {
    const svg = wheelSvg(wheel, options)
    expect(svg.startsWith('<svg class="wheel-picture"')).toBe(true)
    expect(svg).toContain('<title>Futures wheel: Ageing at home</title>')
    for (const text of ['Ageing at home', 'Fewer homes', 'Carers tired', 'Builders learn', '…']) expect(svg).toContain(text)
    for (const ring of ['Ring 1', 'Ring 2', 'Ring 3']) expect(svg).toContain(ring)
    // Okabe–Ito strokes as in the app: blue positive, vermillion negative, purple mixed.
    for (const colour of ['#0072b2', '#c75300', '#9a4a87']) expect(svg).toContain(colour)
    expect(svg.match(/<line /g)).toHaveLength(5)
  })

  it('is a file of its own when standalone, and keeps every box inside its view box', () => {
    const svg = wheelSvg(wheel, { ...options, standalone: true })
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
    const svg = wheelSvg([node('x', '<script>alert(1)</script> & "more"', 'positive')], options)
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
  })
})
