import { describe, expect, it } from 'vitest'
import { EMPTY_SIGNAL_FORM } from './signalForm.ts'
import { keepUnsentSignal, loadUnsentSignal } from './unsentSignal.ts'
import { memoryStore } from '../../testing/memoryStore.ts'

const ANNA = { workshopId: 'workshop-a', participantId: 'anna' }
const THEMES = new Set(['theme-1'])

describe('the signal a person is still writing', () => {
  it('comes back as it was left, to the same person in the same workshop only', () => {
    const store = memoryStore()
    const writing = { ...EMPTY_SIGNAL_FORM, title: 'Care robots', description: 'Seen in Turku', category: 'technological' as const, themeId: 'theme-1' }
    keepUnsentSignal(ANNA, writing, store)
    expect(loadUnsentSignal(ANNA, THEMES, store)).toEqual(writing)
    expect(loadUnsentSignal({ ...ANNA, workshopId: 'workshop-b' }, THEMES, store)).toBeNull()
    // The facilitator trying the participant link in another tab of the same browser.
    expect(loadUnsentSignal({ ...ANNA, participantId: 'fiona' }, THEMES, store)).toBeNull()
  })

  it('is forgotten once nothing is written: the card was added, or the words deleted', () => {
    const store = memoryStore()
    keepUnsentSignal(ANNA, { ...EMPTY_SIGNAL_FORM, title: 'Care robots' }, store)
    keepUnsentSignal(ANNA, { ...EMPTY_SIGNAL_FORM, themeId: 'theme-1' }, store)
    expect(loadUnsentSignal(ANNA, THEMES, store)).toBeNull()
    expect(store.values.size).toBe(0)
  })

  it('reads what is stored as untrusted: malformed JSON, wrong types, unknown categories and themes', () => {
    const store = memoryStore()
    const key = 's2s:unsent-signal:workshop-a:anna'
    store.setItem(key, '{not json')
    expect(loadUnsentSignal(ANNA, THEMES, store)).toBeNull()
    store.setItem(key, JSON.stringify({ title: 42, description: ['x'] }))
    expect(loadUnsentSignal(ANNA, THEMES, store)).toBeNull()
    store.setItem(key, JSON.stringify({ title: 'Care robots', category: 'magic', themeId: 'a-theme-since-removed', extra: 1 }))
    expect(loadUnsentSignal(ANNA, THEMES, store)).toEqual({ ...EMPTY_SIGNAL_FORM, title: 'Care robots' })
  })

  it('brings back a text past its limit whole: the form shows it over the limit, nothing is cut unseen', () => {
    const store = memoryStore()
    const pasted = { ...EMPTY_SIGNAL_FORM, title: 'Pitkä otsikko '.repeat(400), description: 'x'.repeat(5120) }
    keepUnsentSignal(ANNA, pasted, store)
    expect(loadUnsentSignal(ANNA, THEMES, store)).toEqual(pasted)
  })
})
