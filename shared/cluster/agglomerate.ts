/**
 * Average-linkage agglomerative clustering with a stopping threshold. Chosen over a similarity
 * graph's connected components because one note that mentions two topics cannot chain two
 * groups together: a group joins another only when their notes are alike on average.
 */

/**
 * Groups the items of an n × n similarity matrix: repeatedly merges the two groups with the
 * highest average similarity while it is at least `threshold`. Returns groups of item indices
 * (each ascending), singletons included, in order of their first item. Ties go to the lower
 * index, so the result depends on nothing but the matrix.
 *
 * Keeps each group's best neighbour, so a merge costs O(n) plus a rescan for the groups that
 * had either merged group as their best: about O(n²) overall (1,000 notes in a few ms).
 *
 * @example
 * averageLinkage(Float32Array.from([1, .9, 0, .9, 1, 0, 0, 0, 1]), 3, 0.5) // [[0, 1], [2]]
 */
export function averageLinkage(matrix: Float32Array, n: number, threshold: number): number[][] {
  const sim = Float32Array.from(matrix) // merged rows are written in place
  const size = new Int32Array(n).fill(1)
  const active = new Uint8Array(n).fill(1)
  const members: number[][] = Array.from({ length: n }, (_, i) => [i])
  const best = new Int32Array(n).fill(-1)
  const bestValue = new Float32Array(n).fill(-Infinity)

  const rescan = (i: number) => {
    let b = -1
    let v = -Infinity
    for (let k = 0; k < n; k++) {
      if (k === i || !active[k]) continue
      const s = sim[i * n + k]!
      if (s > v) {
        v = s
        b = k
      }
    }
    best[i] = b
    bestValue[i] = v
  }
  for (let i = 0; i < n; i++) rescan(i)

  for (;;) {
    let i = -1
    let top = -Infinity
    for (let k = 0; k < n; k++) {
      if (active[k] && bestValue[k]! > top) {
        top = bestValue[k]!
        i = k
      }
    }
    if (i === -1 || top < threshold) break
    const j = best[i]!
    const [keep, drop] = i < j ? [i, j] : [j, i]
    const total = size[keep]! + size[drop]!
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === drop) continue
      const merged = (size[keep]! * sim[keep * n + k]! + size[drop]! * sim[drop * n + k]!) / total
      sim[keep * n + k] = merged
      sim[k * n + keep] = merged
    }
    active[drop] = 0
    size[keep] = total
    members[keep]!.push(...members[drop]!)
    members[drop] = []
    rescan(keep)
    // The merged similarity lies between the two old ones, so only groups whose best was one of
    // the merged two can have a different best now.
    for (let k = 0; k < n; k++) if (active[k] && k !== keep && (best[k] === keep || best[k] === drop)) rescan(k)
  }

  const groups: number[][] = []
  for (let k = 0; k < n; k++) if (active[k]) groups.push(members[k]!.sort((a, b) => a - b))
  return groups.sort((a, b) => a[0]! - b[0]!)
}
