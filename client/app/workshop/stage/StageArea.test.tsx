// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { createWorkshopControl, goToStage, readControl, setLocked, setPrivateCounts, skipStage } from '../../../../shared/doc/index.ts'
import { getTemplate } from '../../../../shared/method/templates.ts'
import type { StageProps, WorkingRole } from '../../../stages/types.ts'
import { bridgeControl } from '../../../state/bridge.ts'
import { useStore } from '../../../state/store.ts'
import { INITIAL_SYNC_STATE } from '../../../sync/syncState.ts'
import { WorkshopDocsContext } from '../../../sync/workshopDocs.ts'
import { cleanup, render, renderLoaded } from '../../../testing/render.ts'
import { AnnounceCapture, LiveAnnouncer, useAnnounce } from '../../../ui/index.ts'
import { StageArea } from './StageArea.tsx'

// The stages are other folders' work: a marker stands in, showing what the stage area hands them.
vi.mock('../../../stages/StageView.tsx', () => ({
  StageView: ({ stage, role, isCurrent }: StageProps) => <div data-stage-view={stage.kind} data-role={role} data-current={String(isCurrent)} />,
}))

let control: Y.Doc
let unbridge: () => void
let stageIds: Record<string, string>

beforeEach(() => {
  control = new Y.Doc()
  createWorkshopControl(control, { title: 'Everyday welfare 2040', focalQuestion: 'What will everyday welfare look like?' }, getTemplate('signals-to-stories'))
  stageIds = Object.fromEntries(readControl(control).stages.map((stage) => [stage.kind, stage.id]))
  unbridge = bridgeControl(control)
  useStore.getState().setDocSync('control', { ...INITIAL_SYNC_STATE, status: 'connected', synced: true })
})

afterEach(() => {
  cleanup()
  unbridge()
  useStore.getState().viewStage(null)
  useStore.getState().resetConnection()
})

function renderArea(role: WorkingRole) {
  return render(
    <WorkshopDocsContext.Provider value={{ board: null, control, boardConnection: null, controlConnection: null }}>
      <LiveAnnouncer>
        <StageArea role={role} />
      </LiveAnnouncer>
    </WorkshopDocsContext.Provider>,
  )
}

/** The facilitator's area, once its console (a chunk of its own) has arrived. */
function renderFacilitator() {
  return renderLoaded(
    <WorkshopDocsContext.Provider value={{ board: null, control, boardConnection: null, controlConnection: null }}>
      <LiveAnnouncer>
        <StageArea role="facilitator" />
      </LiveAnnouncer>
    </WorkshopDocsContext.Provider>,
    (c) => c.querySelector('.console') !== null,
  )
}

const move = (kind: string) => act(() => void goToStage(control, stageIds[kind]!))
const shownStage = (c: HTMLElement) => c.querySelector('[data-stage-view]')?.getAttribute('data-stage-view')
const isCurrent = (c: HTMLElement) => c.querySelector('[data-stage-view]')?.getAttribute('data-current')
/** The stage heading's name: the console's is its button's (it may show a short name beside the full one). */
const heading = (c: HTMLElement) => {
  const title = c.querySelector('#stage-now-title')
  return title?.querySelector('button[aria-label]')?.getAttribute('aria-label') ?? title?.textContent
}
/** A button by its accessible name (its aria-label, else its text). */
const button = (c: HTMLElement, name: RegExp) => [...c.querySelectorAll('button')].find((b) => name.test(b.getAttribute('aria-label') ?? b.textContent ?? ''))

describe('stage area', () => {
  it('follows the facilitator: a participant sees the room stage, and the next one when it moves', () => {
    move('frame')
    const c = renderArea('participant')
    expect(heading(c)).toBe('Frame')
    expect(shownStage(c)).toBe('frame')
    move('signals')
    expect(heading(c)).toBe('Signals')
    expect(shownStage(c)).toBe('signals')
    expect(isCurrent(c)).toBe('true')
    expect(c.querySelector('[aria-live="polite"]')?.textContent).toBe('The group moved on to Signals.')
  })

  it('says nothing when the page opens: the stage it learns of first is where it arrived, not a move', () => {
    move('frame')
    const arriving = Y.encodeStateAsUpdate(control)
    // A page opening: the room's control document arrives after the first render.
    unbridge()
    control = new Y.Doc()
    unbridge = bridgeControl(control)
    const announced: string[] = []
    const c = render(
      <WorkshopDocsContext.Provider value={{ board: null, control, boardConnection: null, controlConnection: null }}>
        <AnnounceCapture onAnnounce={(message) => announced.push(message)}>
          <StageArea role="participant" />
        </AnnounceCapture>
      </WorkshopDocsContext.Provider>,
    )
    act(() => Y.applyUpdate(control, arriving))
    expect(heading(c)).toBe('Frame')
    // The marker: a real move is said; had the arrival been said too, it would come first.
    move('signals')
    expect(announced).toEqual(['The group moved on to Signals.'])
  })

  it('empties the live region when the stage changes: no stale “Voting is closed…” on the next stage', () => {
    move('assess')
    let say: (text: string) => void = () => {}
    function Speaker() {
      say = useAnnounce()
      return null
    }
    const c = render(
      <WorkshopDocsContext.Provider value={{ board: null, control, boardConnection: null, controlConnection: null }}>
        <LiveAnnouncer>
          <Speaker />
          <StageArea role="participant" />
        </LiveAnnouncer>
      </WorkshopDocsContext.Provider>,
    )
    act(() => say("Voting is closed. The group's result is shown."))
    const region = () => c.querySelector('[aria-live="polite"]')?.textContent
    expect(region()).toBe("Voting is closed. The group's result is shown.")
    // Looking back at a finished stage is a stage change too: nothing to say there.
    act(() => button(c, /^1Frame/)!.click())
    expect(region()).toBe('')
    act(() => button(c, /Back to the group|Rejoin/)?.click())
    move('takeaways')
    expect(region()).toBe('The group moved on to Takeaways.')
  })

  it('lets a participant look back at a finished stage only, and says they are out of step', () => {
    move('trends')
    const c = renderArea('participant')
    // Stages still to come are not buttons.
    expect(button(c, /Assess/)).toBeUndefined()
    act(() => button(c, /^1Frame/)!.click())
    expect(heading(c)).toBe('Frame')
    expect(shownStage(c)).toBe('frame')
    expect(isCurrent(c)).toBe('false')
    expect(c.querySelector('.back-to-group')?.textContent).toContain('The group is on Trends')
  })

  it('"Back to the group" returns to the room stage without a reload, and the bar goes away', () => {
    move('trends')
    const c = renderArea('participant')
    act(() => button(c, /^2Signals/)!.click())
    expect(shownStage(c)).toBe('signals')
    act(() => button(c, /Back to the group/)!.click())
    expect(shownStage(c)).toBe('trends')
    expect(isCurrent(c)).toBe('true')
    expect(c.querySelector('.back-to-group')).toBeNull()
  })

  it('a look-back ends by itself when the facilitator brings the room to that stage', () => {
    move('trends')
    const c = renderArea('participant')
    act(() => button(c, /^1Frame/)!.click())
    move('frame')
    expect(useStore.getState().ui.viewingStageId).toBeNull()
    move('signals') // following again, not stuck on Frame
    expect(shownStage(c)).toBe('signals')
  })

  it('shows the facilitator the console, which moves the room past skipped stages', async () => {
    move('frame')
    const c = await renderFacilitator()
    act(() => button(c, /Next: Signals/)!.click())
    expect(readControl(control).currentStageId).toBe(stageIds.signals)
    expect(heading(c)).toBe('Signals')
    expect(button(c, /^Private round$/)).toBeDefined()
    act(() => void skipStage(control, stageIds.trends!))
    act(() => button(c, /Next: Assess/)!.click())
    expect(readControl(control).currentStageId).toBe(stageIds.assess)
    // Voting is open on Assess: leaving asks first, right under the toolbar.
    act(() => button(c, /Back to Signals/)!.click())
    expect(readControl(control).currentStageId).toBe(stageIds.assess)
    expect(c.querySelector('.leave-question')?.textContent).toContain("Voting is still open: the group's result has not been shown.")
    act(() => button(c, /^Go to Signals anyway$/)!.click())
    expect(readControl(control).currentStageId).toBe(stageIds.signals)
    expect(renderArea('participant').querySelector('.console')).toBeNull()
  })

  it('runs private writing in rounds with one control: start, then "Reveal" ends the round', async () => {
    move('signals')
    const c = await renderFacilitator()
    act(() => button(c, /^Private round$/)!.click())
    expect(readControl(control).privateMode.on).toBe(true)
    // Nothing written yet: the same control ends the round.
    expect(button(c, /^End private round$/)).toBeDefined()
    act(() => setPrivateCounts(control, { 'anna-00000000000000000': { name: 'Anna', count: 3 }, 'ben-000000000000000000': { name: 'Ben', count: 1 } }))
    act(() => button(c, /^Reveal 4 cards$/)!.click())
    expect(readControl(control).privateMode).toMatchObject({ on: false, revealSeq: 1 })
    // The server empties the drafts and the counts follow; new cards are public until the next round.
    act(() => setPrivateCounts(control, {}))
    expect(button(c, /^Reveal/)).toBeUndefined()
    expect(button(c, /^Private round$/)).toBeDefined()
  })

  it('tells everyone when the board is read-only', () => {
    move('signals')
    const c = renderArea('participant')
    expect(c.querySelector('.locked-banner')).toBeNull()
    act(() => setLocked(control, true))
    expect(c.querySelector('.locked-banner')?.textContent).toContain('Read-only')
  })
})
