import { describe, expect, it } from 'vitest'
import { quartiles } from './stats'

describe('quartiles', () => {
  it('gives the middle half of the placements', () => {
    expect(quartiles([0.2, 0.3, 0.5, 0.8, 0.9])).toEqual({ q1: 0.3, q3: 0.8 })
    expect(quartiles([0.4])).toEqual({ q1: 0.4, q3: 0.4 })
    expect(quartiles([])).toBeNull()
  })
})
