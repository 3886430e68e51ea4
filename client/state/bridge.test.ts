import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { updateMeta } from '../../shared/doc/control/workshop.ts'
import { bridgeControl } from './bridge.ts'
import { selectWorkshopTitle } from './selectors.ts'
import { createAppStore } from './store.ts'

describe('bridge', () => {
  it('publishes the current snapshot, follows changes, and clears on teardown', () => {
    const doc = new Y.Doc()
    updateMeta(doc, { title: 'Before' })
    const store = createAppStore()

    const stop = bridgeControl(doc, store)
    expect(selectWorkshopTitle(store.getState())).toBe('Before')

    const stagesBefore = store.getState().control?.stages
    updateMeta(doc, { title: 'Welfare 2040' })
    expect(selectWorkshopTitle(store.getState())).toBe('Welfare 2040')
    // structural sharing: what did not change keeps its identity
    expect(store.getState().control?.stages).toBe(stagesBefore)

    stop()
    expect(store.getState().control).toBeNull()
    updateMeta(doc, { title: 'After' })
    expect(store.getState().control).toBeNull()
    doc.destroy()
  })
})
