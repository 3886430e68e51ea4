/**
 * The trends stage mounted as the app mounts it — real Y.Docs bridged into the store, the docs
 * context, an announcer — for happy-dom component tests.
 */
import { act } from 'react'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createWorkshopControl, readControl } from '../../../../shared/doc/index.ts'
import { newBoard } from '../../../../shared/doc/testing/fixtures.ts'
import { TEMPLATES } from '../../../../shared/method/index.ts'
import type { Role } from '../../../../shared/protocol.ts'
import { bridgeBoard, bridgeControl } from '../../../state/bridge.ts'
import { useStore } from '../../../state/store.ts'
import { WorkshopDocsContext, type WorkshopDocs } from '../../../sync/workshopDocs.ts'
import { render } from '../../../testing/render.ts'
import { AnnounceCapture } from '../../../ui/index.ts'
import TrendsStage from '../TrendsStage.tsx'
import ScreenTrends from '../ScreenTrends.tsx'

export const ME = { id: 'maria-000000000000000', name: 'Maria', color: '#0072B2' }

export interface Harness {
  container: HTMLElement
  board: Y.Doc
  control: Y.Doc
  announcements: string[]
  /** This tab's presence (where the "editing" marker goes). */
  awareness: Awareness
  teardown(): void
}

export function mountTrends({ role = 'participant', board = newBoard(1) }: { role?: Role; board?: Y.Doc } = {}): Harness {
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Everyday welfare 2040' }, TEMPLATES['signals-to-stories'])
  const stage = readControl(control).stages.find((s) => s.kind === 'trends')!
  const stopBoard = bridgeBoard(board)
  const stopControl = bridgeControl(control)
  useStore.getState().startSession({ workshopId: 'AbCdEfGhIjKlMnOpQrStUv', role, key: 'k'.repeat(32) }, ME)
  const awareness = new Awareness(board)
  // As usePresence publishes it once the person is known: markers are only sent alongside a user.
  awareness.setLocalState({ user: { id: ME.id, name: ME.name, color: ME.color, role, stageId: stage.id }, editing: null })
  const docs: WorkshopDocs = { board, control, boardConnection: null, controlConnection: null, boardAwareness: awareness }
  const announcements: string[] = []
  const container = render(
    <WorkshopDocsContext.Provider value={docs}>
      <AnnounceCapture onAnnounce={(message) => announcements.push(message)}>
        {role === 'screen' ? <ScreenTrends /> : <TrendsStage stage={stage} role={role} isCurrent />}
      </AnnounceCapture>
    </WorkshopDocsContext.Provider>,
  )
  return {
    container,
    board,
    control,
    announcements,
    awareness,
    teardown() {
      stopBoard()
      stopControl()
      awareness.destroy()
      useStore.getState().endSession()
    },
  }
}

/** Runs a change to a document the way a remote update arrives: inside act, so React renders. */
export function change(fn: () => void): void {
  act(fn)
}

export async function nextFrames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) {
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())))
  }
}

/** The card titles in the unsorted pile, or in the trend whose name field holds `trendName`. */
export function titlesIn(container: HTMLElement, where: 'unsorted' | { trend: string }): string[] {
  const scope =
    where === 'unsorted'
      ? container.querySelector('.pile')
      : [...container.querySelectorAll('.trend')].find((el) => el.querySelector<HTMLTextAreaElement>('.trend__name')?.value === where.trend)
  return [...(scope?.querySelectorAll('.tcard__title') ?? [])].map((el) => el.textContent ?? '')
}

/** The actions button ("Move or link …") of the card with this title in a given place. */
export function cardButton(container: HTMLElement, title: string, part: 'more' | 'grab' = 'more', scope: ParentNode = container): HTMLElement {
  const card = [...scope.querySelectorAll('.tcard')].find((el) => el.querySelector('.tcard__title')?.textContent === title)
  const button = card?.querySelector<HTMLElement>(`.tcard__${part}`)
  if (!button) throw new Error(`no card “${title}”`)
  return button
}

export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim().startsWith(name))
  if (!button) throw new Error(`no button “${name}”`)
  return button
}

export function press(element: HTMLElement, key: string, code = key): void {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }))
  })
}
