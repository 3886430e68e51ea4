/**
 * The workshop documents: typed commands, reads, live snapshots, derived views, migrations and
 * undo. UI and server use this module and never touch Yjs types directly (the one exception is
 * a story's rich-text body, see `getStoryBody`). Root names stay private to this folder.
 */
export { LOCAL_ORIGIN } from './origin'
export type { BoardSnapshot, ControlSnapshot, Watcher } from './snapshot'

export type { Actor } from './commands/command'
export { addSignal, updateSignal, deleteSignal, mergeSignals, mergeIntoSignal, importSignals, type BankSignalInput } from './commands/signals'
export {
  createTrend,
  updateTrend,
  renameTrend,
  deleteTrend,
  moveSignalToTrend,
  addSignalToTrend,
  removeSignalFromTrend,
  createTrendFromSignals,
  createTrendWithSignals,
  settleConcurrentMoves,
} from './commands/trends'
export { currentFieldWrite, meetsOwnWrites, type FieldWrite, type OwnWritesMeeting } from './fieldWrites'
export { placeAssessment, removeAssessment, castVote, retractVote, type VoteRules, type VoteResult } from './commands/assess'
export { addWheelNode, updateWheelNode, deleteWheelNode } from './commands/wheel'
export { createStory, updateStory, updatePersona, deleteStory, earlierStartOf, getStoryBody, storyBodyText, untouchedStoryOf } from './commands/stories'
export { addTakeaway, updateTakeaway, deleteTakeaway, togglePlusOne } from './commands/takeaways'
export { joinAsParticipant, setReady } from './commands/people'

export { createWorkshopControl, updateMeta, setThemes } from './control/workshop'
export { goToStage, setStageSkipped, skipStage, moveStage, updateStageSettings } from './control/stages'
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
  markFacilitatorPerson,
  toggleKeyDriver,
  setGroups,
  setPrivateCounts,
  setScreenShow,
  setLastRestore,
  closeRestoreNotice,
  showSuggestions,
  setOwnWords,
} from './control/session'

export { initDraft, countDraft, revealDrafts, revealLeftovers } from './drafts'
export { initBoard } from './board'
export { initBank, heldSignals, releaseSignals } from './bank'
export { readBoard, readControl, readDraft } from './read'
export { createBoardWatcher } from './watch'
export { SCHEMA_VERSION, migrate, schemaVersionOf } from './migrate'
export { createUndoManager } from './undo'
export * from './derive/index'
// restore.ts (restoreDoc, carryOver) is imported from its own module: its story merge brings a
// diff library that the app's first stage must not carry.
