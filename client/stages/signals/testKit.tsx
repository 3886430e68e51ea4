/**
 * Test harness for the stage components (imported by tests only): real in-memory documents,
 * bridged into the real store, handed to the components the way the workshop page does.
 */
import { act, type ReactElement, type ReactNode } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createWorkshopControl, initBoard, joinAsParticipant } from '../../../shared/doc/index.ts'
import { TEMPLATES } from '../../../shared/method/templates.ts'
import type { Role } from '../../../shared/protocol.ts'
import { WorkshopDocsContext } from '../../sync/workshopDocs.ts'
import { AnnounceCapture } from '../../ui/index.ts'
import { startTestSession } from '../../testing/session.ts'

export const ANNA = { participantId: 'AnnaAnnaAnnaAnnaAnna01', name: 'Anna' }
export const BEN = { participantId: 'BenBenBenBenBenBenBen1', name: 'Ben' }
export const FACILITATOR = { participantId: 'FacFacFacFacFacFacFac1', name: 'Sami' }

/** The signals stage as the wall's tests show it (ten minutes, three votes each, no prompt). */
export const SIGNALS_STAGE = {
  id: 'StageStageStageStage01',
  kind: 'signals' as const,
  order: 'a1',
  skipped: false,
  settings: { timerSeconds: 600, votesPerPerson: 3, prompt: '' },
}

export interface Workshop {
  board: Y.Doc
  control: Y.Doc
  announced: string[]
  /** Wraps stage UI in the documents, an announcer that records, and (optionally) presence. */
  wrap(children: ReactNode, awareness?: Awareness): ReactElement
  close(): void
}

/** A workshop with the InnoSI themes, opened as `me` in `role`. */
export function openWorkshop(role: Role, me: { participantId: string; name: string } = ANNA): Workshop {
  const board = new Y.Doc()
  const control = new Y.Doc()
  initBoard(board)
  createWorkshopControl(
    control,
    { title: 'Welfare 2040', focalQuestion: 'What will everyday welfare look like in our town in 2040?', horizonYear: 2040 },
    TEMPLATES['innosi-welfare'],
  )
  for (const person of [ANNA, BEN, FACILITATOR]) joinAsParticipant(board, person, person.name)
  const endSession = startTestSession(board, control, role, me)
  const announced: string[] = []
  const announce = (message: string) => announced.push(message)
  return {
    board,
    control,
    announced,
    wrap: (children, awareness) => (
      <WorkshopDocsContext.Provider value={{ board, control, boardConnection: null, controlConnection: null, boardAwareness: awareness ?? null }}>
        <AnnounceCapture onAnnounce={announce}>{children}</AnnounceCapture>
      </WorkshopDocsContext.Provider>
    ),
    close() {
      endSession()
      board.destroy()
      control.destroy()
    },
  }
}

export { typeInto } from '../../testing/render.ts'

/** The control a visible label names. */
export function fieldLabelled(container: ParentNode, label: string): HTMLInputElement {
  const element = [...container.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim().startsWith(label))
  const control = element && document.getElementById(element.htmlFor)
  if (!control) throw new Error(`no field labelled ${label}`)
  return control as HTMLInputElement
}

/** A button by its accessible text (visible text plus visually hidden parts). */
export function button(container: ParentNode, text: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) => {
    const name = candidate.textContent?.trim() ?? ''
    return typeof text === 'string' ? name === text : text.test(name)
  })
  if (!found) throw new Error(`no button ${String(text)}`)
  return found
}

export function buttons(container: ParentNode, text: string | RegExp): HTMLButtonElement[] {
  return [...container.querySelectorAll('button')].filter((candidate) => {
    const name = candidate.textContent?.trim() ?? ''
    return typeof text === 'string' ? name === text : text.test(name)
  })
}

export function click(element: HTMLElement): void {
  act(() => element.click())
}

/** The card whose title is `title`. */
export function cardTitled(container: ParentNode, title: string): HTMLElement {
  const heading = [...container.querySelectorAll('.signal-card__title')].find((candidate) => candidate.textContent === title)
  const card = heading?.closest<HTMLElement>('.signal-card')
  if (!card) throw new Error(`no card titled ${title}`)
  return card
}

export const wallTitles = (container: ParentNode, selector = '.wall-section .signal-wall') =>
  [...(container.querySelector(selector)?.querySelectorAll('.signal-card__title') ?? [])].map((heading) => heading.textContent)
