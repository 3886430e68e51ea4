import { describe, expect, it } from 'vitest'
import { draftDocName, docKindOf } from '../../../shared/protocol.ts'
import { draftStorageKey, ensureDraftId, loadDraftId } from './draftId.ts'
import { memoryStore } from '../../testing/memoryStore.ts'

describe('draft id', () => {
  it('is made once per workshop and remembered under s2s:draft:<workshopId>', () => {
    const store = memoryStore()
    expect(loadDraftId('w1', store)).toBeNull()
    const id = ensureDraftId('w1', store)
    expect(store.values.get(draftStorageKey('w1'))).toBe(id)
    expect(draftStorageKey('w1')).toBe('s2s:draft:w1')
    expect(ensureDraftId('w1', store)).toBe(id)
    expect(ensureDraftId('w2', store)).not.toBe(id)
    // The server accepts the name as a draft document.
    expect(docKindOf(draftDocName(id))).toBe('draft')
  })

  it('replaces a tampered value instead of using it as a document name', () => {
    const store = memoryStore()
    store.setItem(draftStorageKey('w1'), '../board')
    expect(loadDraftId('w1', store)).toBeNull()
    expect(ensureDraftId('w1', store)).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('still gives an id when storage refuses', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(ensureDraftId('w1', broken)).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })
})
