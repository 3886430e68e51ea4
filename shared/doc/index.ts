/**
 * The workshop documents: typed commands, reads, live snapshots, derived views, migrations and
 * undo. UI and server use this module and never touch Yjs types directly (the one exception is
 * a story's rich-text body, see `getStoryBody`). Root names stay private to this folder.
 */
export { LOCAL_ORIGIN, SERVER_ORIGIN, MIGRATION_ORIGIN } from './origin'
export type { InvalidEntry, OnInvalid } from './codec'
export type { BoardRecords } from './collections'
export type { BoardSnapshot, ControlSnapshot, DraftSnapshot, Watcher } from './snapshot'

export type { Actor } from './commands/command'
export { addSignal, updateSignal, deleteSignal, reorderSignal, mergeSignals, mergeIntoSignal, importSignals, type BankSignalInput } from './commands/signals'
export {
  createTrend,
  updateTrend,
  renameTrend,
  deleteTrend,
  reorderTrend,
  moveSignalToTrend,
  addSignalToTrend,
  removeSignalFromTrend,
  createTrendFromSignals,
  createTrendWithSignals,
} from './commands/trends'
export { placeAssessment, removeAssessment, castVote, retractVote, type VoteRules, type VoteResult } from './commands/assess'
export { addWheelNode, updateWheelNode, deleteWheelNode, type WheelNodeInput } from './commands/wheel'
export {
  createStory,
  updateStory,
  updatePersona,
  deleteStory,
  getStoryBody,
  storyBodyText,
  type StoryInput,
} from './commands/stories'
export { addTakeaway, updateTakeaway, deleteTakeaway, reorderTakeaway, togglePlusOne } from './commands/takeaways'
export { joinAsParticipant, setParticipantName, setReady } from './commands/people'

export { createWorkshopControl, updateMeta, setThemes } from './control/workshop'
export { getStage, goToStage, setStageSkipped, skipStage, moveStage, updateStageSettings } from './control/stages'
export { startTimer, pauseTimer, addMinute, stopTimer } from './control/timer'
export {
  setPrivateMode,
  requestReveal,
  startPrivateRound,
  endPrivateRound,
  markJoinCodeIssued,
  pauseScreenPages,
  stepScreenPages,
  setFocus,
  setLocked,
  setShowJoinPanel,
  setAllowParticipantExport,
  closeAssessment,
  reopenAssessment,
  setKeyDrivers,
  toggleKeyDriver,
  setGroups,
  setPrivateCounts,
  setScreenShow,
  setLastRestore,
  showSuggestions,
  setOwnWords,
  type GroupInput,
} from './control/session'

export { initDraft, countDraft, revealDrafts, type DraftCount } from './drafts'
export { initBoard } from './board'
export { initBank, heldSignals, releaseSignals } from './bank'
export { readBoard, readControl, readDraft, type ReadOptions } from './read'
export { createBoardWatcher, createControlWatcher } from './watch'
export { SCHEMA_VERSION, MIGRATIONS, migrate, schemaVersionOf, type Migration, type MigrateResult } from './migrate'
export { createUndoManager, UNDO_CAPTURE_MS } from './undo'
export * from './derive/index'
export { restoreDoc } from './restore'
