import { describe, expect, it } from 'vitest'
import { memoryStore } from '../testing/memoryStore.ts'
import { MAX_KEPT, MAX_KEPT_LETTERS, keepOverLimitText, loadOverLimitText } from './overLimitText.ts'

const ANNA = { workshopId: 'workshop-a', participantId: 'anna' }
const KEY = 's2s:unsent-over-limit:workshop-a:anna'
const pasted = (n: number) => ({ text: 'x'.repeat(1250), base: `Company ${n}`, at: n })

describe('texts left past their limit in shared fields, kept on the device', () => {
  it('keeps one per field, for this person in this workshop, and forgets it on request', () => {
    const store = memoryStore()
    keepOverLimitText(ANNA, 'persona:p1:needs', pasted(1), store)
    keepOverLimitText(ANNA, 'story:s1:title', pasted(2), store)
    expect(loadOverLimitText(ANNA, 'persona:p1:needs', store)).toEqual(pasted(1))
    expect(loadOverLimitText(ANNA, 'story:s1:title', store)).toEqual(pasted(2))
    expect(loadOverLimitText({ ...ANNA, participantId: 'ben' }, 'persona:p1:needs', store)).toBeNull()
    expect(loadOverLimitText({ ...ANNA, workshopId: 'workshop-b' }, 'persona:p1:needs', store)).toBeNull()
    keepOverLimitText(ANNA, 'persona:p1:needs', null, store)
    expect(loadOverLimitText(ANNA, 'persona:p1:needs', store)).toBeNull()
    keepOverLimitText(ANNA, 'story:s1:title', null, store)
    expect(store.values.size).toBe(0)
  })

  it('makes room by dropping the oldest, so fields of deleted records do not pile up', () => {
    const store = memoryStore()
    for (let n = 1; n <= MAX_KEPT + 2; n++) keepOverLimitText(ANNA, `persona:p${n}:needs`, pasted(n), store)
    expect(loadOverLimitText(ANNA, 'persona:p1:needs', store)).toBeNull()
    expect(loadOverLimitText(ANNA, 'persona:p2:needs', store)).toBeNull()
    expect(loadOverLimitText(ANNA, 'persona:p3:needs', store)).toEqual(pasted(3))
    expect(loadOverLimitText(ANNA, `persona:p${MAX_KEPT + 2}:needs`, store)).toEqual(pasted(MAX_KEPT + 2))
  })

  it('reads what is stored as untrusted', () => {
    const store = memoryStore()
    store.setItem(KEY, '{not json')
    expect(loadOverLimitText(ANNA, 'persona:p1:needs', store)).toBeNull()
    store.setItem(KEY, JSON.stringify({ 'persona:p1:needs': { text: 7, base: '', at: 1 }, 'story:s1:title': pasted(2), toString: pasted(3) }))
    expect(loadOverLimitText(ANNA, 'persona:p1:needs', store)).toBeNull()
    expect(loadOverLimitText(ANNA, 'story:s1:title', store)).toEqual(pasted(2))
    expect(loadOverLimitText(ANNA, 'constructor', store)).toBeNull()
  })

  it('does not keep a paste many times past any field (a whole document): it would fill the storage the unsent cards share', () => {
    const store = memoryStore()
    keepOverLimitText(ANNA, 'story:s1:title', pasted(1), store)
    keepOverLimitText(ANNA, 'story:s1:title', { text: 'x'.repeat(MAX_KEPT_LETTERS + 1), base: 'Company 1', at: 2 }, store)
    expect(loadOverLimitText(ANNA, 'story:s1:title', store)).toBeNull()
    expect(store.values.size).toBe(0)
  })
})
