import { describe, expect, it } from 'vitest'
import type { PresencePerson } from '../sync/presence.ts'
import { SETTLED_AFTER_MS, joinPanelSize, joinedCount, stageShowsFocus } from './screenModel.ts'

const here = (id: string, role: PresencePerson['role']): PresencePerson => ({
  id,
  role,
  name: id,
  color: '#0072B2',
  stageId: null,
  clientId: 1,
  editing: null,
  isSelf: false,
})

describe('stageShowsFocus', () => {
  it('leaves a focus to the stage that shows that kind itself', () => {
    expect(stageShowsFocus('trends', 'trend')).toBe(true)
    expect(stageShowsFocus('stories', 'story')).toBe(true)
    expect(stageShowsFocus('wheel', 'wheel')).toBe(true)
  })

  it('shows any other focus itself', () => {
    expect(stageShowsFocus('signals', 'signal')).toBe(false)
    expect(stageShowsFocus('assess', 'trend')).toBe(false)
    expect(stageShowsFocus('trends', 'story')).toBe(false)
  })
})

describe('joinedCount', () => {
  it('counts the board participants and the unnamed people here, not the facilitators', () => {
    expect(joinedCount(['anna', 'ben', 'fiona'], [here('fiona', 'facilitator'), here('anna', 'participant'), here('newcomer', 'participant')])).toBe(3)
  })
})

describe('joinPanelSize', () => {
  const start = { opening: true, joined: 0, lastJoinAt: 0, shownAt: null, now: 100_000 }
  it('is large at the opening while people are still arriving', () => {
    expect(joinPanelSize(start)).toBe('large')
    expect(joinPanelSize({ ...start, joined: 8, lastJoinAt: 90_000 })).toBe('large')
  })

  it('shrinks to the corner once arrivals stop, and on a later stage where it was on all along', () => {
    expect(joinPanelSize({ ...start, joined: 8, lastJoinAt: 100_000 - SETTLED_AFTER_MS })).toBe('corner')
    expect(joinPanelSize({ ...start, opening: false })).toBe('corner')
    expect(joinPanelSize({ ...start, opening: false, joined: 8, lastJoinAt: 99_000 })).toBe('corner')
  })

  it('turned on during a later stage, stands beside the work until nobody new has joined for a while', () => {
    const later = { ...start, opening: false, joined: 8, lastJoinAt: 10_000 }
    expect(joinPanelSize({ ...later, shownAt: 90_000 })).toBe('side')
    // Someone joining keeps it up; quiet for SETTLED_AFTER_MS after the later of the two, the corner.
    expect(joinPanelSize({ ...later, shownAt: 40_000, lastJoinAt: 80_000 })).toBe('side')
    expect(joinPanelSize({ ...later, shownAt: 100_000 - SETTLED_AFTER_MS })).toBe('corner')
    // At the opening, turned on again once arrivals had stopped: large again.
    expect(joinPanelSize({ ...later, opening: true, shownAt: 90_000 })).toBe('large')
  })
})
