/** A tiny seeded PRNG (mulberry32) so every fuzz failure replays from its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Random {
  /** An integer in [0, n). */
  int(n: number): number
  pick<T>(items: readonly T[]): T | undefined
  chance(p: number): boolean
}

export function seeded(seed: number): Random {
  const next = mulberry32(seed)
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  }
}
