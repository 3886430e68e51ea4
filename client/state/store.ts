/**
 * The one zustand store, built from typed slices (zustand's slices pattern):
 *
 *   connection  sync state per document              (sync layer writes)
 *   session     workshop id, role, key, identity     (workshop page writes)
 *   ui          dialog, selection, language          (components write)
 *   board/control  document snapshots                (state/bridge.ts writes)
 *
 * Components read through narrow selectors — `useStore(s => s.connection.board.status)` — never
 * the whole store, so a change re-renders only what shows it.
 */
import { create } from 'zustand'
import { initialLanguage } from '../i18n/language.ts'
import { createConnectionSlice, type ConnectionSlice } from './slices/connection.ts'
import { createDocsSlice, type DocsSlice } from './slices/docs.ts'
import { createSessionSlice, type SessionSlice } from './slices/session.ts'
import { createUiSlice, type UiSlice } from './slices/ui.ts'

export type AppState = ConnectionSlice & SessionSlice & UiSlice & DocsSlice

/** A store with every slice; the app uses the one below, tests may make their own. */
export function createAppStore() {
  return create<AppState>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createSessionSlice(...args),
    ...createUiSlice(initialLanguage())(...args),
    ...createDocsSlice(...args),
  }))
}

export type AppStore = ReturnType<typeof createAppStore>

export const useStore: AppStore = createAppStore()
