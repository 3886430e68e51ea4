import { describe, expect, it } from 'vitest'
import { keepUnsentTakeaway, loadUnsentTakeaway } from './unsentTakeaway.ts'
import { memoryStore } from '../../testing/memoryStore.ts'

const ANNA = { workshopId: 'workshop-a', participantId: 'anna' }
const KEY = 's2s:unsent-takeaway:workshop-a:anna'

describe('the takeaway a person is still writing', () => {
  it('comes back as it was left, and is forgotten once nothing is written', () => {
    const store = memoryStore()
    const draft = { text: 'Ask the council for a pilot', who: 'Social services', when: 'year' as const, trendIds: ['t1'], storyIds: [] }
    keepUnsentTakeaway(ANNA, draft, store)
    expect(loadUnsentTakeaway(ANNA, store)).toEqual(draft)
    expect(loadUnsentTakeaway({ ...ANNA, participantId: 'ben' }, store)).toBeNull()
    keepUnsentTakeaway(ANNA, { ...draft, text: ' ', who: '' }, store)
    expect(store.values.size).toBe(0)
  })

  it('reads what is stored as untrusted: wrong types, an unknown "when", links that are not ids', () => {
    const store = memoryStore()
    store.setItem(KEY, '{not json')
    expect(loadUnsentTakeaway(ANNA, store)).toBeNull()
    store.setItem(KEY, JSON.stringify({ text: 'Pilot', who: 42, when: 'someday', trendIds: ['t1', 7, null], storyIds: 'all' }))
    expect(loadUnsentTakeaway(ANNA, store)).toEqual({ text: 'Pilot', who: '', when: 'now', trendIds: ['t1'], storyIds: [] })
  })

  it('brings back a text past its limit whole: the form shows it over the limit, nothing is cut unseen', () => {
    const store = memoryStore()
    const pasted = { text: 'x'.repeat(900), who: 'y'.repeat(300), when: 'now' as const, trendIds: [], storyIds: [] }
    keepUnsentTakeaway(ANNA, pasted, store)
    expect(loadUnsentTakeaway(ANNA, store)).toEqual(pasted)
  })
})
