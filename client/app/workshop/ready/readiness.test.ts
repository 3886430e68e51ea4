import { describe, expect, it } from 'vitest'
import type { PresencePerson } from '../../../sync/presence.ts'
import { readiness } from './readiness.ts'

const person = (id: string, name: string, role: PresencePerson['role'] = 'participant'): PresencePerson => ({
  id,
  name,
  role,
  color: '#0072B2',
  stageId: null,
  clientId: id.length,
  editing: null,
  isSelf: false,
})

describe('readiness', () => {
  it('counts the participants here, not the facilitators', () => {
    const people = [person('f', 'Fiona', 'facilitator'), person('a', 'Anna'), person('b', 'Ben'), person('c', 'Cai')]
    const state = readiness(people, ['a', 'f'])
    expect(state.total).toBe(3)
    expect(state.ready).toBe(1)
    expect(state.notReady.map((p) => p.name)).toEqual(['Ben', 'Cai'])
  })

  it('does not count someone who said "done" and then left', () => {
    const state = readiness([person('a', 'Anna')], ['a', 'gone'])
    expect(state).toMatchObject({ total: 1, ready: 1, notReady: [] })
  })

  it('lists who is still working by name', () => {
    const state = readiness([person('z', 'Zoe'), person('b', 'Ben'), person('m', 'Mia')], ['m'])
    expect(state.notReady.map((p) => p.name)).toEqual(['Ben', 'Zoe'])
  })
})
