import { describe, expect, it } from 'vitest'
import { Gate, GateFullError } from './gate.ts'

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

  it("never lets one owner's burst shut another out: a newcomer takes the place of the loud owner's newest waiter, and owners take turns", async () => {
    const gate = new Gate(1, 3)
    const started: string[] = []
    const works = new Map<string, ReturnType<typeof held>>()
    const run = (owner: string, name: string) =>
      gate.run(() => {
        started.push(name)
        const work = held()
        works.set(name, work)
        return work.promise
      }, owner)
    const loud = ['loud-1', 'loud-2', 'loud-3', 'loud-4'].map((name) => run('loud', name))
    expect([gate.running, gate.waiting]).toEqual([1, 3])
    // A quiet workshop arrives at a full queue: the loud one's newest waiter is refused instead.
    const quiet = run('quiet', 'quiet-1')
    await expect(loud[3]).rejects.toBeInstanceOf(GateFullError)
    expect([gate.running, gate.waiting]).toEqual([1, 3])
    // A second quiet request would hold as many places as the loud owner has left: refused itself.
    await expect(run('quiet', 'quiet-2')).rejects.toBeInstanceOf(GateFullError)

    // Turns go owner by owner: the loud owner waited first, then the quiet one, then loud again.
    works.get('loud-1')!.finish('done')
    await loud[0]
    works.get('loud-2')!.finish('done')
    await loud[1]
    expect(started).toEqual(['loud-1', 'loud-2', 'quiet-1'])
    works.get('quiet-1')!.finish('done')
    await quiet
    expect(started).toEqual(['loud-1', 'loud-2', 'quiet-1', 'loud-3'])
    works.get('loud-3')!.finish('done')
    await loud[2]
    expect([gate.running, gate.waiting]).toEqual([0, 0])
  })

  it('lets an owner alone use the whole queue', async () => {
    const gate = new Gate(2, 58)
    const works = Array.from({ length: 60 }, () => held())
    const results = works.map((work) => gate.run(() => work.promise, 'the-workshop'))
    expect([gate.running, gate.waiting]).toEqual([2, 58])
    for (const work of works) work.finish('report')
    expect(await Promise.all(results)).toEqual(works.map(() => 'report'))
  })
})
