import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { throttledCursorAwareness } from './throttledCursor.ts'

describe('throttledCursorAwareness', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('publishes a moving caret at most every interval, always ending on the latest position', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { id: 'anna', name: 'Anna' } })
    const cursors = throttledCursorAwareness(awareness, 100)
    let published = 0
    awareness.on('change', () => published++)

    for (let i = 1; i <= 50; i++) {
      cursors.setLocalStateField('cursor', { head: i })
      vi.advanceTimersByTime(10) // a keystroke or a drag step every 10 ms, for half a second
    }
    vi.advanceTimersByTime(200)
    expect(published).toBeLessThanOrEqual(7)
    expect(awareness.getLocalState()?.cursor).toEqual({ head: 50 })
    // The plugin sees the caret it set, even before it is sent.
    cursors.setLocalStateField('cursor', { head: 51 })
    cursors.setLocalStateField('cursor', { head: 52 })
    expect(cursors.getLocalState()?.cursor).toEqual({ head: 52 })
  })

  it('sends a caret leaving at once, and passes other fields straight through', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: { id: 'anna', name: 'Anna' } })
    const cursors = throttledCursorAwareness(awareness, 100)
    cursors.setLocalStateField('cursor', { head: 1 })
    cursors.setLocalStateField('cursor', { head: 2 })
    cursors.setLocalStateField('cursor', null)
    expect(awareness.getLocalState()?.cursor).toBeNull()
    cursors.setLocalStateField('user', { id: 'anna', name: 'Anna K.' })
    expect(awareness.getLocalState()?.user).toEqual({ id: 'anna', name: 'Anna K.' })
    vi.advanceTimersByTime(500)
    expect(awareness.getLocalState()?.cursor).toBeNull()
  })
})
