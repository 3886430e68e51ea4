// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act, useState } from 'react'
import { goToStage, pauseTimer, startTimer } from '../../../../shared/doc/index.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { openRoom, type Room } from '../facilitator/testRoom.tsx'
import { StageClock } from './StageClock.tsx'

let room: Room
afterEach(() => {
  cleanup()
  room?.close()
})

describe("a participant's stage clock", () => {
  it('tells a screen reader once when the time box starts and when it is paused, not the state it opened on', async () => {
    room = openRoom('participant')
    act(() => {
      goToStage(room.control, room.stageIds.signals)
      startTimer(room.control, Date.now())
    })
    const c = render(room.wrap(<StageClock stageId={room.stageIds.signals} />))
    const live = () => c.ownerDocument.querySelector('[data-live-announcer]')!.textContent
    await act(async () => {})
    expect(c.querySelector('.stage-clock__time')?.textContent).toMatch(/ left$/)
    expect(live()).toBe('')
    act(() => pauseTimer(room.control, Date.now()))
    expect(live()).toBe('The timer is paused.')
    act(() => startTimer(room.control, Date.now()))
    expect(live()).toMatch(/^The timer is running: \d+:\d\d left\.$/)
  })

  it('says nothing of the timer a stage is found in when the room moves there, and speaks when it starts there', async () => {
    room = openRoom('participant')
    act(() => {
      goToStage(room.control, room.stageIds.signals)
      startTimer(room.control, Date.now())
      pauseTimer(room.control, Date.now())
    })
    // The clock of the stage on show; the room then moves on to Signals, its timer paused there.
    let show: (stageId: string) => void = () => {}
    function OnShow({ first }: { first: string }) {
      const [stageId, setStageId] = useState(first)
      show = setStageId
      return <StageClock stageId={stageId} />
    }
    const view = render(room.wrap(<OnShow first={room.stageIds.frame} />))
    const live = () => view.ownerDocument.querySelector('[data-live-announcer]')!.textContent
    await act(async () => {})
    act(() => show(room.stageIds.signals))
    expect(view.querySelector('.stage-clock__time')?.textContent).toMatch(/paused/i)
    expect(live()).toBe('')
    act(() => startTimer(room.control, Date.now()))
    expect(live()).toMatch(/^The timer is running: /)
  })
})
