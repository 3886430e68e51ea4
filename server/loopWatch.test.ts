import { describe, expect, it } from 'vitest'
import { LoopWatch } from './loopWatch.ts'

/** Holds the loop for `ms` of wall-clock time (a busy wait: nothing else can run meanwhile). */
function hold(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // busy
  }
}

describe('LoopWatch', () => {
  it('reports the longest work timed where it ran', () => {
    const watch = new LoopWatch()
    const started = performance.now()
    hold(40)
    watch.held(started)
    watch.held(performance.now())
    expect(watch.maxDelayMs).toBeGreaterThanOrEqual(40)
  })

  it('sees a block nobody timed through its background sampler', async () => {
    const watch = new LoopWatch()
    // Let the sampler start, then block the loop for longer than its resolution, untimed.
    await new Promise((resolve) => setTimeout(resolve, 150))
    hold(400)
    await new Promise((resolve) => setTimeout(resolve, 250))
    // Seen at most one sampling interval (100 ms) short.
    expect(watch.maxDelayMs).toBeGreaterThanOrEqual(300)
  })
})
