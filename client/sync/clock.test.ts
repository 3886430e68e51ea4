import { afterEach, describe, expect, it, vi } from 'vitest'
import { createServerClock, estimateOffset } from './clock.ts'

describe('estimateOffset', () => {
  it('takes the server time as read half-way through the round trip', () => {
    // Local clock 5 minutes behind: sent at 1000, answered at 1040, server said 301_020.
    expect(estimateOffset([{ sentAt: 1000, receivedAt: 1040, serverTime: 301_020 }])).toEqual({ offsetMs: 300_000, roundTripMs: 40 })
  })

  it('trusts the sample with the smallest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 900, serverTime: 10_000 }, // slow first request (TCP set-up): midpoint 450 → 9_550
      { sentAt: 1000, receivedAt: 1020, serverTime: 6_010 }, // 20 ms: offset 5_000
      { sentAt: 2000, receivedAt: 2300, serverTime: 7_400 }, // 300 ms: offset 5_250
    ]
    expect(estimateOffset(samples)).toEqual({ offsetMs: 5_000, roundTripMs: 20 })
  })

  it('handles a clock ahead of the server (negative offset)', () => {
    expect(estimateOffset([{ sentAt: 600_000, receivedAt: 600_010, serverTime: 300_005 }])?.offsetMs).toBe(-300_000)
  })

  it('ignores samples whose round trip went backwards or whose time is not a number', () => {
    expect(estimateOffset([])).toBeNull()
    expect(estimateOffset([{ sentAt: 100, receivedAt: 50, serverTime: 1 }])).toBeNull()
    expect(
      estimateOffset([
        { sentAt: 1, receivedAt: 2, serverTime: Number.NaN },
        { sentAt: 10, receivedAt: 30, serverTime: 120 },
      ]),
    ).toEqual({ offsetMs: 100, roundTripMs: 20 })
  })
})

/** A server whose clock runs `skew` ms ahead of the local one, answering after `delays[i]` ms of local time. */
function fakeServer(skew: number, delays: number[]) {
  let local = 1_000_000
  let call = 0
  const fetchServerTime = vi.fn(async () => {
    const delay = delays[call++ % delays.length]!
    local += delay / 2
    const serverTime = local + skew
    local += delay / 2
    return serverTime
  })
  return { fetchServerTime, localNow: () => local, advance: (ms: number) => (local += ms) }
}

describe('createServerClock', () => {
  afterEach(() => vi.useRealTimers())

  it('reads local time until the first estimate, then server time', async () => {
    const server = fakeServer(-300_000, [120, 10, 40])
    const clock = createServerClock({ ...server, samples: 3 })
    expect(clock.now()).toBe(server.localNow())
    await clock.resample()
    expect(server.fetchServerTime).toHaveBeenCalledTimes(3)
    expect(clock.offsetMs()).toBe(-300_000)
    expect(clock.now()).toBe(server.localNow() - 300_000)
  })

  it('shares one estimate between concurrent requests and tells subscribers once', async () => {
    const server = fakeServer(2_000, [10])
    const clock = createServerClock({ ...server, samples: 2 })
    const listener = vi.fn()
    clock.subscribe(listener)
    await Promise.all([clock.resample(), clock.resample()])
    expect(server.fetchServerTime).toHaveBeenCalledTimes(2)
    expect(listener).toHaveBeenCalledTimes(1)
    await clock.resample() // same offset again: nobody needs to re-render
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('keeps the last good offset while the server cannot be reached', async () => {
    const server = fakeServer(60_000, [10])
    const clock = createServerClock({ ...server, samples: 2 })
    await clock.resample()
    server.fetchServerTime.mockRejectedValue(new Error('offline'))
    await clock.resample()
    expect(clock.offsetMs()).toBe(60_000)
  })

  it('samples at start and again every few minutes until stopped', async () => {
    vi.useFakeTimers()
    const server = fakeServer(1_000, [10])
    const clock = createServerClock({ ...server, samples: 1, resampleEveryMs: 60_000 })
    const stop = clock.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(server.fetchServerTime).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.fetchServerTime).toHaveBeenCalledTimes(2)
    stop()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(server.fetchServerTime).toHaveBeenCalledTimes(2)
  })
})
