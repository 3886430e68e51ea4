import { describe, expect, it } from 'vitest'
import { Gate, GateFullError, OwnerBusyError } from './gate.ts'

/** A piece of work that runs until the test lets it finish. */
function held(): { promise: Promise<string>; finish(value: string): void; fail(error: Error): void } {
  let finish!: (value: string) => void
  let fail!: (error: Error) => void
  const promise = new Promise<string>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  return { promise, finish, fail }
}

describe('Gate', () => {
  it('runs at most `concurrency` at once, queues up to `maxWaiting` in order, and refuses the rest at once', async () => {
    const gate = new Gate(2, 3)
    const works = Array.from({ length: 6 }, () => held())
    const started: number[] = []
    const results = works.map((work, i) =>
      gate.run(() => {
        started.push(i)
        return work.promise
      }),
    )
    // The sixth found two running and three waiting: refused without waiting for anyone.
    await expect(results[5]).rejects.toBeInstanceOf(GateFullError)
    expect(started).toEqual([0, 1])
    expect([gate.running, gate.waiting]).toEqual([2, 3])

    works[1]!.finish('b')
    await expect(results[1]).resolves.toBe('b')
    expect(started).toEqual([0, 1, 2])
    // A failure frees its turn as a success does.
    works[0]!.fail(new Error('render failed'))
    await expect(results[0]).rejects.toThrow('render failed')
    expect(started).toEqual([0, 1, 2, 3])
    expect([gate.running, gate.waiting]).toEqual([2, 1])

    // Room in the queue again: a newcomer waits behind those already waiting.
    const late = held()
    const lateResult = gate.run(() => {
      started.push(6)
      return late.promise
    })
    for (const i of [2, 3]) works[i]!.finish(String(i))
    await Promise.all([results[2], results[3]])
    expect(started).toEqual([0, 1, 2, 3, 4, 6])
    works[4]!.finish('4')
    late.finish('late')
    await expect(lateResult).resolves.toBe('late')
    await results[4]
    expect([gate.running, gate.waiting]).toEqual([0, 0])
  })

  it("gives each owner a share: one workshop's burst is refused past its share while another's work still gets a turn", async () => {
    const gate = new Gate(2, 3, 2)
    const works = Array.from({ length: 3 }, () => held())
    const burst = works.map((work) => gate.run(() => work.promise, 'loud'))
    // The third of the loud workshop is refused at once; the queue still has room for others.
    await expect(burst[2]).rejects.toBeInstanceOf(OwnerBusyError)
    const other = held()
    const quiet = gate.run(() => other.promise, 'quiet')
    expect([gate.running, gate.waiting]).toEqual([2, 1])
    // Refused or done, a piece of work gives its share back.
    works[0]!.finish('a')
    await burst[0]
    other.finish('quiet')
    await expect(quiet).resolves.toBe('quiet')
    const again = held()
    const next = gate.run(() => again.promise, 'loud')
    again.finish('again')
    await expect(next).resolves.toBe('again')
    works[1]!.finish('b')
    await burst[1]
    expect([gate.running, gate.waiting]).toEqual([0, 0])
  })
})
