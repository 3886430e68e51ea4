import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addSignal, createWorkshopControl, setKeyDrivers } from '../../shared/doc/index.ts'
import { getTemplate } from '../../shared/method/templates.ts'
import { bridgeBoard, bridgeControl } from './bridge.ts'
import { INITIAL_SYNC_STATE, type DocSyncState } from '../sync/syncState.ts'
import { selectKeyDrivers, selectSignals, selectStages, selectThemes, selectTrends, summarizeConnection } from './selectors.ts'
import { createAppStore } from './store.ts'

const ANNA = { participantId: 'anna-0000000000000000' }

describe('collection selectors', () => {
  it('give the same empty value every time until the documents open, so nothing re-renders for them', () => {
    const state = createAppStore().getState()
    for (const select of [selectSignals, selectTrends, selectKeyDrivers, selectThemes, selectStages]) {
      expect(select(state)).toBe(select(createAppStore().getState()))
    }
    expect(selectTrends(state).size).toBe(0)
  })

  it('read the open documents, keeping identity while a collection does not change', () => {
    const board = new Y.Doc()
    const control = new Y.Doc()
    const template = getTemplate('signals-to-stories')
    createWorkshopControl(control, { title: 'Welfare 2040' }, template)
    const store = createAppStore()
    const stops = [bridgeBoard(board, store), bridgeControl(control, store)]

    const id = addSignal(board, { title: 'Care robots at home', description: '', category: 'technological' }, ANNA)
    const signals = selectSignals(store.getState())
    expect([...signals.keys()]).toEqual([id])
    expect(selectStages(store.getState())).toHaveLength(template.stages.length)

    setKeyDrivers(control, [])
    expect(selectSignals(store.getState())).toBe(signals)

    stops.forEach((stop) => stop())
    board.destroy()
    control.destroy()
  })
})

describe('summarizeConnection', () => {
  const doc = (patch: Partial<DocSyncState>): DocSyncState => ({ ...INITIAL_SYNC_STATE, status: 'connected', synced: true, ...patch })
  const heldBack = doc({
    status: 'reconnecting',
    pending: 2,
    heldBack: true,
    notice: { code: 'writingPaused', message: 'more changes than one person makes; they wait' },
  })

  it('says changes are held back, not that the network is gone, while the server asks this device to wait', () => {
    expect(summarizeConnection(heldBack, doc({}))).toEqual({ kind: 'held', pending: 2, closeCode: null })
  })

  it('says reconnecting when the other document has really lost its connection', () => {
    expect(summarizeConnection(heldBack, doc({ status: 'reconnecting' })).kind).toBe('reconnecting')
    // Changes still waiting from a hold-back are no reason to call a lost connection (1006) held back.
    expect(summarizeConnection(doc({ status: 'reconnecting', pending: 2, notice: heldBack.notice }), doc({})).kind).toBe('reconnecting')
  })
})
