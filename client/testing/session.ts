/**
 * The workshop page's wiring, for component tests: real documents bridged into the real store and
 * a session started, as the page does once someone has opened a link (imported by tests only).
 */
import { act } from 'react'
import type * as Y from 'yjs'
import type { Role } from '../../shared/protocol.ts'
import { colorForId } from '../identity/palette.ts'
import { bridgeBoard, bridgeControl } from '../state/bridge.ts'
import { useStore } from '../state/store.ts'
import { INITIAL_SYNC_STATE } from '../sync/syncState.ts'

/** Starts a session as `me` in `role` over the two documents; the returned function ends it and detaches the store. */
export function startTestSession(board: Y.Doc, control: Y.Doc, role: Role, me: { participantId: string; name: string }): () => void {
  const stops = [bridgeBoard(board), bridgeControl(control)]
  useStore
    .getState()
    .startSession(
      { workshopId: 'WorkshopWorkshopWorks1', role, key: 'k'.repeat(32) },
      { id: me.participantId, name: me.name, color: colorForId(me.participantId) },
    )
  // In memory, the documents are as good as connected (the console moves the room only then).
  for (const doc of ['board', 'control'] as const) useStore.getState().setDocSync(doc, { ...INITIAL_SYNC_STATE, status: 'connected', synced: true })
  return () => {
    act(() => stops.forEach((stop) => stop()))
    useStore.getState().endSession()
    useStore.getState().resetConnection()
  }
}
