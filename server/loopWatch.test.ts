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
    watch.stop()
  })

  it('reads the CPU clock once timed work adds up, without waiting for a tick', () => {
    const watch = new LoopWatch(60_000)
    const started = performance.now()
    const until = process.cpuUsage().user + 150_000
    while (process.cpuUsage().user < until) {
      // busy
    }
    watch.held(started)
    watch.stop()
    expect(watch.longestCpuMs).toBeGreaterThanOrEqual(100)
  })

  it('reads the CPU a turn used at the next tick', async () => {
    const watch = new LoopWatch(20)
    await new Promise((resolve) => setTimeout(resolve, 60))
    // 300 ms of this process' CPU in one turn, however long the machine makes it wait.
    const until = process.cpuUsage().user + 300_000
    while (process.cpuUsage().user < until) {
      // busy
    }
    await new Promise((resolve) => setTimeout(resolve, 60))
    watch.stop()
    // The main thread's clock counts in 10 ms kernel ticks; other threads of the process may
    // have had a share of the 300 ms.
    expect(watch.longestCpuMs).toBeGreaterThanOrEqual(150)
    expect(watch.maxDelayMs).toBeGreaterThanOrEqual(watch.longestCpuMs - 20)
  })

  it('sees a block nobody timed through its tick', async () => {
    const watch = new LoopWatch(100)
    // Let the sampler start, then block the loop for longer than its resolution, untimed.
    await new Promise((resolve) => setTimeout(resolve, 150))
    hold(400)
    await new Promise((resolve) => setTimeout(resolve, 250))
    // Seen at most one tick (100 ms) short.
    expect(watch.maxDelayMs).toBeGreaterThanOrEqual(300)
    watch.stop()
  })
})
