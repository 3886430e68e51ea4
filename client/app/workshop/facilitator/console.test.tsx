// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { act } from 'react'
import {
  addSignal,
  closeAssessment,
  createTrendWithSignals,
  deleteTrend,
  goToStage,
  readControl,
  setPrivateCounts,
  setPrivateMode,
  setReady,
  setScreenShow,
  startTimer,
} from '../../../../shared/doc/index.ts'
import { cleanup, renderLoaded, typeInto } from '../../../testing/render.ts'
import { StageArea } from '../stage/StageArea.tsx'
import { useStore } from '../../../state/store.ts'
import { ANNA, BEN, openRoom, type Room } from './testRoom.tsx'

let room: Room
afterEach(() => {
  cleanup()
  room?.close()
})

/** The facilitator on a stage, Anna and Ben in the room, Anna done and Ben not. */
async function facilitatorOn(kind: 'signals' | 'trends' | 'assess' = 'signals'): Promise<HTMLElement> {
  room = openRoom('facilitator')
  act(() => void goToStage(room.control, room.stageIds[kind]))
  room.arrive(ANNA)
  room.arrive(BEN)
  act(() => setReady(room.board, room.stageIds[kind], true, ANNA))
  return renderLoaded(room.wrap(<StageArea role="facilitator" />), (c) => c.querySelector('.console') !== null)
}

const currentKind = () => readControl(room.control).stages.find((s) => s.id === readControl(room.control).currentStageId)?.kind
/** A button by its accessible name: its aria-label, else its text. */
const named = (c: ParentNode, name: string | RegExp) =>
  [...c.querySelectorAll('button')].find((b) => {
    const text = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim()
    return typeof name === 'string' ? text === name : name.test(text)
  })
const click = (c: ParentNode, name: string | RegExp) => {
  const button = named(c, name)
  if (!button) throw new Error(`no button named ${String(name)}`)
  act(() => button.click())
}
const press = (key: string, target: EventTarget = document.body) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })))

describe('the console is one toolbar row', () => {
  it('says where the room is and how many are ready, and opens details below it', async () => {
    const c = await facilitatorOn()
    // The page's stage heading is named in full, whichever of its names a full row shows.
    expect(c.querySelector('#stage-now-title button')?.getAttribute('aria-label')).toBe('Signals')
    expect(c.querySelector('#stage-now-title .console-stage__name')?.textContent).toBe('Signals')
    expect(c.querySelector('.console-ready__text')?.textContent).toBe('1 of 2 ready')
    click(c, '1 of 2 ready')
    expect(c.querySelector('.console-panel')?.textContent).toContain('Still working: Ben')
    // One panel at a time; Escape closes it and gives focus back to its button.
    click(c, /^Timer: 10:00/)
    expect(c.querySelectorAll('.console-panel')).toHaveLength(1)
    const timerButton = named(c, /^Timer: 10:00/)!
    act(() => void c.querySelector('.console-panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })))
    expect(c.querySelector('.console-panel')).toBeNull()
    expect(document.activeElement).toBe(timerButton)
  })
})

describe('moving the room offline', () => {
  it('does not move it (the move would be sent minutes later), says so, and moves it once connected', async () => {
    const c = await facilitatorOn()
    const connected = useStore.getState().connection.control
    act(() => useStore.getState().setDocSync('control', { ...connected, status: 'offline' }))
    click(c, 'Next: Trends')
    expect(currentKind()).toBe('signals')
    const said = "You're offline, so the room stayed on Signals. Move it again once this device is connected."
    expect(c.querySelector('.leave-question')?.textContent).toContain(said)
    expect(c.ownerDocument.querySelector('[data-live-announcer]')!.textContent).toBe(said)
    click(c, 'OK')
    expect(c.querySelector('.leave-question')).toBeNull()

    act(() => useStore.getState().setDocSync('control', connected))
    click(c, 'Next: Trends')
    expect(currentKind()).toBe('trends')
  })
})

describe("a tool's panel", () => {
  it("is headed with the tool's name and closes by its own button, focus back on the tool", async () => {
    const c = await facilitatorOn()
    click(c, 'Show on screen')
    const panel = c.querySelector('.console-panel')!
    expect(panel.querySelector('h2')?.textContent).toBe('Show on screen')
    // Focus goes into the content, not to the close button before it.
    expect(panel.contains(document.activeElement)).toBe(true)
    expect(document.activeElement).not.toBe(named(panel, 'Close'))
    click(panel, 'Close')
    expect(c.querySelector('.console-panel')).toBeNull()
    expect(document.activeElement).toBe(named(c, 'Show on screen'))
  })

  it("closes when Tab goes on from it to the board it covers, and stays open for the console's own buttons", async () => {
    const c = await facilitatorOn()
    click(c, 'Show on screen')
    act(() => named(c, 'Export')!.focus())
    expect(c.querySelector('.console-panel')).not.toBeNull()
    const onTheBoard = document.createElement('button')
    c.append(onTheBoard)
    act(() => named(c.querySelector('.console-panel')!, 'Close')!.focus())
    act(() => onTheBoard.focus())
    expect(c.querySelector('.console-panel')).toBeNull()
  })
})

describe('"More…"', () => {
  it('closes once an action in it is chosen, the keyboard back on "More…"; a tool it opens takes its place', async () => {
    const c = await facilitatorOn()
    click(c, 'More…')
    const menu = c.querySelector('.console-panel')!
    click(menu, 'Lock the board')
    expect(readControl(room.control).locked).toBe(true)
    expect(c.querySelector('.console-panel')).toBeNull()
    expect(document.activeElement).toBe(named(c, 'More…'))

    click(c, 'More…')
    click(c.querySelector('.console-panel')!, 'Show on screen')
    expect(c.querySelector('.console-panel h2')?.textContent).toBe('Show on screen')
  })
})

describe('"Show on screen" with a replay on the projector', () => {
  it('says the screen shows the replay, not the stage, and brings the stage back', async () => {
    const c = await facilitatorOn()
    act(() => setScreenShow(room.control, { kind: 'replay', snapshotId: 1, trendId: null }))
    click(c, 'Show on screen')
    const panel = c.querySelector('.console-panel')!
    expect(panel.querySelector('[role="status"]')?.textContent).toContain('The screen shows the replay (“How we got here”), not the stage.')
    click(panel, 'Show the stage again')
    expect(readControl(room.control).screenShow).toBeNull()
    expect(panel.querySelector('[role="status"]')?.textContent).toContain('The screen shows the whole stage.')
  })
})

describe('moving the room on', () => {
  it('goes at once although not everyone pressed "I\'m done": readiness is shown, not waited for', async () => {
    const c = await facilitatorOn()
    click(c, 'Next: Trends')
    expect(currentKind()).toBe('trends')
    expect(c.querySelector('.leave-question')).toBeNull()
  })

  it('asks while private cards are unrevealed, and can reveal them on the way', async () => {
    const c = await facilitatorOn()
    act(() => {
      setPrivateMode(room.control, { on: true })
      setPrivateCounts(room.control, { [ANNA.participantId]: { name: 'Anna', count: 2 } })
    })
    click(c, 'Next: Trends')
    expect(currentKind()).toBe('signals')
    expect(c.querySelector('.leave-question')?.textContent).toContain('2 private cards have not been revealed.')
    // The safe way on has the focus.
    expect(document.activeElement).toBe(named(c, 'Reveal and go to Trends'))
    click(c, 'Reveal and go to Trends')
    expect(currentKind()).toBe('trends')
    expect(readControl(room.control).privateMode).toMatchObject({ on: false, revealSeq: 1 })
  })

  it('asks while the vote is open; "Stay" keeps the room, closing the vote stops the asking', async () => {
    const c = await facilitatorOn('assess')
    click(c, 'Next: Futures wheel')
    expect(c.querySelector('.leave-question')?.textContent).toContain('Voting is still open')
    click(c, 'Stay')
    expect(c.querySelector('.leave-question')).toBeNull()
    expect(currentKind()).toBe('assess')
    act(() => closeAssessment(room.control, room.stageIds.assess))
    click(c, 'Next: Futures wheel')
    expect(currentKind()).toBe('wheel')
  })

  it('asks on the way from trends to the assessment while cards are in no trend; the question follows the board', async () => {
    const c = await facilitatorOn('trends')
    const cards = ['Care robots at home', 'Four-day week pilots', 'Heat waves in the city'].map((title) => addSignal(room.board, { title }, ANNA))
    await act(async () => {})
    // Back to the signals stage to add more loses nothing.
    click(c, 'Back to Signals')
    expect(currentKind()).toBe('signals')
    act(() => void goToStage(room.control, room.stageIds.trends))
    act(() => named(c, 'Next: Assess')!.focus())
    click(c, 'Next: Assess')
    expect(currentKind()).toBe('trends')
    expect(c.querySelector('.leave-question')?.textContent).toContain('3 cards are in no trend yet: they will be left out of the assessment.')
    expect(document.activeElement).toBe(named(c, 'Go to Assess anyway'))
    // Someone sorts one meanwhile: the count follows.
    act(() => void createTrendWithSignals(room.board, { name: 'Care moves home' }, cards.slice(0, 1), ANNA))
    expect(c.querySelector('.leave-question')?.textContent).toContain('2 cards are in no trend yet')
    // And the rest: nothing left to ask, the question goes, the keyboard back on Next.
    let trend = ''
    act(() => void (trend = createTrendWithSignals(room.board, { name: 'Work shrinks' }, cards.slice(1), ANNA)))
    expect(c.querySelector('.leave-question')).toBeNull()
    expect(document.activeElement).toBe(named(c, 'Next: Assess'))
    // A card back in the pile later asks nothing by itself; the next Next asks again.
    act(() => void deleteTrend(room.board, trend))
    expect(c.querySelector('.leave-question')).toBeNull()
    click(c, 'Next: Assess')
    click(c, 'Go to Assess anyway')
    expect(currentKind()).toBe('assess')
  })

  it('asks while the timer runs with time left, and goes anyway when told', async () => {
    const c = await facilitatorOn()
    act(() => startTimer(room.control, Date.now()))
    click(c, 'Back to Frame')
    expect(c.querySelector('.leave-question')?.textContent).toMatch(/The timer is still running \(\d+:\d\d left\)\./)
    click(c, 'Go to Frame anyway')
    expect(currentKind()).toBe('frame')
  })

  it('"Stay" gives the keyboard back to the button that asked', async () => {
    const c = await facilitatorOn()
    act(() => startTimer(room.control, Date.now()))
    const next = named(c, /^Next: /)!
    act(() => next.focus())
    click(c, /^Next: /)
    expect(document.activeElement?.textContent).toMatch(/anyway$/)
    click(c, 'Stay')
    expect(c.querySelector('.leave-question')).toBeNull()
    expect(document.activeElement).toBe(next)
  })

  it('moving onto the last stage by keyboard leaves the keyboard on "Finish the workshop", which took Next\'s place', async () => {
    const c = await facilitatorOn()
    act(() => void goToStage(room.control, room.stageIds.stories))
    act(() => named(c, /^Next: /)!.focus())
    click(c, /^Next: /)
    expect(currentKind()).toBe('takeaways')
    expect(named(c, /^Next: /)).toBeUndefined()
    expect(document.activeElement).toBe(named(c, /^Finish the workshop/))
  })
})

describe('the private round', () => {
  it('is announced to the facilitator once, in the console’s words, not again by the stage', async () => {
    const c = await facilitatorOn()
    // The Signals stage's own code loads lazily: on a busy machine that takes longer than a second.
    await vi.waitFor(() => expect(c.querySelector('.add-signal')).not.toBeNull(), { timeout: 10_000 })
    const live = () => c.ownerDocument.querySelector('[data-live-announcer]')!.textContent
    click(c, 'Private round')
    await act(async () => {})
    expect(readControl(room.control).privateMode.on).toBe(true)
    expect(live()).toBe('Private round started: new cards stay hidden until you reveal them.')
  })
})

describe('the timer', () => {
  it('takes a time box in minutes with a decimal point or comma; anything else leaves it as it was', async () => {
    const c = await facilitatorOn()
    const timeBox = () => readControl(room.control).stages.find((s) => s.id === room.stageIds.signals)!.settings.timerSeconds
    click(c, /^Timer: 10:00/)
    const field = () => c.querySelector<HTMLInputElement>('.time-box__input')!
    const enter = (typed: string) => {
      typeInto(field(), typed)
      press('Enter', field())
    }
    enter('0,5')
    expect(timeBox()).toBe(30)
    expect(field().value).toBe('0.5')
    enter('1.25')
    expect(timeBox()).toBe(75)
    enter('ten')
    expect(timeBox()).toBe(75)
    expect(field().value).toBe('1.25')
    enter('')
    expect(timeBox()).toBe(75)
    press('ArrowUp', field())
    press('Enter', field())
    expect(timeBox()).toBe(120)
    press('ArrowDown', field())
    press('ArrowDown', field())
    press('Enter', field())
    expect(timeBox()).toBe(0)
    enter('999')
    expect(timeBox()).toBe(240 * 60)
  })

  it('keeps the keyboard in the timer panel when Stop takes itself away', async () => {
    const c = await facilitatorOn()
    act(() => startTimer(room.control, Date.now()))
    click(c, /^Timer: /)
    const stop = [...c.querySelectorAll<HTMLButtonElement>('.timer-panel button')].find((button) => button.textContent === 'Stop')!
    act(() => stop.focus())
    click(c, 'Stop')
    expect(c.querySelector('.timer-panel button:not([hidden])')?.textContent).toBe('Start timer')
    expect(c.ownerDocument.activeElement?.textContent).toBe('Start timer')
  })

  it('keeps the play button in place when it pauses: running and paused take the same room', async () => {
    const c = await facilitatorOn()
    act(() => startTimer(room.control, Date.now()))
    const words = () =>
      [...c.querySelectorAll('.console-timer .timer-readout__state > span')].map((word) => [word.textContent, word.getAttribute('aria-hidden')])
    expect(words()).toEqual([
      ['left', null],
      ['paused', 'true'],
    ])
    press('t')
    expect(words()).toEqual([
      ['left', 'true'],
      ['paused', null],
    ])
  })
})

describe('the timer once its time is up', () => {
  it('offers to stop it, not to pause a finished countdown; T stops it too', async () => {
    const c = await facilitatorOn()
    // Started eleven minutes ago with a ten-minute time box.
    act(() => startTimer(room.control, Date.now() - 11 * 60_000))
    const go = () => c.querySelector<HTMLButtonElement>('.console-timer__go')!
    expect(go().getAttribute('aria-label')).toBe('Stop the timer (back to the full time box)')
    act(() => go().click())
    expect(readControl(room.control).timer.status).toBe('idle')
    expect(go().getAttribute('aria-label')).toBe('Start timer')
    act(() => startTimer(room.control, Date.now() - 11 * 60_000))
    press('t')
    expect(readControl(room.control).timer.status).toBe('idle')
    expect(c.ownerDocument.querySelector('[data-live-announcer]')!.textContent).toBe('Timer stopped: back to the full time box.')
    // The timer's panel says the same on its main button (a phone's way to it).
    act(() => startTimer(room.control, Date.now() - 11 * 60_000))
    click(c, /^Timer: /)
    expect([...c.querySelectorAll('.timer-panel button')].map((button) => button.textContent)).toContain('Stop the timer (back to the full time box)')
  })
})

describe('keyboard shortcuts', () => {
  it('N, B, T and R do what their buttons do; typing in a field is left alone', async () => {
    const c = await facilitatorOn()
    press('t')
    expect(readControl(room.control).timer.status).toBe('running')
    press('t')
    expect(readControl(room.control).timer.status).toBe('paused')
    act(() => {
      setPrivateMode(room.control, { on: true })
      setPrivateCounts(room.control, { [ANNA.participantId]: { name: 'Anna', count: 1 } })
    })
    press('r')
    expect(readControl(room.control).privateMode).toMatchObject({ on: false, revealSeq: 1 })
    act(() => setPrivateCounts(room.control, {}))

    const field = document.createElement('input')
    c.append(field)
    press('n', field)
    expect(currentKind()).toBe('signals')
    press('n')
    expect(currentKind()).toBe('trends')
    press('b')
    expect(currentKind()).toBe('signals')
  })

  it('lists them in the "?" sheet', async () => {
    await facilitatorOn()
    press('?')
    const sheet = document.querySelector('dialog[open]')
    expect(sheet?.textContent).toContain('Keyboard shortcuts')
    expect([...sheet!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['N', 'B', 'T', 'R', 'F', 'J', '?', 'Esc'])
  })

  it('turn off from the sheet, remembered on this device, and on again', async () => {
    // On again for the tests after this one, also when it fails midway.
    onTestFinished(() => localStorage.removeItem('s2s:console:shortcuts'))
    const c = await facilitatorOn()
    press('?')
    const sheet = document.querySelector('dialog[open]')!
    const toggle = [...sheet.querySelectorAll('label')].find((label) => label.textContent === 'Single-key shortcuts')!.querySelector('input')!
    expect(toggle.checked).toBe(true)
    act(() => toggle.click())
    expect(localStorage.getItem('s2s:console:shortcuts')).toBe('0')
    press('Escape', sheet)
    press('n')
    expect(currentKind()).toBe('signals')
    press('t')
    expect(readControl(room.control).timer.status).toBe('idle')
    // On again, from "More…" → Keyboard shortcuts (with the keys off, "?" is off too).
    press('?')
    expect(document.querySelector('dialog[open]')).toBeNull()
    click(c, /^More/)
    click(c, 'Keyboard shortcuts')
    act(() => document.querySelector<HTMLInputElement>('dialog[open] .shortcut-list__switch input')!.click())
    press('Escape', document.querySelector('dialog[open]')!)
    press('n')
    expect(currentKind()).toBe('trends')
  })
})

describe('invite', () => {
  it('takes the keyboard into the panel once its links have come (they load after it opens)', async () => {
    // The server answers when the test says: the panel opens on "Getting the links…".
    const waiting: ((response: Response) => void)[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => waiting.push(resolve))),
    )
    try {
      const c = await facilitatorOn()
      const invite = [...c.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent?.trim() === 'Invite')!
      act(() => invite.focus())
      click(c, 'Invite')
      const panel = () => c.ownerDocument.querySelector('.console-panel')!
      expect(panel().textContent).toContain('Getting the links')
      // It cannot get them: "Try again" is the first control there is, and takes the keyboard.
      await act(async () => waiting.splice(0).forEach((answer) => answer(new Response('{}', { status: 500 }))))
      await vi.waitFor(() => expect(panel().contains(c.ownerDocument.activeElement)).toBe(true))
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('show on screen', () => {
  it('puts a signal on the screen and clears it again; F opens it', async () => {
    const c = await facilitatorOn()
    let signalId = ''
    act(() => void (signalId = addSignal(room.board, { title: 'Care robots at home' }, ANNA)))
    press('f')
    click(c, /^Show\s*: Care robots at home$/)
    expect(readControl(room.control).focus).toEqual({ kind: 'signal', id: signalId })
    expect(c.querySelector('.focus-picker__now')?.textContent).toContain('Signal: Care robots at home')
    click(c, 'Clear focus')
    expect(readControl(room.control).focus).toBeNull()
  })

  it('pauses and steps the projector pages', async () => {
    const c = await facilitatorOn()
    click(c, 'Show on screen')
    click(c, 'Pause page turning')
    expect(readControl(room.control).screenPaging.paused).toBe(true)
    click(c, /Next page/)
    expect(readControl(room.control).screenPaging).toMatchObject({ stepSeq: 1, stepBy: 1 })
    click(c, /Previous page/)
    expect(readControl(room.control).screenPaging).toMatchObject({ stepSeq: 2, stepBy: -1 })
    // A new stage starts turning again.
    click(c, 'Next: Trends')
    expect(readControl(room.control).screenPaging.paused).toBe(false)
  })
})

describe('the stages', () => {
  it('skips a stage, brings it back and moves one earlier, from the stage button', async () => {
    const c = await facilitatorOn()
    click(c, 'Signals')
    click(c, 'Skip: Trends')
    expect(readControl(room.control).stages.find((s) => s.kind === 'trends')?.skipped).toBe(true)
    expect(named(c, 'Next: Assess')).toBeDefined()
    click(c, 'Bring back: Trends')
    expect(readControl(room.control).stages.find((s) => s.kind === 'trends')?.skipped).toBe(false)
    act(() => c.querySelector<HTMLButtonElement>('[aria-label="Move Takeaways earlier"]')!.click())
    expect(
      readControl(room.control)
        .stages.map((s) => s.kind)
        .slice(-2),
    ).toEqual(['takeaways', 'stories'])
  })

  it('re-opens a finished stage', async () => {
    const c = await facilitatorOn()
    click(c, 'Signals')
    click(c, 'Re-open: Frame')
    expect(currentKind()).toBe('frame')
  })
})
