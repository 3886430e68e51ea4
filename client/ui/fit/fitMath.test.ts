import { describe, expect, it } from 'vitest'
import { chooseDensity, pagesOf, turnPage } from './fitMath.ts'

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
})
