import { describe, expect, it } from 'vitest'
import { chooseDensity, pagesOf, rowsThatFit, turnPage } from './fitMath.ts'

describe('fitting work to the projector', () => {
  it('counts pages from how far the columns run past the screen', () => {
    expect(pagesOf(1800, 1800, 30)).toBe(1)
    expect(pagesOf(1800 * 2 + 30, 1800, 30)).toBe(2)
    expect(pagesOf(1800 * 3 + 60, 1800, 30)).toBe(3)
    // One column run past the screen is a page more; a hair over from rounding is not.
    expect(pagesOf(1800 + 30 + 300, 1800, 30)).toBe(2)
    expect(pagesOf(1801, 1800, 30)).toBe(1)
    expect(pagesOf(0, 0, 30)).toBe(1)
  })

  it('changes density before it pages, and pages at the density needing fewest pages', () => {
    expect(chooseDensity([1, 1, 1])).toBe(0)
    expect(chooseDensity([3, 1, 1])).toBe(1)
    expect(chooseDensity([4, 2, 1])).toBe(2)
    expect(chooseDensity([4, 2, 2])).toBe(1)
    expect(chooseDensity([5, 3])).toBe(1)
  })

  it('turns pages around the ends', () => {
    expect(turnPage(0, 1, 3)).toBe(1)
    expect(turnPage(2, 1, 3)).toBe(0)
    expect(turnPage(0, -1, 3)).toBe(2)
    expect(turnPage(4, 0, 3)).toBe(1)
    expect(turnPage(2, 1, 1)).toBe(0)
  })

  it('keeps the moment shown in a list that does not fit, with what came before it, then after', () => {
    const rows = [20, 20, 40, 20, 20, 20, 20, 20]
    // All of it fits: no line of "N earlier" or "N later".
    expect(rowsThatFit(rows, 5, 1000, 3, 20)).toEqual({ first: 0, last: 7 })
    // 140 px: the moment (row 5) under "N earlier" and the two rows before it; nothing after fits.
    expect(rowsThatFit(rows, 5, 140, 5, 20)).toEqual({ first: 3, last: 5 })
    // 5 px more and the rest fits too, once it needs no line of "N later".
    expect(rowsThatFit(rows, 5, 145, 5, 20)).toEqual({ first: 3, last: 7 })
    // From the start: nothing earlier to sum up, so the room goes to the rows after.
    expect(rowsThatFit(rows, 5, 145, 0, 20)).toEqual({ first: 0, last: 3 })
    // Too little room for even one row besides its lines: the moment itself still shows.
    expect(rowsThatFit(rows, 5, 10, 2, 20)).toEqual({ first: 2, last: 2 })
    expect(rowsThatFit([], 5, 100, 0, 20)).toEqual({ first: 0, last: -1 })
  })
})
