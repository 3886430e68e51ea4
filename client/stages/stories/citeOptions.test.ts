import { describe, expect, it } from 'vitest'
import { addSignal, addWheelNode, createTrend, deleteWheelNode } from '../../../shared/doc/index.ts'
import { anna, newBoard, readValid } from '../../../shared/doc/testing/fixtures.ts'
import { citeOptions, normalizeForSearch, searchCiteOptions } from './citeOptions.ts'

function board() {
  const doc = newBoard()
  const ageing = createTrend(doc, { name: 'Care moves home' }, anna)
  const neighbours = createTrend(doc, { name: 'Everyone is a neighbour' }, anna)
  createTrend(doc, { name: '' }, anna)
  const first = addWheelNode(doc, { trendId: ageing, parentId: null, text: 'Homes adapted for care' }, anna)!
  const second = addWheelNode(doc, { trendId: ageing, parentId: first, text: 'Relatives coordinate care in an app' }, anna)!
  addSignal(doc, { title: 'Care robots help with night shifts', description: 'Two elderly homes in Turku' }, anna)
  addSignal(doc, { title: 'Hyvinvointialue closes two health stations' }, anna)
  return { doc, ageing, neighbours, first, second }
}

describe('citeOptions', () => {
  it('offers trends (key drivers first), then the consequences on their wheels, then signals', () => {
    const { doc, neighbours } = board()
    const options = citeOptions(readValid(doc), [neighbours])
    expect(options.map((o) => [o.kind, o.name])).toEqual([
      ['trend', 'Everyone is a neighbour'],
      ['trend', 'Care moves home'],
      ['trend', ''],
      ['wheelNode', 'Homes adapted for care'],
      ['wheelNode', 'Relatives coordinate care in an app'],
      ['signal', 'Care robots help with night shifts'],
      ['signal', 'Hyvinvointialue closes two health stations'],
    ])
    expect(options[0]).toMatchObject({ keyDriver: true })
    expect(options.find((o) => o.kind === 'wheelNode')).toMatchObject({ trendName: 'Care moves home', ring: 1 })
  })

  it('leaves out consequences whose branch was deleted', () => {
    const { doc, first } = board()
    deleteWheelNode(doc, first)
    expect(citeOptions(readValid(doc), []).filter((o) => o.kind === 'wheelNode')).toEqual([])
  })
})

describe('searchCiteOptions', () => {
  it('matches every word in any order, ignoring case and accents, in names, trends and descriptions', () => {
    const { doc } = board()
    const options = citeOptions(readValid(doc), [])
    const names = (query: string) => [...searchCiteOptions(options, query, 10).byKind.values()].flat().map((o) => o.name)
    // The signal matches through its description ("elderly homes").
    expect(names('CARE home')).toEqual([
      'Care moves home',
      'Homes adapted for care',
      'Relatives coordinate care in an app',
      'Care robots help with night shifts',
    ])
    expect(names('home care robots')).toEqual(['Care robots help with night shifts'])
    expect(names('turku')).toEqual(['Care robots help with night shifts'])
    expect(names('hyvinvointialue')).toEqual(names('HYVINVOINTIALUE'))
    expect(normalizeForSearch('Äitiysneuvola')).toBe('aitiysneuvola')
    expect(names('nothing like this')).toEqual([])
  })

  it('caps each kind and counts the rest', () => {
    const doc = newBoard()
    for (let i = 0; i < 30; i++) addSignal(doc, { title: `Signal ${i}` }, anna)
    const result = searchCiteOptions(citeOptions(readValid(doc), []), 'signal', 25)
    expect(result.byKind.get('signal')).toHaveLength(25)
    expect(result.more.get('signal')).toBe(5)
    expect(result.total).toBe(30)
  })
})
