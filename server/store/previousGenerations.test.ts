import { describe, expect, it, vi } from 'vitest'
import { PreviousGenerations } from './previousGenerations.ts'

/** A store holding one old board of `bytes` per generation listed, counting its reads. */
function storeOf(generations: Record<number, number>) {
  const reads: string[] = []
  const waiting: (() => void)[] = []
  return {
    reads,
    /** Lets the reads asked so far answer. */
    answer: () => waiting.splice(0).forEach((run) => run()),
    async previousGeneration(workshopId: string, _docName: string, generation: number) {
      reads.push(`${workshopId}@${generation}`)
      await new Promise<void>((resolve) => waiting.push(resolve))
      const bytes = generations[generation]
      return bytes === undefined ? undefined : new Uint8Array(bytes).fill(generation)
    },
  }
}

describe('PreviousGenerations', () => {
  it('reads an old board once for everyone who asks at once, and again from memory later', async () => {
    const store = storeOf({ 0: 1000 })
    const cache = new PreviousGenerations(store)
    const asked = Array.from({ length: 60 }, () => cache.read('w1', 0))
    store.answer()
    const states = await Promise.all(asked)
    expect(store.reads).toEqual(['w1@0'])
    expect(new Set(states).size).toBe(1)
    expect(states[0]).toHaveLength(1000)

    expect(await cache.read('w1', 0)).toBe(states[0])
    expect(store.reads).toEqual(['w1@0'])
    expect(cache.heldBytes).toBe(1000)
  })

  it('keeps no answer for a generation the store does not hold, nor one of another workshop', async () => {
    const store = storeOf({ 0: 10 })
    const cache = new PreviousGenerations(store)
    const missing = cache.read('w1', 5)
    store.answer()
    expect(await missing).toBeUndefined()
    const other = cache.read('w2', 0)
    const again = cache.read('w1', 5)
    store.answer()
    await Promise.all([other, again])
    expect(store.reads).toEqual(['w1@5', 'w2@0', 'w1@5'])
    expect(cache.heldBytes).toBe(10)
  })

  it('lets go of what was not read for a while, and of the least recently read past its budget', async () => {
    let now = 0
    const store = storeOf({ 1: 400, 2: 400, 3: 400 })
    const cache = new PreviousGenerations(store, () => now, { keepMs: 1000, maxBytes: 1000 })
    const read = async (generation: number) => {
      const state = cache.read('w1', generation)
      store.answer()
      return state
    }
    await read(1)
    now = 10
    await read(2)
    now = 20
    await read(1) // read again: 2 is now the least recently read
    await read(3)
    expect(cache.heldBytes).toBe(800)
    expect(store.reads).toEqual(['w1@1', 'w1@2', 'w1@3'])
    await read(1)
    await read(2)
    expect(store.reads).toEqual(['w1@1', 'w1@2', 'w1@3', 'w1@2'])

    now = 5000
    await read(3)
    expect(store.reads.at(-1)).toBe('w1@3')
    expect(cache.heldBytes).toBe(400)
  })

  it('lets an entry go by age even when no one reads again', async () => {
    const store = storeOf({ 1: 600, 2: 600 })
    const cache = new PreviousGenerations(store, () => performance.now(), { keepMs: 30, maxBytes: 1000 })
    const first = cache.read('w1', 1)
    const second = cache.read('w1', 2)
    store.answer()
    await Promise.all([first, second])
    // 1,200 bytes: the least recently read went, the other stayed.
    expect(cache.heldBytes).toBe(600)
    await vi.waitFor(() => expect(cache.heldBytes).toBe(0))
  })
})
