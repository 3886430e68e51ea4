/**
 * Document slice: the latest immutable snapshots of the board and control documents, published
 * by state/bridge.ts only. Snapshots are structurally shared, so a selector such as
 * `s => s.board?.signals` keeps its identity until signals really change.
 */
import type { StateCreator } from 'zustand'
import type { BoardSnapshot, ControlSnapshot } from '../bridge.ts'
import type { AppState } from '../store.ts'

export interface DocsSlice {
  /** null until the board document is open. */
  board: BoardSnapshot | null
  /** null until the control document is open. */
  control: ControlSnapshot | null
  setBoard(board: BoardSnapshot | null): void
  setControl(control: ControlSnapshot | null): void
}

export const createDocsSlice: StateCreator<AppState, [], [], DocsSlice> = (set) => ({
  board: null,
  control: null,
  setBoard: (board) => set({ board }),
  setControl: (control) => set({ control }),
})
