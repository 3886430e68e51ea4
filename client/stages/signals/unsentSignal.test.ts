import { describe, expect, it } from 'vitest'
import { EMPTY_SIGNAL_FORM } from './signalForm.ts'
import { keepUnsentSignal, loadUnsentSignal } from './unsentSignal.ts'

function memoryStore() {
  const values = new Map<string, string>()
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  }
}

describe('the signal a person is still writing', () => {
  it('comes back as it was left, per workshop', () => {
    const store = memoryStore()
    const writing = { ...EMPTY_SIGNAL_FORM, title: 'Care robots', description: 'Seen in Turku', category: 'technological' as const, themeId: 'theme-1' }
    keepUnsentSignal('workshop-a', writing, store)
    expect(loadUnsentSignal('workshop-a', store)).toEqual(writing)
    expect(loadUnsentSignal('workshop-b', store)).toBeNull()
  })

  it('is forgotten once nothing is written: the card was added, or the words deleted', () => {
    const store = memoryStore()
    keepUnsentSignal('w', { ...EMPTY_SIGNAL_FORM, title: 'Care robots' }, store)
    keepUnsentSignal('w', { ...EMPTY_SIGNAL_FORM, themeId: 'theme-1' }, store)
    expect(loadUnsentSignal('w', store)).toBeNull()
    expect(store.values.size).toBe(0)
  })

  it('reads what is stored as untrusted: malformed JSON, wrong types, unknown categories and overlong text', () => {
    const store = memoryStore()
    store.setItem('s2s:unsent-signal:w', '{not json')
    expect(loadUnsentSignal('w', store)).toBeNull()
    store.setItem('s2s:unsent-signal:w', JSON.stringify({ title: 42, description: ['x'] }))
    expect(loadUnsentSignal('w', store)).toBeNull()
    store.setItem('s2s:unsent-signal:w', JSON.stringify({ title: 'x'.repeat(5000), category: 'magic', extra: 1 }))
    expect(loadUnsentSignal('w', store)).toEqual({ ...EMPTY_SIGNAL_FORM, title: 'x'.repeat(200) })
  })
})
