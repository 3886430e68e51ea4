/**
 * Test helpers for the wheel stage (imported by tests only): a workshop with trends, people to act
 * as, and one person's screen with its own store and documents.
 */
import { act } from 'react'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { createTrend, createWorkshopControl, initBoard, joinAsParticipant, readControl, setKeyDrivers, type Actor } from '../../../shared/doc/index.ts'
import { connectDocs, type Connection } from '../../../shared/doc/testing/network.ts'
import { TEMPLATES } from '../../../shared/method/templates.ts'
import type { Role } from '../../../shared/protocol.ts'
import type { Language } from '../../i18n/language.ts'
import { bridgeBoard, bridgeControl } from '../../state/bridge.ts'
import { createAppStore } from '../../state/store.ts'
import { WorkshopDocsContext } from '../../sync/workshopDocs.ts'
import { render } from '../../testing/render.ts'
import { LiveAnnouncer } from '../../ui/index.ts'
import WheelStage from './WheelStage.tsx'
import ScreenWheel from './ScreenWheel.tsx'
import { StoreContext } from '../../state/storeContext.ts'

export const anna: Actor = { participantId: 'anna-0000000000000000' }
export const ben: Actor = { participantId: 'ben-00000000000000000' }
export const facilitator: Actor = { participantId: 'fac-00000000000000000' }

export interface WheelWorkshop {
  board: Y.Doc
  control: Y.Doc
  trendIds: string[]
}

/** A workshop on the wheel stage with two trends, the first a key driver, and Anna and Ben joined. */
export function wheelWorkshop(): WheelWorkshop {
  const board = new Y.Doc()
  initBoard(board)
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Everyday welfare 2040' }, TEMPLATES['signals-to-stories'])
  const trendIds = ['Care moves home', 'Four-day work week'].map((name) => createTrend(board, { name }, facilitator))
  setKeyDrivers(control, [trendIds[0]!])
  joinAsParticipant(board, anna, 'Anna')
  joinAsParticipant(board, ben, 'Ben')
  return { board, control, trendIds }
}

const teardowns: (() => void)[] = []
export function teardownAll(): void {
  for (const teardown of teardowns.splice(0)) teardown()
}

/** A second device: its own copies of both documents, kept in sync with the first. */
export function replicaOf(w: WheelWorkshop): WheelWorkshop {
  const board = new Y.Doc()
  const control = new Y.Doc()
  const links: Connection[] = [connectDocs(w.board, board), connectDocs(w.control, control)]
  teardowns.push(() => links.forEach((link) => link.disconnect()))
  return { board, control, trendIds: w.trendIds }
}

/** One person's screen of the wheel stage: their own store and documents, in list or diagram view, in English unless told. */
export function screenOf(person: Actor, role: Role, w: WheelWorkshop, view: 'list' | 'diagram' = 'list', language: Language = 'en'): HTMLElement {
  localStorage.setItem('s2s:wheel-view', view)
  const store = createAppStore()
  store.getState().setParticipant({ id: person.participantId, name: person.participantId.slice(0, 4), color: '#0072B2' })
  teardowns.push(bridgeBoard(w.board, store), bridgeControl(w.control, store))
  const awareness = new Awareness(w.board)
  teardowns.push(() => awareness.destroy())
  const stage = readControl(w.control).stages.find((s) => s.kind === 'wheel')!
  return render(
    <StoreContext.Provider value={store}>
      <WorkshopDocsContext.Provider value={{ board: w.board, control: w.control, boardConnection: null, controlConnection: null, boardAwareness: awareness }}>
        <LiveAnnouncer>{role === 'screen' ? <ScreenWheel /> : <WheelStage stage={stage} role={role} isCurrent />}</LiveAnnouncer>
      </WorkshopDocsContext.Provider>
    </StoreContext.Provider>,
    { language },
  )
}

export const buttons = (root: ParentNode, text: string) => [...root.querySelectorAll('button')].filter((b) => b.textContent?.trim() === text)
export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = buttons(root, text)[0]
  if (!found) throw new Error(`no button "${text}"`)
  return found
}
export const click = (element: HTMLElement) => act(() => element.click())
export { typeInto } from '../../testing/render.ts'
export const press = (element: Element, key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
  })
/** The radio for a valence inside a form ("Positive", "Negative", "Mixed", "Not sure yet"). */
export function valenceRadio(form: ParentNode, label: string): HTMLInputElement {
  const option = [...form.querySelectorAll('label.valence-option')].find((l) => l.textContent?.includes(label))
  const input = option?.querySelector('input')
  if (!input) throw new Error(`no valence "${label}"`)
  return input
}
export const liveText = (root: HTMLElement) => root.querySelector('[data-live-announcer]')?.textContent ?? ''
