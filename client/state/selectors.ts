/**
 * Narrow selectors over the store. Components import these (or write equally narrow ones) so a
 * re-render happens only when the value they show changes. Document snapshots are null until the
 * document is open; meta fields that are still empty read as null.
 */
import type { BoardSnapshot } from '../../shared/doc/index.ts'
import type { ConnectionStatus, DocSyncState } from '../sync/syncState.ts'
import type { AppState } from './store.ts'

const text = (value: string | null | undefined) => (value && value.trim() !== '' ? value : null)

export const selectWorkshopTitle = (s: AppState): string | null => text(s.control?.meta.title)
export const selectFocalQuestion = (s: AppState): string | null => text(s.control?.meta.focalQuestion)
export const selectHorizonYear = (s: AppState): number | null => s.control?.meta.horizonYear ?? null
/** The workshop's language, once the control document has been initialised (schemaVersion set). */
export const selectMetaLanguage = (s: AppState): string | null => (s.control && s.control.schemaVersion !== null ? s.control.meta.language : null)

export const selectCurrentStageId = (s: AppState): string | null => s.control?.currentStageId ?? null

/** The workshop's stages in order, skipped ones included (the array is shared until stages change). */
export const selectStages = (s: AppState) => s.control?.stages ?? NO_ITEMS

// ---------------------------------------------------------------------------------------------
// The board's collections and the control's lists. Until a document is open each selector returns
// one shared empty value, never a fresh `new Map()`: a fresh one per call would be a new result on
// every store change, and re-render every component that reads it.
// ---------------------------------------------------------------------------------------------

const NO_RECORDS: ReadonlyMap<string, never> = new Map<string, never>()
const NO_ITEMS: readonly never[] = []

type BoardCollection = Exclude<keyof BoardSnapshot, 'schemaVersion'>

/** A board collection, records by id; the map keeps its identity until that collection changes. */
function selectBoard<C extends BoardCollection>(collection: C): (s: AppState) => BoardSnapshot[C] {
  return (s) => s.board?.[collection] ?? NO_RECORDS
}

export const selectSignals = selectBoard('signals')
export const selectTrends = selectBoard('trends')
export const selectMemberships = selectBoard('memberships')
export const selectAssessments = selectBoard('assessments')
export const selectVotes = selectBoard('votes')
export const selectWheelNodes = selectBoard('wheelNodes')
export const selectStories = selectBoard('stories')
export const selectTakeaways = selectBoard('takeaways')
export const selectPlusOnes = selectBoard('plusOnes')
export const selectParticipants = selectBoard('participants')

/** The trends the facilitator marked as key drivers (ids). */
export const selectKeyDrivers = (s: AppState): readonly string[] => s.control?.keyDrivers ?? NO_ITEMS
export const selectGroups = (s: AppState) => s.control?.groups ?? NO_ITEMS
export const selectThemes = (s: AppState) => s.control?.meta.themes ?? NO_ITEMS

// ---------------------------------------------------------------------------------------------
// Connection: one summary for the header, from both documents.
// ---------------------------------------------------------------------------------------------

/**
 * `held`: the server asked this device to send its changes again shortly (more than a person or
 * the workshop takes in at once, 4529): the socket is closed for a moment, but nothing is wrong
 * with the network, so "Reconnecting" would send people to check their Wi-Fi.
 */
export type ConnectionSummaryKind = ConnectionStatus | 'notSaved' | 'held'

export interface ConnectionSummary {
  kind: ConnectionSummaryKind
  /** Local changes waiting for the server, over both documents and a private round's draft. */
  pending: number
  /** The permanent close code, when kind is 'closed'. */
  closeCode: number | null
}

const SEVERITY: Record<ConnectionSummaryKind, number> = {
  connected: 0,
  connecting: 1,
  held: 2,
  reconnecting: 3,
  unreachable: 4,
  offline: 5,
  notSaved: 6,
  closed: 7,
}

function docKind(doc: DocSyncState): ConnectionSummaryKind {
  if (doc.status === 'closed') return 'closed'
  if (doc.notSaved) return 'notSaved'
  if (doc.status === 'reconnecting' && doc.heldBack) return 'held'
  return doc.status
}

/**
 * The worst of the two documents wins: "connected" means everything is connected. A private
 * round's draft adds the cards written into it (offline, they wait like any other change); its
 * state does not count, since most pages never open one.
 */
export function summarizeConnection(board: DocSyncState, controlDoc: DocSyncState, draft?: DocSyncState): ConnectionSummary {
  const worst = SEVERITY[docKind(board)] >= SEVERITY[docKind(controlDoc)] ? board : controlDoc
  return {
    kind: docKind(worst),
    pending: board.pending + controlDoc.pending + (draft?.pending ?? 0),
    closeCode: worst.status === 'closed' ? worst.closeCode : null,
  }
}
