import { describe, expect, it } from 'vitest'
import {
  BIG_STEP,
  SMALL_STEP,
  formatScale,
  fromScale10,
  isOverRect,
  parseScaleInput,
  pointToPosition,
  quadrantOf,
  quadrantsAt,
  stepPosition,
  toScale10,
} from './gridMath.ts'

const at = (impact: number, uncertainty: number) => ({ impact, uncertainty })

describe('keyboard steps', () => {
  it('arrows move impact up/down and uncertainty right/left by a small step', () => {
    expect(stepPosition(at(0.5, 0.5), 'ArrowUp')).toEqual(at(0.55, 0.5))
    expect(stepPosition(at(0.5, 0.5), 'ArrowDown')).toEqual(at(0.45, 0.5))
    expect(stepPosition(at(0.5, 0.5), 'ArrowRight')).toEqual(at(0.5, 0.55))
    expect(stepPosition(at(0.5, 0.5), 'ArrowLeft')).toEqual(at(0.5, 0.45))
  })

  it('Shift makes the step big; Page Up/Down move impact by a big step', () => {
    expect(stepPosition(at(0.5, 0.5), 'ArrowUp', true)).toEqual(at(0.5 + BIG_STEP, 0.5))
    expect(stepPosition(at(0.5, 0.5), 'ArrowLeft', true)).toEqual(at(0.5, 0.5 - BIG_STEP))
    expect(stepPosition(at(0.5, 0.5), 'PageDown')).toEqual(at(0.3, 0.5))
  })

  it('clamps at the edges of the grid', () => {
    expect(stepPosition(at(1, 0), 'ArrowUp')).toEqual(at(1, 0))
    expect(stepPosition(at(0.98, 0.02), 'ArrowUp')).toEqual(at(1, 0.02))
    expect(stepPosition(at(0.1, 0.02), 'ArrowLeft', true)).toEqual(at(0.1, 0))
    expect(stepPosition(at(0.1, 0.9), 'End')).toEqual(at(0.1, 1))
    expect(stepPosition(at(0.1, 0.9), 'Home')).toEqual(at(0.1, 0))
  })

  it('lands exactly on the half-point grid after many steps (no float drift)', () => {
    let position = at(0, 0)
    for (let i = 0; i < 7; i++) position = stepPosition(position, 'ArrowUp') ?? position
    expect(position.impact).toBe(0.35)
    expect(7 * SMALL_STEP).not.toBe(0.35) // what plain addition would have given
    expect(toScale10(position.impact)).toBe(3.5)
  })

  it('ignores keys that do not move a marker', () => {
    expect(stepPosition(at(0.5, 0.5), 'Enter')).toBeNull()
    expect(stepPosition(at(0.5, 0.5), 'a')).toBeNull()
  })
})

describe('the 0–10 scale people see', () => {
  it('maps 0..1 to 0–10 in half points, and back', () => {
    expect(toScale10(0)).toBe(0)
    expect(toScale10(1)).toBe(10)
    expect(toScale10(0.68)).toBe(7)
    expect(toScale10(0.66)).toBe(6.5)
    expect(toScale10(0.24)).toBe(2.5)
    expect(fromScale10(7)).toBe(0.7)
    expect(fromScale10(6.5)).toBe(0.65)
    expect(fromScale10(12)).toBe(1)
    expect(fromScale10(-1)).toBe(0)
  })

  it('round-trips every half point', () => {
    for (let points = 0; points <= 10; points += 0.5) expect(toScale10(fromScale10(points))).toBe(points)
  })

  it('formats with the language decimal mark', () => {
    expect(formatScale(0.65, 'en')).toBe('6.5')
    expect(formatScale(0.65, 'fi')).toBe('6,5')
    expect(formatScale(0.7, 'fi')).toBe('7')
  })

  it('parses what people type: decimal point or comma, 0 to 10 only', () => {
    expect(parseScaleInput('7')).toBe(7)
    expect(parseScaleInput(' 6,5 ')).toBe(6.5)
    expect(parseScaleInput('6.5')).toBe(6.5)
    expect(parseScaleInput('10')).toBe(10)
    expect(parseScaleInput('0')).toBe(0)
    expect(parseScaleInput('7.')).toBe(7)
    expect(parseScaleInput('.5')).toBe(0.5)
    // Refused, not clamped: "65" was probably "6,5".
    expect(parseScaleInput('65')).toBeNull()
    expect(parseScaleInput('11')).toBeNull()
    expect(parseScaleInput('-1')).toBeNull()
    expect(parseScaleInput('')).toBeNull()
    expect(parseScaleInput('seven')).toBeNull()
    expect(parseScaleInput('1e1')).toBeNull()
  })
})

describe('pointer positions', () => {
  const rect = { left: 100, top: 50, width: 400, height: 200 }

  it('turns a point into impact (up) and uncertainty (right)', () => {
    expect(pointToPosition(rect, 100, 250)).toEqual(at(0, 0))
    expect(pointToPosition(rect, 500, 50)).toEqual(at(1, 1))
    expect(pointToPosition(rect, 200, 100)).toEqual(at(0.75, 0.25))
  })

  it('clamps a drag past the edge onto the edge', () => {
    expect(pointToPosition(rect, 0, 0)).toEqual(at(1, 0))
    expect(pointToPosition(rect, 900, 900)).toEqual(at(0, 1))
  })

  it('knows when a drop is over the grid, with a little slack', () => {
    expect(isOverRect(rect, 300, 150)).toBe(true)
    expect(isOverRect(rect, 90, 150)).toBe(true)
    expect(isOverRect(rect, 60, 150)).toBe(false)
  })
})

describe('quadrants', () => {
  it('names each quadrant in the method vocabulary', () => {
    expect(quadrantOf(at(0.8, 0.8))).toBe('critical')
    expect(quadrantOf(at(0.8, 0.2))).toBe('predetermined')
    expect(quadrantOf(at(0.2, 0.8))).toBe('watch')
    expect(quadrantOf(at(0.2, 0.2))).toBe('background')
    expect(quadrantOf(at(0.5, 0.5))).toBe('critical')
  })

  it('places a position on a midline, as shown, in the quadrants either side of it', () => {
    expect(quadrantsAt(at(0.8, 0.8))).toEqual(['critical'])
    // Impact 5 of 10 (4.8 is shown as 5): between the top and the bottom.
    expect(quadrantsAt(at(0.5, 0.8))).toEqual(['critical', 'watch'])
    expect(quadrantsAt(at(0.48, 0.2))).toEqual(['predetermined', 'background'])
    expect(quadrantsAt(at(0.8, 0.5))).toEqual(['critical', 'predetermined'])
    expect(quadrantsAt(at(0.5, 0.5))).toEqual(['critical', 'predetermined', 'watch', 'background'])
    // 5.5 is off the line.
    expect(quadrantsAt(at(0.55, 0.45))).toEqual(['predetermined'])
  })
})
