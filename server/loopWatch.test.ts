import { describe, expect, it } from 'vitest'
import { LoopWatch } from './loopWatch.ts'
import { ownThreadCpuMs } from './threadCpu.ts'

/** Uses `ms` of this thread's CPU in a busy wait; returns when it started (`performance.now()`). */
function busyFor(ms: number): number {
  const started = performance.now()
  const until = ownThreadCpuMs() + ms
  while (ownThreadCpuMs() < until) {
    // busy
  }
  return started
}

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
    // Five pieces of 4 ms: none reaches the 10 ms alone, together they do.
    for (let i = 0; i < 5; i++) watch.held(busyFor(4))
    watch.stop()
    expect(watch.longestCpuMs).toBeGreaterThanOrEqual(8)
  })

  it('counts a turn of many timed pieces whole', () => {
    const watch = new LoopWatch(60_000)
    // One turn: 60 ms of CPU in each of five messages, each read at its end.
    for (let i = 0; i < 5; i++) watch.held(busyFor(60))
    watch.stop()
    expect(watch.longestCpuMs).toBeGreaterThanOrEqual(280)
  })

  it('measures a loop kept busy by many short turns turn by turn, not as one', async () => {
    const watch = new LoopWatch(5)
    // 40 turns of 12 ms each, back to back (a queue served one message per turn): the loop never
    // waits, but no turn is longer than 12 ms, and a tick runs between them.
    for (let turn = 0; turn < 40; turn++) {
      await new Promise((resolve) => setImmediate(resolve))
      watch.held(busyFor(12))
    }
    watch.stop()
    expect(watch.longestCpuMs).toBeGreaterThanOrEqual(10)
    // One turn, plus what the stretch's first reading may over-state (under 10 ms of work), plus the clock's lag.
    expect(watch.longestCpuMs).toBeLessThan(60)
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
    // Other threads of the process may have had a share of the 300 ms.
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
