// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import { addSignal, goToStage, setFocus, setLastRestore, setReady, setScreenShow, setShowJoinPanel } from '../../shared/doc/index.ts'
import type { ScreenProps } from '../stages/types.ts'
import { cleanup, render } from '../testing/render.ts'
import { ANNA, BEN, FIONA, openRoom, type Room } from '../app/workshop/facilitator/testRoom.tsx'
import { SETTLED_AFTER_MS } from './screenModel.ts'
import { ScreenView } from './ScreenView.tsx'

// The stages are other folders' work: a marker stands in, showing what the screen hands them.
vi.mock('../stages/StageView.tsx', () => ({
  StageScreenView: ({ stage }: ScreenProps) => <div data-stage-view={stage.kind} data-view="screen" />,
}))
vi.mock('../app/workshop/results/ScreenResults.tsx', () => ({ ScreenResults: () => <div data-results="" /> }))

let room: Room
// The screen asks the server for the join code: here the server answers with one.
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ code: 'K7F3QX', issuedAt: 1 }), { status: 200 })),
  )
})
afterEach(() => {
  vi.useRealTimers()
  cleanup()
  room?.close()
  vi.unstubAllGlobals()
})

/** The projector on a stage, once its join code has arrived (the fetch answers at once here). */
async function screenOn(kind: 'signals' | 'trends'): Promise<HTMLElement> {
  room = openRoom('screen')
  act(() => void goToStage(room.control, room.stageIds[kind]))
  room.arrive(ANNA)
  room.arrive(BEN)
  const view = render(room.wrap(<ScreenView />))
  await act(async () => {})
  return view
}

describe('the projector view', () => {
  it('says where the room is, what to do, and how many are ready; the stage renders for the screen', async () => {
    const c = await screenOn('signals')
    act(() => setReady(room.board, room.stageIds.signals, true, ANNA))
    expect(c.querySelector('h1')?.textContent).toBe('Signals')
    expect(c.querySelector('.screen-bar__context')?.textContent).toContain('Stage 2 of 7')
    expect(c.querySelector('.screen-bar__instruction')?.textContent).toMatch(/^Add early signs of change/)
    expect(c.querySelector('.ready-count__text')?.textContent).toBe('1 of 2 ready')
    expect(c.querySelector('[data-stage-view]')?.getAttribute('data-view')).toBe('screen')
    // Nothing on it needs a mouse.
    expect(c.querySelectorAll('button, a[href], input, select, textarea')).toHaveLength(0)
  })

  it('shows the item in focus large in place of the stage, and the stage again when cleared', async () => {
    const c = await screenOn('signals')
    act(() => {
      const id = addSignal(room.board, { title: 'Care robots at home', description: 'A pilot lends robots.', category: 'technological' }, ANNA)
      setFocus(room.control, { kind: 'signal', id })
    })
    expect(c.querySelector('[data-stage-view]')).toBeNull()
    expect(c.querySelector('.focus-card__title')?.textContent).toBe('Care robots at home')
    expect(c.querySelector('.focus-card')?.textContent).toContain('Technological')
    act(() => setFocus(room.control, null))
    expect(c.querySelector('[data-stage-view]')).not.toBeNull()
  })

  it("keeps the live stage's task, clock and readiness off the report's title page, and a restore's notice", async () => {
    const c = await screenOn('signals')
    expect(c.querySelector('.screen-question')?.textContent).toBe('What will everyday welfare look like in our town in 2040?')
    act(() => setLastRestore(room.control, { at: Date.now(), snapshotAt: Date.now() - 60_000, undo: true, stageId: room.stageIds.signals }))
    expect(c.querySelector('.restore-notice')).not.toBeNull()
    act(() => setScreenShow(room.control, { kind: 'report', snapshotId: null, trendId: null }))
    expect(c.querySelector('[data-results]')).not.toBeNull()
    expect(c.querySelector('.restore-notice')).toBeNull()
    expect(c.querySelector('.screen-bar__instruction')).toBeNull()
    expect(c.querySelector('.ready-count__text')).toBeNull()
    // The title page says the focal question itself: not twice.
    expect(c.querySelector('.screen-question')).toBeNull()
    act(() => setScreenShow(room.control, null))
    expect(c.querySelector('.screen-bar__instruction')?.textContent).toMatch(/^Add early signs of change/)
  })

  it("names a replay in the bar, not the live room's stage it is not showing", async () => {
    const c = await screenOn('signals')
    act(() => setScreenShow(room.control, { kind: 'replay', snapshotId: 1, trendId: null }))
    expect(c.querySelector('h1')?.textContent).toBe('How we got here')
    expect(c.querySelector('.screen-bar__context')?.textContent).not.toContain('Stage 2 of 7')
    expect(c.querySelector('.screen-bar__instruction')).toBeNull()
    act(() => setScreenShow(room.control, null))
    expect(c.querySelector('h1')?.textContent).toBe('Signals')
    expect(c.querySelector('.screen-bar__context')?.textContent).toContain('Stage 2 of 7')
  })

  it('does not count a facilitator who gave a name as one more participant when their laptop goes offline', async () => {
    const c = await screenOn('signals')
    room.arrive(FIONA, 'facilitator')
    expect(c.querySelector('.join-corner__count')?.textContent).toBe('2 joined')
    room.leave(FIONA)
    room.leave(BEN)
    // Ben stays on the list of those who joined; Fiona is still a facilitator, offline or not.
    expect(c.querySelector('.join-corner__count')?.textContent).toBe('2 joined')
    room.arrive({ participantId: 'CarlaCarlaCarlaCarla01', name: 'Carla' })
    expect(c.querySelector('.join-corner__count')?.textContent).toBe('3 joined')
  })

  it('leaves a trend focus to the trends stage, which shows it itself', async () => {
    const c = await screenOn('trends')
    act(() => setFocus(room.control, { kind: 'trend', id: 'TrendTrendTrendTrend01' }))
    expect(c.querySelector('[data-stage-view="trends"]')).not.toBeNull()
    expect(c.querySelector('.focus-view')).toBeNull()
  })

  it('shows the join code in the corner after the opening, while the facilitator has it on', async () => {
    const c = await screenOn('signals')
    expect(c.querySelector('.join-corner [data-join-code]')?.textContent).toBe('K7F-3QX')
    expect(c.querySelector('.join-corner [data-join-address]')?.textContent).toBe(`${window.location.host}/join`)
    expect(c.querySelector('.join-corner__count')?.textContent).toBe('2 joined')
    expect(c.querySelector('.join-panel')).toBeNull()
    act(() => setShowJoinPanel(room.control, false))
    expect(c.querySelector('.join-corner')).toBeNull()
  })

  it('turned on during a later stage, shows the join code beside the work, then in the corner once nobody new has joined for a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const c = await screenOn('signals')
    act(() => setShowJoinPanel(room.control, false))
    act(() => setShowJoinPanel(room.control, true))
    expect(c.querySelector('.screen-main > .join-panel--side [data-join-code]')?.textContent).toBe('K7F-3QX')
    expect(c.querySelector('.join-panel--side .qr')).not.toBeNull()
    expect(c.querySelector('.join-corner')).toBeNull()
    expect(c.querySelector('[data-stage-view]')).not.toBeNull()
    act(() => void vi.advanceTimersByTime(SETTLED_AFTER_MS + 100))
    expect(c.querySelector('.join-panel')).toBeNull()
    expect(c.querySelector('.join-corner [data-join-code]')?.textContent).toBe('K7F-3QX')
  })
})
