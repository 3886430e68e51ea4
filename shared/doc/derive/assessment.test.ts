import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../schema/index'
import { median, medianAbsoluteDeviation } from '../../util/stats'
import { assessTrend, isOutlier, summarizeAxis } from './assessment'

const place = (participantId: string, impact: number, uncertainty: number): Assessment => ({ trendId: 't', participantId, impact, uncertainty })

describe('median and spread', () => {
  it('computes the median for odd and even counts', () => {
    expect(median([])).toBeNull()
    expect(median([0.3])).toBe(0.3)
    expect(median([0.9, 0.1, 0.5])).toBe(0.5)
    expect(median([0.1, 0.2, 0.6, 0.8])).toBeCloseTo(0.4)
  })

  it('computes the median absolute deviation', () => {
    // deviations from 0.5: 0.4, 0.2, 0, 0.1, 0.3 → median 0.2
    expect(medianAbsoluteDeviation([0.1, 0.3, 0.5, 0.6, 0.8])).toBeCloseTo(0.2)
    expect(medianAbsoluteDeviation([0.5, 0.5, 0.5])).toBe(0)
    expect(medianAbsoluteDeviation([])).toBeNull()
  })

  it('is robust: one extreme placement barely moves centre or spread', () => {
    const calm = summarizeAxis([0.4, 0.45, 0.5, 0.55, 0.6])
    const withExtreme = summarizeAxis([0.4, 0.45, 0.5, 0.55, 1])
    expect(withExtreme?.median).toBe(calm?.median)
    expect(withExtreme?.spread).toBeCloseTo(calm?.spread ?? -1)
  })
})

describe('outliers', () => {
  it('flags a placement beyond 3 × MAD and beyond 0.2 from the median', () => {
    const axis = { median: 0.5, spread: 0.05 }
    expect(isOutlier(0.69, axis)).toBe(false) // 0.19 < floor 0.2
    expect(isOutlier(0.71, axis)).toBe(true)
    const wide = { median: 0.5, spread: 0.1 }
    expect(isOutlier(0.78, wide)).toBe(false) // 0.28 < 3 × 0.1
    expect(isOutlier(0.81, wide)).toBe(true)
  })

  it('names the people who stand apart on either axis', () => {
    const result = assessTrend('t', [
      place('a', 0.7, 0.3),
      place('b', 0.75, 0.35),
      place('c', 0.7, 0.3),
      place('d', 0.72, 0.9), // agrees on impact, not on uncertainty
      place('e', 0.1, 0.32), // disagrees on impact
    ])
    expect(result.impact?.median).toBe(0.7)
    expect(result.uncertainty?.median).toBe(0.32)
    expect(result.outliers).toEqual(['d', 'e'])
    expect(result.placements).toBe(5)
  })

  it('flags nobody with fewer than three placements, and a unanimous room has no outlier', () => {
    expect(assessTrend('t', [place('a', 0, 0), place('b', 1, 1)]).outliers).toEqual([])
    expect(assessTrend('t', [place('a', 0.5, 0.5), place('b', 0.5, 0.5), place('c', 0.55, 0.5)]).outliers).toEqual([])
    expect(assessTrend('t', []).impact).toBeNull()
  })
})
