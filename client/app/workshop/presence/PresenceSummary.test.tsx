// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { act } from 'react'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { createWorkshopControl, goToStage, readControl } from '../../../../shared/doc/index.ts'
import { getTemplate } from '../../../../shared/method/templates.ts'
import { bridgeControl } from '../../../state/bridge.ts'
import { WorkshopDocsContext } from '../../../sync/workshopDocs.ts'
import { cleanup, render } from '../../../testing/render.ts'
import { PresenceSummary } from './PresenceSummary.tsx'

const awarenesses: Awareness[] = []
let unbridge: () => void
let stages: Record<string, string>

beforeEach(() => {
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'W' }, getTemplate('signals-to-stories'))
  stages = Object.fromEntries(readControl(control).stages.map((s) => [s.kind, s.id]))
  goToStage(control, stages.signals!)
  unbridge = bridgeControl(control)
})

afterEach(() => {
  cleanup()
  unbridge()
  awarenesses.splice(0).forEach((a) => a.destroy())
})

/** A room of tabs whose presence reaches every other tab at once. */
function room(...people: { id: string; name: string; role: string; stage: string }[]): Awareness[] {
  const tabs = people.map(() => new Awareness(new Y.Doc()))
  awarenesses.push(...tabs)
  for (const from of tabs) {
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const update = encodeAwarenessUpdate(from, [...added!, ...updated!, ...removed!])
      for (const to of tabs) if (to !== from) applyAwarenessUpdate(to, update, 'remote')
    })
  }
  people.forEach((p, i) =>
    tabs[i]!.setLocalState({ user: { id: p.id, name: p.name, color: '#0072B2', role: p.role, stageId: stages[p.stage] }, editing: null }),
  )
  return tabs
}

function show(awareness: Awareness) {
  return render(
    <WorkshopDocsContext.Provider value={{ board: null, control: null, boardConnection: null, controlConnection: null, boardAwareness: awareness }}>
      <PresenceSummary />
    </WorkshopDocsContext.Provider>,
  )
}

describe('who is here', () => {
  it('counts people in the header and lists them, facilitators marked and first, with their stage', () => {
    const [anna] = room(
      { id: 'anna-000000000000000000', name: 'Anna', role: 'participant', stage: 'signals' },
      { id: 'maria-00000000000000000', name: 'Maria', role: 'facilitator', stage: 'signals' },
      { id: 'ben-0000000000000000000', name: 'Ben', role: 'participant', stage: 'frame' },
      { id: 'kai-0000000000000000000', name: 'Kai', role: 'facilitator', stage: 'signals' },
    )
    const c = show(anna!)
    const toggle = c.querySelector<HTMLButtonElement>('.presence__toggle')!
    expect(toggle.textContent).toContain('4 here')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    act(() => toggle.click())
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const rows = [...c.querySelectorAll('.presence-list__person')].map((li) => li.textContent)
    expect(rows).toEqual(['KaiFacilitatoron Signals', 'MariaFacilitatoron Signals', 'Anna(you)on Signals', 'Benlooking back at Frame'])
  })

  it('updates when someone leaves, and closes on Escape with focus back on the button', () => {
    const [anna, ben] = room(
      { id: 'anna-000000000000000000', name: 'Anna', role: 'participant', stage: 'signals' },
      { id: 'ben-0000000000000000000', name: 'Ben', role: 'participant', stage: 'signals' },
    )
    const c = show(anna!)
    const toggle = c.querySelector<HTMLButtonElement>('.presence__toggle')!
    act(() => toggle.click())
    act(() => ben!.setLocalState(null))
    expect(toggle.textContent).toContain('1 here')
    act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })))
    expect(c.querySelector<HTMLElement>('.presence__panel')!.hidden).toBe(true)
    expect(document.activeElement).toBe(toggle)
  })
})
