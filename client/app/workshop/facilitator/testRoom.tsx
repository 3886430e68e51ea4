/**
 * Test harness for the facilitation features (imported by tests only): real in-memory documents
 * bridged into the real store, presence as a real awareness that people "arrive" in, and the
 * workshop's providers around the UI.
 */
import { act, type ReactElement, type ReactNode } from 'react'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createWorkshopControl, initBoard, joinAsParticipant, readControl } from '../../../../shared/doc/index.ts'
import { getTemplate } from '../../../../shared/method/templates.ts'
import type { Role } from '../../../../shared/protocol.ts'
import type { StageKind } from '../../../../shared/schema/stage.ts'
import { colorForId } from '../../../identity/palette.ts'
import { useStore } from '../../../state/store.ts'
import { WorkshopDocsContext } from '../../../sync/workshopDocs.ts'
import { LiveAnnouncer } from '../../../ui/index.ts'
import { startTestSession } from '../../../testing/session.ts'

export interface Person {
  participantId: string
  name: string
}

export const FIONA: Person = { participantId: 'FionaFionaFionaFiona01', name: 'Fiona' }
export const ANNA: Person = { participantId: 'AnnaAnnaAnnaAnnaAnna01', name: 'Anna' }
export const BEN: Person = { participantId: 'BenBenBenBenBenBenBen1', name: 'Ben' }

export interface Room {
  board: Y.Doc
  control: Y.Doc
  awareness: Awareness
  stageIds: Record<StageKind, string>
  /** Someone opens the workshop on their own device (appears in presence). */
  arrive(person: Person, role?: Role): void
  /** Their device goes offline (leaves presence; their records stay). */
  leave(person: Person): void
  wrap(children: ReactNode): ReactElement
  close(): void
}

export function openRoom(role: Role, me: Person = FIONA): Room {
  const board = new Y.Doc()
  const control = new Y.Doc()
  initBoard(board)
  createWorkshopControl(
    control,
    { title: 'Everyday welfare 2040', focalQuestion: 'What will everyday welfare look like in our town in 2040?' },
    getTemplate('signals-to-stories'),
  )
  const stageIds = Object.fromEntries(readControl(control).stages.map((stage) => [stage.kind, stage.id])) as Record<StageKind, string>
  const awareness = new Awareness(board)
  const others = new Map<string, Awareness>()
  const user = (person: Person, personRole: Role) => ({
    id: person.participantId,
    name: person.name,
    color: colorForId(person.participantId),
    role: personRole,
    stageId: null,
  })
  if (role !== 'screen') awareness.setLocalState({ user: user(me, role), editing: null })
  else awareness.setLocalState(null)
  const endSession = startTestSession(board, control, role, me)

  return {
    board,
    control,
    awareness,
    stageIds,
    arrive(person, personRole = 'participant') {
      act(() => {
        joinAsParticipant(board, person, person.name)
        const device = new Awareness(new Y.Doc())
        device.setLocalState({ user: user(person, personRole), editing: null })
        others.set(person.participantId, device)
        applyAwarenessUpdate(awareness, encodeAwarenessUpdate(device, [device.clientID]), 'remote')
      })
    },
    leave(person) {
      const device = others.get(person.participantId)
      if (device) act(() => removeAwarenessStates(awareness, [device.clientID], 'remote'))
    },
    wrap: (children) => (
      <WorkshopDocsContext.Provider value={{ board, control, boardConnection: null, controlConnection: null, boardAwareness: awareness }}>
        <LiveAnnouncer>{children}</LiveAnnouncer>
      </WorkshopDocsContext.Provider>
    ),
    close() {
      endSession()
      useStore.getState().viewStage(null)
      for (const device of others.values()) device.destroy()
      awareness.destroy()
      board.destroy()
      control.destroy()
    },
  }
}

/** A button by its text, visually hidden parts included. */
export function buttonNamed(container: ParentNode, name: string | RegExp): HTMLButtonElement | undefined {
  const matches = (text: string) => (typeof name === 'string' ? text.trim() === name : name.test(text))
  return [...container.querySelectorAll('button')].find((button) => matches(button.textContent ?? ''))
}
