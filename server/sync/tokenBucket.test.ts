import { describe, expect, it } from 'vitest'
import { TokenBucket } from './tokenBucket.ts'

describe('TokenBucket', () => {
  // 100 at once, refilling 10 a second, owing without limit; time is passed in, in ms after t0
  // (a moment after its making, when it is full).
  const t0 = Date.now() + 1_000
  const bucket = () => new TokenBucket(10, 100, Number.POSITIVE_INFINITY)

  it('tells its level and how long until it is full, debt included', () => {
    const owing = bucket()
    owing.spend(150, t0)
    expect(owing.level(t0)).toBe(-50)
    expect(owing.msUntilFull(t0)).toBe(15_000)
    expect(owing.level(t0 + 5_000)).toBe(0)
    expect(owing.msUntilFull(t0 + 20_000)).toBe(0)
  })

  it("is lowered to another copy's level as it has refilled since, never raised", () => {
    const copy = bucket()
    copy.spend(10, t0)
    // Another copy was at -20 two seconds ago: 0 now.
    copy.lowerTo(-20, t0, t0 + 2_000)
    expect(copy.level(t0 + 2_000)).toBe(0)
    // A fuller copy changes nothing, nor does one from the future.
    copy.lowerTo(100, t0 + 2_000, t0 + 2_000)
    expect(copy.level(t0 + 2_000)).toBe(0)
    copy.lowerTo(50, t0 + 9_000, t0 + 2_000)
    expect(copy.level(t0 + 2_000)).toBe(0)
    expect(copy.level(t0 + 12_000)).toBe(100)
  })
})
