import { describe, expect, it } from 'vitest'
import { averageLinkage } from './agglomerate'
import { reassign } from './refine'

/** A symmetric matrix from the upper triangle's pairs; the diagonal is 1. */
function matrixOf(n: number, pairs: Record<string, number>): Float32Array {
  const matrix = new Float32Array(n * n)
  for (let i = 0; i < n; i++) matrix[i * n + i] = 1
  for (const [pair, value] of Object.entries(pairs)) {
    const [i, j] = pair.split('-').map(Number) as [number, number]
    matrix[i * n + j] = value
    matrix[j * n + i] = value
  }
  return matrix
}

describe('reassign', () => {
  it('moves a note that a greedy merge put with the wrong group', () => {
    // 2 meets 1 first (0.9) and 0 then joins them for 1's sake, but 2 is more like 3 and 4
    // (0.55 each on average) than like 0 and 1 (0.45).
    const matrix = matrixOf(5, { '0-1': 0.6, '1-2': 0.9, '2-3': 0.55, '2-4': 0.55, '3-4': 0.5 })
    expect(averageLinkage(matrix, 5, 0.2)).toEqual([
      [0, 1, 2],
      [3, 4],
    ])
    expect(reassign(matrix, 5, averageLinkage(matrix, 5, 0.2), 0.1)).toEqual([
      [0, 1],
      [2, 3, 4],
    ])
  })

  it('lets a lone note join the group it is like on average, from the attach threshold on', () => {
    const matrix = matrixOf(4, { '0-1': 0.5, '0-2': 0.5, '1-2': 0.5, '3-0': 0.09, '3-1': 0.09, '3-2': 0.09 })
    const merged = averageLinkage(matrix, 4, 0.1)
    expect(merged).toEqual([[0, 1, 2], [3]])
    expect(reassign(matrix, 4, merged, 0.08)).toEqual([[0, 1, 2, 3]])
    expect(reassign(matrix, 4, merged, 0.1)).toEqual([[0, 1, 2], [3]])
  })

  it('never pairs two lone notes: that is the merge threshold’s decision', () => {
    const matrix = matrixOf(2, { '0-1': 0.09 })
    expect(reassign(matrix, 2, [[0], [1]], 0.05)).toEqual([[0], [1]])
  })
})
