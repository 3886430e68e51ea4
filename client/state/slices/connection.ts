/** Connection slice: the sync state of each workshop document, written by the sync layer only. */
import type { StateCreator } from 'zustand'
import { INITIAL_SYNC_STATE, type DocSyncState } from '../../sync/syncState.ts'
import type { AppState } from '../store.ts'

export type SyncedDocName = 'board' | 'control'

export interface ConnectionSlice {
  connection: Record<SyncedDocName, DocSyncState>
  setDocSync(doc: SyncedDocName, state: DocSyncState): void
  resetConnection(): void
}

const initialConnection = (): ConnectionSlice['connection'] => ({ board: INITIAL_SYNC_STATE, control: INITIAL_SYNC_STATE })

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: initialConnection(),
  setDocSync: (doc, state) => set((s) => ({ connection: { ...s.connection, [doc]: state } })),
  resetConnection: () => set({ connection: initialConnection() }),
})
