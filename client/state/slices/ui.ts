/** UI slice: local, per-person view state that never goes into a document. */
import type { StateCreator } from 'zustand'
import type { Language } from '../../i18n/language.ts'
import type { AppState } from '../store.ts'

export type DialogName = 'name' | 'samePerson'

export interface UiSlice {
  ui: {
    dialog: DialogName | null
    /** Ids of the selected items (cards, trends) on the current stage. */
    selection: readonly string[]
    language: Language
    /**
     * A finished stage this person went back to look at, or null to follow the room (the
     * facilitator's current stage). Cleared when they go back to the group.
     */
    viewingStageId: string | null
    /**
     * The Stories stage has opened on this page: from then on the page keeps the stories it writes
     * in, should one be deleted elsewhere (useWrittenStoryRescue), whatever stage it is on.
     */
    storiesOpened: boolean
  }
  openDialog(dialog: DialogName): void
  closeDialog(): void
  setSelection(ids: readonly string[]): void
  setLanguage(language: Language): void
  /** Looks at a stage (null: follow the room again). */
  viewStage(stageId: string | null): void
  openedStories(): void
}

export const createUiSlice =
  (language: Language): StateCreator<AppState, [], [], UiSlice> =>
  (set) => ({
    ui: { dialog: null, selection: [], language, viewingStageId: null, storiesOpened: false },
    openDialog: (dialog) => set((s) => ({ ui: { ...s.ui, dialog } })),
    closeDialog: () => set((s) => ({ ui: { ...s.ui, dialog: null } })),
    setSelection: (selection) => set((s) => ({ ui: { ...s.ui, selection } })),
    setLanguage: (language) => set((s) => (s.ui.language === language ? s : { ui: { ...s.ui, language } })),
    openedStories: () => set((s) => (s.ui.storiesOpened ? s : { ui: { ...s.ui, storiesOpened: true } })),
    viewStage: (viewingStageId) => set((s) => (s.ui.viewingStageId === viewingStageId ? s : { ui: { ...s.ui, viewingStageId, selection: [] } })),
  })
