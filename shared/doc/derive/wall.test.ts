import { describe, expect, it } from 'vitest'
import type { Signal, Theme } from '../../schema/index'
import { countByCategory, countByTheme, filterSignals } from './wall'

const themes: Theme[] = [
  { id: 'older-people', label: 'Older people', order: 'a0' },
  { id: 'economy', label: 'Economy and working life', order: 'a1' },
]

function signal(id: string, fields: Partial<Signal>): Signal {
  return {
    id,
    title: id,
    description: '',
    sourceUrl: '',
    themeId: '',
    category: '',
    whyItMatters: '',
    authorId: 'anna',
    authorIds: ['anna'],
    sources: [],
    order: 'a0',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  }
}

const signals = [
  signal('robots', { themeId: 'older-people', category: 'technological', description: 'Care robots in Turku' }),
  signal('gig', { themeId: 'economy', category: 'economic', authorId: 'ben', authorIds: ['ben', 'cai'] }),
  signal('orphan', { themeId: 'deleted-theme', category: 'social' }),
  signal('plain', {}),
]

describe('signal wall filters', () => {
  it('filters by theme, treating a removed theme as no theme', () => {
    expect(filterSignals(signals, { themeId: 'older-people' }, themes).map((s) => s.id)).toEqual(['robots'])
    expect(filterSignals(signals, { themeId: '' }, themes).map((s) => s.id)).toEqual(['orphan', 'plain'])
    expect(filterSignals(signals, { themeId: null }, themes)).toHaveLength(4)
  })

  it('filters by category, author (merged authors too) and words', () => {
    expect(filterSignals(signals, { category: 'economic' }, themes).map((s) => s.id)).toEqual(['gig'])
    expect(filterSignals(signals, { category: '' }, themes).map((s) => s.id)).toEqual(['plain'])
    expect(filterSignals(signals, { authorId: 'cai' }, themes).map((s) => s.id)).toEqual(['gig'])
    expect(filterSignals(signals, { text: 'ROBOTS turku' }, themes).map((s) => s.id)).toEqual(['robots'])
    expect(filterSignals(signals, { text: 'robots helsinki' }, themes)).toEqual([])
    expect(filterSignals(signals, { themeId: 'older-people', category: 'economic' }, themes)).toEqual([])
  })

  it('counts per theme (every theme listed) and per category', () => {
    expect(Object.fromEntries(countByTheme(signals, themes))).toEqual({ 'older-people': 1, economy: 1, '': 2 })
    expect(Object.fromEntries(countByTheme([], themes))).toEqual({ 'older-people': 0, economy: 0, '': 0 })
    expect(Object.fromEntries(countByCategory(signals))).toEqual({ technological: 1, economic: 1, social: 1, '': 1 })
  })
})
