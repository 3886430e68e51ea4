/**
 * Test helpers for the takeaways stage (imported by tests only): a workshop with trends and a
 * story, people to act as, and one person's screen with its own store and documents.
 */
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { createStory, createTrend, createWorkshopControl, initBoard, joinAsParticipant, readControl, type Actor } from '../../../shared/doc/index.ts'
import { connectDocs } from '../../../shared/doc/testing/network.ts'
import { TEMPLATES } from '../../../shared/method/templates.ts'
import type { Role } from '../../../shared/protocol.ts'
import type { Language } from '../../i18n/language.ts'
import { bridgeBoard, bridgeControl } from '../../state/bridge.ts'
import { createAppStore } from '../../state/store.ts'
import { WorkshopDocsContext } from '../../sync/workshopDocs.ts'
import { render } from '../../testing/render.ts'
import { LiveAnnouncer } from '../../ui/index.ts'
import TakeawaysStage from './TakeawaysStage.tsx'
import ScreenTakeaways from './ScreenTakeaways.tsx'
import { StoreContext } from '../../state/storeContext.ts'

export const anna: Actor = { participantId: 'anna-0000000000000000' }
export const ben: Actor = { participantId: 'ben-00000000000000000' }
export const facilitator: Actor = { participantId: 'fac-00000000000000000' }

export interface TakeawaysWorkshop {
  board: Y.Doc
  control: Y.Doc
  trendIds: string[]
  storyId: string
}

export function takeawaysWorkshop(): TakeawaysWorkshop {
  const board = new Y.Doc()
  initBoard(board)
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Everyday welfare 2040' }, TEMPLATES['signals-to-stories'])
  const trendIds = ['Care moves home', 'Four-day work week'].map((name) => createTrend(board, { name }, facilitator))
  const { storyId } = createStory(board, { title: 'A Tuesday with Aino' }, facilitator)
  joinAsParticipant(board, anna, 'Anna')
  joinAsParticipant(board, ben, 'Ben')
  return { board, control, trendIds, storyId }
}

const teardowns: (() => void)[] = []
export function teardownAll(): void {
  for (const teardown of teardowns.splice(0)) teardown()
}

/** A second device whose documents stay in sync with the first. */
export function replicaOf(w: TakeawaysWorkshop): TakeawaysWorkshop {
  const board = new Y.Doc()
  const control = new Y.Doc()
  const links = [connectDocs(w.board, board), connectDocs(w.control, control)]
  teardowns.push(() => links.forEach((link) => link.disconnect()))
  return { ...w, board, control }
}

/** One person's screen of the takeaways stage, in English unless told. */
export function screenOf(person: Actor, role: Role, w: TakeawaysWorkshop, language: Language = 'en'): HTMLElement {
  const store = createAppStore()
  store
    .getState()
    .startSession(
      { workshopId: 'WorkshopWorkshopWorks1', role, key: 'k'.repeat(32) },
      { id: person.participantId, name: person.participantId.slice(0, 4), color: '#0072B2' },
    )
  teardowns.push(bridgeBoard(w.board, store), bridgeControl(w.control, store))
  const awareness = new Awareness(w.board)
  teardowns.push(() => awareness.destroy())
  const stage = readControl(w.control).stages.find((s) => s.kind === 'takeaways')!
  return render(
    <StoreContext.Provider value={store}>
      <WorkshopDocsContext.Provider value={{ board: w.board, control: w.control, boardConnection: null, controlConnection: null, boardAwareness: awareness }}>
        <LiveAnnouncer>{role === 'screen' ? <ScreenTakeaways /> : <TakeawaysStage stage={stage} role={role} isCurrent />}</LiveAnnouncer>
      </WorkshopDocsContext.Provider>
    </StoreContext.Provider>,
    { language },
  )
}
