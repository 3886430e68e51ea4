/**
 * How well suggested groups match a gold grouping: the adjusted Rand index (Hubert and Arabie,
 * 1985: 0 for chance, 1 for identical) and purity. Every unclustered note counts as a group of
 * its own, as it would stay a lone card on the wall.
 */

/** Group label of each item, from groups of ids (ids in no group become singletons). */
export function assignment(ids: readonly string[], groups: readonly (readonly string[])[]): string[] {
  const of = new Map<string, string>()
  groups.forEach((group, g) => group.forEach((id) => of.set(id, `g${g}`)))
  return ids.map((id) => of.get(id) ?? `single:${id}`)
}

function choose2(n: number): number {
  return (n * (n - 1)) / 2
}

/**
 * Adjusted Rand index of two labelings of the same items.
 *
 * @example
 * adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y']) // 1
 */
export function adjustedRandIndex(gold: readonly string[], predicted: readonly string[]): number {
  if (gold.length !== predicted.length) throw new Error('labelings differ in length')
  const table = new Map<string, number>()
  const goldSizes = new Map<string, number>()
  const predictedSizes = new Map<string, number>()
  gold.forEach((g, i) => {
    const p = predicted[i]!
    table.set(`${g}\u0000${p}`, (table.get(`${g}\u0000${p}`) ?? 0) + 1)
    goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1)
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1)
  })
  let index = 0
  for (const count of table.values()) index += choose2(count)
  let goldPairs = 0
  for (const size of goldSizes.values()) goldPairs += choose2(size)
  let predictedPairs = 0
  for (const size of predictedSizes.values()) predictedPairs += choose2(size)
  const expected = (goldPairs * predictedPairs) / choose2(gold.length)
  const max = (goldPairs + predictedPairs) / 2
  return max === expected ? 1 : (index - expected) / (max - expected)
}

/** Share of items whose predicted group's most common gold label is their own. */
export function purity(gold: readonly string[], predicted: readonly string[]): number {
  const groups = new Map<string, Map<string, number>>()
  gold.forEach((g, i) => {
    const counts = groups.get(predicted[i]!) ?? new Map<string, number>()
    counts.set(g, (counts.get(g) ?? 0) + 1)
    groups.set(predicted[i]!, counts)
  })
  let correct = 0
  for (const counts of groups.values()) correct += Math.max(...counts.values())
  return gold.length === 0 ? 1 : correct / gold.length
}
