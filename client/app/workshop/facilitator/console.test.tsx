// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { addSignal, goToStage, readControl, setReady } from '../../../../shared/doc/index.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { StageArea } from '../stage/StageArea.tsx'
import { ANNA, BEN, buttonNamed, openRoom, type Room } from './testRoom.tsx'

let room: Room
afterEach(() => {
  cleanup()
  room?.close()
})

/** The facilitator on the signals stage, Anna and Ben in the room, Anna done. */
function facilitatorOnSignals(): HTMLElement {
  room = openRoom('facilitator')
  act(() => void goToStage(room.control, room.stageIds.signals))
  room.arrive(ANNA)
  room.arrive(BEN)
  act(() => setReady(room.board, room.stageIds.signals, true, ANNA))
  return render(room.wrap(<StageArea role="facilitator" />))
}

const currentKind = () => readControl(room.control).stages.find((s) => s.id === readControl(room.control).currentStageId)?.kind
const click = (button: HTMLButtonElement | undefined) => {
  if (!button) throw new Error('no such button')
  act(() => button.click())
}

describe('moving the room on', () => {
  it('shows how many are ready and who is still working', () => {
    const c = facilitatorOnSignals()
    expect(c.querySelector('.ready-count__text')?.textContent).toBe('1 of 2 ready')
    expect(c.querySelector('.ready-count__waiting')?.textContent).toBe('Still working: Ben')
  })

  it('asks first when not everyone is ready, inline, and moves on at the second press', () => {
    const c = facilitatorOnSignals()
    const next = buttonNamed(c, /Next: Trends/)
    click(next)
    expect(currentKind()).toBe('signals')
    expect(c.querySelector('.flow-question')?.textContent).toBe('1 of 2 not ready — advance anyway?')
    // The same button, now saying what a second press does, and described by the question.
    expect(next?.textContent).toContain('Yes, go to Trends')
    expect(next?.getAttribute('aria-describedby')).toBe(c.querySelector('.flow-question')?.id)
    expect(c.querySelector('[role="dialog"], dialog')).toBeNull()
    click(next)
    expect(currentKind()).toBe('trends')
    expect(c.querySelector('.flow-question')).toBeNull()
  })

  it('"Wait" keeps the room where it is; a later press asks again', () => {
    const c = facilitatorOnSignals()
    click(buttonNamed(c, /Next: Trends/))
    click(buttonNamed(c, 'Wait'))
    expect(c.querySelector('.flow-question')).toBeNull()
    expect(currentKind()).toBe('signals')
    click(buttonNamed(c, /Next: Trends/))
    expect(currentKind()).toBe('signals')
    expect(c.querySelector('.flow-question')).not.toBeNull()
  })

  it('moves on at the first press when everyone here is ready', () => {
    const c = facilitatorOnSignals()
    act(() => setReady(room.board, room.stageIds.signals, true, BEN))
    expect(c.querySelector('.ready-count__text')?.textContent).toBe('All 2 ready')
    click(buttonNamed(c, /Next: Trends/))
    expect(currentKind()).toBe('trends')
  })

  it('stops asking when the last person gets ready meanwhile', () => {
    const c = facilitatorOnSignals()
    click(buttonNamed(c, /Next: Trends/))
    act(() => setReady(room.board, room.stageIds.signals, true, BEN))
    expect(c.querySelector('.flow-question')).toBeNull()
    expect(buttonNamed(c, /Next: Trends/)).toBeDefined()
  })
})

describe('the timer', () => {
  it('starts, pauses, gets a minute more and stops, in server time', () => {
    const c = facilitatorOnSignals()
    expect(c.querySelector('.timer-readout__time')?.textContent).toBe('10:00')
    click(buttonNamed(c, 'Start timer'))
    const running = readControl(room.control).timer
    expect(running.status).toBe('running')
    expect(running.endsAt! - Date.now()).toBeGreaterThan(9 * 60_000)
    click(buttonNamed(c, 'Pause'))
    expect(readControl(room.control).timer.status).toBe('paused')
    click(buttonNamed(c, '+1 minute'))
    expect(readControl(room.control).timer.remainingMs).toBeGreaterThan(10 * 60_000)
    click(buttonNamed(c, 'Stop'))
    expect(readControl(room.control).timer).toMatchObject({ status: 'idle', remainingMs: 10 * 60_000 })
  })
})

describe('show on screen', () => {
  it('puts a signal on the screen and clears it again', () => {
    const c = facilitatorOnSignals()
    let signalId = ''
    act(() => void (signalId = addSignal(room.board, { title: 'Care robots at home' }, ANNA)))
    click(buttonNamed(c, /Show on screen/))
    click(buttonNamed(c, /^Show: Care robots at home$/))
    expect(readControl(room.control).focus).toEqual({ kind: 'signal', id: signalId })
    expect(c.querySelector('.focus-picker__now')?.textContent).toContain('Signal: Care robots at home')
    click(buttonNamed(c, 'Clear focus'))
    expect(readControl(room.control).focus).toBeNull()
  })
})

describe('arranging stages', () => {
  it('skips a stage, brings it back and moves one earlier', () => {
    const c = facilitatorOnSignals()
    click(buttonNamed(c, /Arrange stages/))
    click(buttonNamed(c, 'Skip: Trends'))
    expect(readControl(room.control).stages.find((s) => s.kind === 'trends')?.skipped).toBe(true)
    expect(buttonNamed(c, /Next: Assess/)).toBeDefined()
    click(buttonNamed(c, 'Bring back: Trends'))
    expect(readControl(room.control).stages.find((s) => s.kind === 'trends')?.skipped).toBe(false)
    click(c.querySelector<HTMLButtonElement>('[aria-label="Move Takeaways earlier"]') ?? undefined)
    expect(readControl(room.control).stages.map((s) => s.kind).slice(-2)).toEqual(['takeaways', 'stories'])
  })

  it('re-opens a finished stage', () => {
    const c = facilitatorOnSignals()
    click(buttonNamed(c, /Arrange stages/))
    click(buttonNamed(c, 'Re-open: Frame'))
    expect(currentKind()).toBe('frame')
  })
})
