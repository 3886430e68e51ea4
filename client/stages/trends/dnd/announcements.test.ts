// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { act } from 'react'
import { addSignal, addSignalToTrend, createTrend, createWorkshopControl, initBoard, moveSignalToTrend } from '../../../../shared/doc/index.ts'
import { anna } from '../../../../shared/doc/testing/fixtures.ts'
import { getTemplate } from '../../../../shared/method/templates.ts'
import { catalogues } from '../../../i18n/catalogues.ts'
import { initI18n } from '../../../i18n/index.ts'
import { startTestSession } from '../../../testing/session.ts'
import { createAnnouncements } from './announcements.ts'

let end: (() => void) | null = null
afterEach(() => end?.())

describe('what a screen reader hears during a drag', () => {
  it('names the carried card to the end, also when someone else moved it meanwhile (dnd-kit then loses its data)', () => {
    const board = new Y.Doc()
    const control = new Y.Doc()
    initBoard(board)
    createWorkshopControl(control, { title: 'Welfare 2040', focalQuestion: 'What changes?' }, getTemplate('signals-to-stories'))
    const signalId = addSignal(board, { title: 'Repair cafés spread' }, anna)
    const trendId = createTrend(board, { name: 'Sharing economy' }, anna)
    end = startTestSession(board, control, 'participant', { participantId: anna.participantId, name: 'Anna' })
    const say = createAnnouncements(initI18n('en', catalogues, ['main']).t)
    const carried = { kind: 'card', signalId, fromTrendId: null }
    expect(say.onDragStart({ active: { id: 'a', data: { current: carried } } } as never)).toContain('Repair cafés spread')
    // The card's spot went away under the drag: no data any more, and the drop still means this card.
    const gone = { id: 'a', data: { current: undefined } }
    expect(say.onDragCancel!({ active: gone, over: null } as never)).toBe('Moving cancelled. “Repair cafés spread” stays where it was.')
    expect(say.onDragEnd({ active: gone, over: { id: 't', data: { current: { kind: 'trend', trendId } } } } as never)).toContain('Repair cafés spread')
    // Ben had put it in the trend meanwhile: dropped on the unsorted pile, it is taken out of it.
    say.onDragStart({ active: { id: 'a', data: { current: carried } } } as never)
    act(() => addSignalToTrend(board, signalId, trendId, anna))
    expect(say.onDragEnd({ active: gone, over: { id: 'u', data: { current: { kind: 'unsorted' } } } } as never)).toBe(
      '“Repair cafés spread” moved back to Unsorted.',
    )
    // Moved on to another trend while carried, dropped on nothing: still named.
    const other = createTrend(board, { name: 'Repair culture' }, anna)
    say.onDragStart({ active: { id: 'a', data: { current: { kind: 'card', signalId, fromTrendId: trendId } } } } as never)
    act(() => moveSignalToTrend(board, signalId, trendId, other, anna))
    expect(say.onDragEnd({ active: gone, over: null } as never)).toContain('“Repair cafés spread”')
  })
})
