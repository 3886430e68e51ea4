import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { callingThreadCpuMs } from './threadCpu.ts'

/** Keeps this thread busy (on a CPU, as far as the machine lets it) for `ms` of wall time. */
function spin(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) {
    // busy
  }
}

describe('callingThreadCpuMs', () => {
  it("counts this thread's work", () => {
    const clock = callingThreadCpuMs()
    const before = clock()
    spin(60)
    // Less on a loaded machine (the thread waits for a core), never more than the wall time and
    // the clock's one-tick lag; at least something.
    const spent = clock() - before
    expect(spent).toBeGreaterThan(0)
    expect(spent).toBeLessThan(60 + 10)
  })

  it("leaves out another thread's work while this one waits", async () => {
    if (process.platform !== 'linux') return // elsewhere the clock may be the whole process
    const clock = callingThreadCpuMs()
    const worker = new Worker('for (;;) {}', { eval: true })
    await new Promise((resolve) => worker.once('online', resolve))
    const before = clock()
    const processBefore = process.cpuUsage()
    const processSpentMs = () => {
      const { user, system } = process.cpuUsage(processBefore)
      return (user + system) / 1000
    }
    // Waits without using a CPU (as the main thread does while it waits for a core) until the
    // worker has spent 50 ms, however long a loaded machine makes that take.
    const deadline = performance.now() + 5_000
    while (processSpentMs() < 50 && performance.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20)
    const spent = clock() - before
    const processSpent = processSpentMs()
    await worker.terminate()
    expect(processSpent).toBeGreaterThanOrEqual(50)
    expect(spent).toBeLessThan(10)
  })
})
