import { describe, expect, it } from 'vitest'
import { addWheelNode, createTrend, readBoard } from '../../../shared/doc/index.ts'
import { anna, newBoard } from '../../../shared/doc/testing/fixtures.ts'
import { wheelPictureFile } from './wheelPicture.ts'

const text = (centre: string) => ({ centre, label: `Futures wheel: ${centre}`, ringLabel: (ring: number) => `${ring}. order`, language: 'en' as const })

describe("a wheel's picture file", () => {
  it('is named after its trend, and an unnamed trend after its place: two unnamed trends are two files', () => {
    const board = newBoard(1)
    const trends = [createTrend(board, { name: 'Care moves home' }, anna), createTrend(board, {}, anna), createTrend(board, {}, anna)]
    for (const trendId of trends) addWheelNode(board, { trendId, parentId: null, text: 'Families carry more', valence: 'negative' }, anna)
    const snapshot = readBoard(board)
    const names = trends.map(
      (trendId, i) => wheelPictureFile(snapshot, trendId, 'Everyday welfare 2040', text(i === 0 ? 'Care moves home' : 'Unnamed trend')).filename,
    )
    expect(names.map((name) => name.replace(/-\d{4}-\d\d-\d\d\.svg$/, ''))).toEqual([
      'everyday-welfare-2040-care-moves-home',
      'everyday-welfare-2040-unnamed-trend-2',
      'everyday-welfare-2040-unnamed-trend-3',
    ])
  })
})
