/**
 * The stories stage mounted as the app mounts it (real Y.Docs bridged into the store, the docs
 * context, presence, an announcer that records), plus helpers to write story bodies the way the
 * editor's Yjs binding stores them. For happy-dom component tests only.
 */
import { act } from 'react'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createWorkshopControl, readControl } from '../../../../shared/doc/index.ts'
import { newBoard } from '../../../../shared/doc/testing/fixtures.ts'
import { TEMPLATES } from '../../../../shared/method/index.ts'
import type { Role } from '../../../../shared/protocol.ts'
import type { CitationAttrs } from '../../../../shared/schema/index.ts'
import { bridgeBoard, bridgeControl } from '../../../state/bridge.ts'
import { useStore } from '../../../state/store.ts'
import { WorkshopDocsContext } from '../../../sync/workshopDocs.ts'
import { render } from '../../../testing/render.ts'
import { AnnounceCapture } from '../../../ui/index.ts'
import StoriesStage from '../StoriesStage.tsx'
import { useRescueOffers } from '../rescueOffers.ts'
import ScreenStories from '../ScreenStories.tsx'

export const ME = { id: 'maria-000000000000000', name: 'Maria', color: '#0072B2' }
export const ACTOR = { participantId: ME.id }

export interface Harness {
  container: HTMLElement
  board: Y.Doc
  control: Y.Doc
  awareness: Awareness
  announcements: string[]
  teardown(): void
}

export function mountStories({ role = 'participant', board = newBoard(1), control }: { role?: Role; board?: Y.Doc; control?: Y.Doc } = {}): Harness {
  const controlDoc = control ?? newControl()
  const stage = readControl(controlDoc).stages.find((s) => s.kind === 'stories')!
  const stops = [bridgeBoard(board), bridgeControl(controlDoc)]
  useStore.getState().startSession({ workshopId: 'AbCdEfGhIjKlMnOpQrStUv', role, key: 'k'.repeat(32) }, ME)
  const awareness = new Awareness(board)
  awareness.setLocalState({ user: { id: ME.id, name: ME.name, color: ME.color, role, stageId: stage.id }, editing: null })
  const announcements: string[] = []
  const container = render(
    <WorkshopDocsContext.Provider value={{ board, control: controlDoc, boardConnection: null, controlConnection: null, boardAwareness: awareness }}>
      <AnnounceCapture onAnnounce={(message) => announcements.push(message)}>
        {role === 'screen' ? <ScreenStories /> : <StoriesStage stage={stage} role={role} isCurrent />}
      </AnnounceCapture>
    </WorkshopDocsContext.Provider>,
  )
  return {
    container,
    board,
    control: controlDoc,
    awareness,
    announcements,
    teardown() {
      act(() => stops.forEach((stop) => stop()))
      useStore.getState().endSession()
      useRescueOffers.getState().clear()
      awareness.destroy()
    },
  }
}

export function newControl(): Y.Doc {
  const control = new Y.Doc()
  createWorkshopControl(
    control,
    { title: 'Everyday welfare 2040', focalQuestion: 'What will everyday welfare look like in our town in 2040?', horizonYear: 2040 },
    TEMPLATES['signals-to-stories'],
  )
  return control
}

/** A paragraph of text runs and chips, as the editor's binding stores it. */
export function paragraph(...parts: (string | CitationAttrs)[]): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(
    0,
    parts.map((part) => {
      if (typeof part === 'string') {
        const text = new Y.XmlText()
        text.insert(0, part)
        return text
      }
      return chip(part)
    }),
  )
  return element
}

/** A citation chip element, as the editor's binding stores it. */
export function chip(attrs: CitationAttrs): Y.XmlElement {
  const element = new Y.XmlElement('citation')
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value)
  return element
}

/** Lets the one-frame summary refresh and React settle. */
export async function nextFrame(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 40))
  })
}

export function buttonNamed(container: ParentNode, name: string | RegExp): HTMLButtonElement {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text))
  const button = [...container.querySelectorAll('button')].find((b) => matches((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()))
  if (!button) throw new Error(`no button named ${String(name)}`)
  return button
}

export function click(element: Element): void {
  act(() => {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true }))
  })
}
