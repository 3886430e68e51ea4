// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import { goToStage, readyParticipantIds, readBoard, setLocked } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { ANNA, buttonNamed, openRoom, type Room } from '../facilitator/testRoom.tsx'
import { StageArea } from '../stage/StageArea.tsx'

let room: Room
afterEach(() => {
  cleanup()
  room?.close()
})

function participantOnSignals(): HTMLElement {
  room = openRoom('participant', ANNA)
  act(() => void goToStage(room.control, room.stageIds.signals))
  room.arrive(ANNA)
  return render(room.wrap(<StageArea role="participant" />))
}

const readyNow = () => readyParticipantIds(readBoard(room.board), room.stageIds.signals)

describe('"I\'m done"', () => {
  it('tells the facilitator this person is done, and takes it back on a second press', () => {
    const c = participantOnSignals()
    const toggle = buttonNamed(c, "I'm done")!
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    act(() => toggle.click())
    expect(readyNow()).toEqual([ANNA.participantId])
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(c.querySelector('.ready-toggle__hint')?.textContent).toContain('Press again if you need more time')
    act(() => toggle.click())
    expect(readyNow()).toEqual([])
  })

  it('is per stage: the next stage starts not done', () => {
    const c = participantOnSignals()
    act(() => buttonNamed(c, "I'm done")!.click())
    act(() => void goToStage(room.control, room.stageIds.trends))
    expect(buttonNamed(c, "I'm done")?.getAttribute('aria-pressed')).toBe('false')
  })

  it('asks for a name first from someone who has not given one', () => {
    const c = participantOnSignals()
    act(() => useStore.getState().setParticipant({ id: ANNA.participantId, name: '', color: '#0072B2' }))
    act(() => buttonNamed(c, "I'm done")!.click())
    expect(useStore.getState().ui.dialog).toBe('name')
    expect(readyNow()).toEqual([])
    act(() => useStore.getState().closeDialog())
  })

  it('cannot be pressed while the board is read-only', () => {
    const c = participantOnSignals()
    act(() => setLocked(room.control, true))
    expect(buttonNamed(c, "I'm done")?.disabled).toBe(true)
  })

  it('is not offered to the facilitator or on a stage someone looks back at', () => {
    const c = participantOnSignals()
    act(() => void goToStage(room.control, room.stageIds.trends))
    act(() => useStore.getState().viewStage(room.stageIds.signals))
    expect(buttonNamed(c, "I'm done")).toBeUndefined()
  })
})
