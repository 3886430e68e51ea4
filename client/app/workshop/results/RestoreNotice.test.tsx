// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useStore } from '../../../state/store.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { RestoreNotice } from './RestoreNotice.tsx'

const initial = useStore.getState()
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  act(() => useStore.setState(initial, true))
})

/** The control document as this page reads it, as far as the notice is concerned. */
function control(stageId: string, lastRestore: { at: number; snapshotAt: number; undo: boolean; closed?: boolean; stageId?: string }) {
  act(() => useStore.setState({ control: { ...initial.control, currentStageId: stageId, lastRestore } } as never))
}

const shown = (container: HTMLElement) => container.querySelector('.restore-notice') !== null

describe('the restore notice on a page left open (the projector)', () => {
  it('goes at the next stage change, after 15 minutes, or when a facilitator closes it for everyone', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const restore = { at: 1_000_000, snapshotAt: 900_000, undo: false }
    control('signals', restore)
    const screen = render(<RestoreNotice role="screen" />)
    expect(shown(screen)).toBe(true)
    expect(screen.querySelector('button')).toBeNull()
    control('trends', restore)
    expect(shown(screen)).toBe(false)

    // A later restore is news again, until its time is up, with the projector still open.
    const later = { at: 2_000_000, snapshotAt: 950_000, undo: true }
    act(() => void vi.setSystemTime(2_000_000))
    control('trends', later)
    expect(shown(screen)).toBe(true)
    act(() => void vi.advanceTimersByTime(15 * 60_000 - 1))
    expect(shown(screen)).toBe(true)
    act(() => void vi.advanceTimersByTime(1))
    expect(shown(screen)).toBe(false)

    const third = { at: 4_000_000, snapshotAt: 990_000, undo: false }
    act(() => void vi.setSystemTime(4_000_000))
    control('trends', third)
    expect(shown(screen)).toBe(true)
    control('trends', { ...third, closed: true })
    expect(shown(screen)).toBe(false)
  })

  it('is not news on a page opened after the room moved on: the restore names its stage', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    const restore = { at: 1_000_000, snapshotAt: 900_000, undo: false, stageId: 'signals' }
    control('trends', restore)
    const reloaded = render(<RestoreNotice role="participant" />)
    expect(shown(reloaded)).toBe(false)
    // Nor when the room comes back to that stage: it moved on once since.
    control('signals', restore)
    expect(shown(reloaded)).toBe(false)
    cleanup()
    // A page opened on that stage, within the notice's time, shows it.
    expect(shown(render(<RestoreNotice role="participant" />))).toBe(true)
  })
})
