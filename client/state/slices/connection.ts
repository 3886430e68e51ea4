/** Connection slice: the sync state of each workshop document, written by the sync layer only. */
import type { StateCreator } from 'zustand'
import { INITIAL_SYNC_STATE, type DocSyncState } from '../../sync/syncState.ts'
import type { AppState } from '../store.ts'

export type SyncedDocName = 'board' | 'control'
/** The documents whose connection the store mirrors: the two every page has, and a participant's draft in a private round. */
export type MirroredDocName = SyncedDocName | 'draft'

export interface ConnectionSlice {
  connection: Record<MirroredDocName, DocSyncState>
  setDocSync(doc: MirroredDocName, state: DocSyncState): void
  resetConnection(): void
}

const initialConnection = (): ConnectionSlice['connection'] => ({ board: INITIAL_SYNC_STATE, control: INITIAL_SYNC_STATE, draft: INITIAL_SYNC_STATE })

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: initialConnection(),
  setDocSync: (doc, state) => set((s) => ({ connection: { ...s.connection, [doc]: state } })),
  resetConnection: () => set({ connection: initialConnection() }),
})
