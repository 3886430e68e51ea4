import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addSignal, initBoard, joinAsParticipant, readBoard, sortedByOrder } from '../../../shared/doc/index.ts'
import type { Theme } from '../../../shared/schema/meta.ts'
import { NO_FILTER, applyWallFilter, authorOptions, isFiltering, pruneFilter, themeChips } from './wallFilter.ts'

const anna = { participantId: 'AnnaAnnaAnnaAnnaAnna01' }
const ben = { participantId: 'BenBenBenBenBenBenBen1' }
const older: Theme = { id: 'older-people-000000001', label: 'Older people', order: 'a0' }
const work: Theme = { id: 'working-life-000000001', label: 'Working life', order: 'a1' }
const themes = [older, work]

function wall() {
  const doc = new Y.Doc()
  initBoard(doc)
  joinAsParticipant(doc, anna, 'Anna')
  joinAsParticipant(doc, ben, 'Ben')
  addSignal(doc, { title: 'Care robots', themeId: older.id, category: 'technological' }, anna)
  addSignal(doc, { title: 'Grandparents on loan', themeId: older.id, category: 'social' }, ben)
  addSignal(doc, { title: 'Four-day week', themeId: work.id, category: 'economic' }, anna)
  addSignal(doc, { title: 'Sauna at the library', category: 'social' }, ben)
  // Filed under a theme the facilitator removed since: counts as "no theme".
  addSignal(doc, { title: 'Drone pharmacy', themeId: 'removed-theme-00000001' }, anna)
  const board = readBoard(doc)
  return { signals: sortedByOrder(board.signals), participants: board.participants }
}

const titles = (signals: readonly { title: string }[]) => signals.map((signal) => signal.title)

describe('wall filters', () => {
  it('shows everything, as the same array, when nothing is filtered', () => {
    const { signals } = wall()
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(applyWallFilter(signals, NO_FILTER, themes)).toBe(signals)
  })

  it('filters by theme, by "no theme" (removed themes included), by category and by author, combined', () => {
    const { signals } = wall()
    expect(titles(applyWallFilter(signals, { ...NO_FILTER, themeId: older.id }, themes))).toEqual(['Care robots', 'Grandparents on loan'])
    expect(titles(applyWallFilter(signals, { ...NO_FILTER, themeId: '' }, themes))).toEqual(['Sauna at the library', 'Drone pharmacy'])
    expect(titles(applyWallFilter(signals, { ...NO_FILTER, category: 'social' }, themes))).toEqual(['Grandparents on loan', 'Sauna at the library'])
    expect(titles(applyWallFilter(signals, { ...NO_FILTER, authorId: anna.participantId }, themes))).toEqual(['Care robots', 'Four-day week', 'Drone pharmacy'])
    expect(titles(applyWallFilter(signals, { themeId: older.id, category: 'social', authorId: ben.participantId }, themes))).toEqual(['Grandparents on loan'])
  })

  it('counts cards per theme, zero included, and offers "no theme" only when some card has none', () => {
    const { signals } = wall()
    const empty: Theme = { id: 'housing-0000000000001', label: 'Housing', order: 'a2' }
    expect(themeChips(signals, [...themes, empty])).toEqual([
      { id: older.id, label: 'Older people', count: 2 },
      { id: work.id, label: 'Working life', count: 1 },
      { id: empty.id, label: 'Housing', count: 0 },
      { id: '', label: null, count: 2 },
    ])
    expect(themeChips(signals.slice(0, 3), themes).map((chip) => chip.id)).toEqual([older.id, work.id])
  })

  it('lists authors by name with their card counts', () => {
    const { signals, participants } = wall()
    expect(authorOptions(signals, participants)).toEqual([
      { id: anna.participantId, name: 'Anna', count: 3 },
      { id: ben.participantId, name: 'Ben', count: 2 },
    ])
  })

  it('forgets a theme or author that no longer exists, keeps the rest', () => {
    const { signals, participants } = wall()
    const authors = authorOptions(signals, participants)
    const filter = { themeId: 'gone-theme-0000000001', category: 'social' as const, authorId: 'GoneGoneGoneGoneGone01' }
    expect(pruneFilter(filter, themes, authors)).toEqual({ themeId: null, category: 'social', authorId: null })
    const fine = { themeId: older.id, category: null, authorId: anna.participantId }
    expect(pruneFilter(fine, themes, authors)).toBe(fine)
  })
})
