/**
 * The assess stage's narrow reads of the store, and the commands it runs.
 *
 * The store comes from a context that defaults to the app's one store: tests render two people
 * at once, each with their own store and documents, to play out "the facilitator closes voting
 * and everyone sees the result".
 */
import { createContext, useContext, useMemo } from 'react'
import { sortedByOrder } from '../../../shared/doc/index.ts'
import type { Assessment, Participant, Trend, Vote } from '../../../shared/schema/index.ts'
import { useStore, type AppState, type AppStore } from '../../state/store.ts'
import { myPlacements, myVoteCounts } from './assessModel.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'

export const AssessStoreContext = createContext<AppStore>(useStore)

export function useAssessStore<T>(selector: (state: AppState) => T): T {
  return useContext(AssessStoreContext)(selector)
}

/** The store itself, for reading the latest state inside an event handler. */
export function useAssessStoreApi(): AppStore {
  return useContext(AssessStoreContext)
}

const NO_TRENDS: ReadonlyMap<string, Trend> = new Map()
const NO_ASSESSMENTS: ReadonlyMap<string, Assessment> = new Map()
const NO_VOTES: ReadonlyMap<string, Vote> = new Map()
const NO_PARTICIPANTS: ReadonlyMap<string, Participant> = new Map()
const NO_KEY_DRIVERS: readonly string[] = []

export const useTrendMap = () => useAssessStore((s) => s.board?.trends ?? NO_TRENDS)
/** Trends in the workshop's order (cached per trends collection, so stable between renders). */
export const useOrderedTrends = (): readonly Trend[] => sortedByOrder(useTrendMap())
export const useAssessments = () => useAssessStore((s) => s.board?.assessments ?? NO_ASSESSMENTS)
export const useVotes = () => useAssessStore((s) => s.board?.votes ?? NO_VOTES)
export const useParticipants = () => useAssessStore((s) => s.board?.participants ?? NO_PARTICIPANTS)
export const useMyId = () => useAssessStore((s) => s.participant?.id ?? null)

/**
 * This person's placements by trend. The selector returns the same map while only other
 * people's placements change, so a room of 60 moving markers does not re-render this screen.
 */
export const useMyPlacements = () => useAssessStore((s) => myPlacements(s.board?.assessments ?? NO_ASSESSMENTS, s.participant?.id ?? null))

/** This person's dots in a stage by trend; stable while only other people vote. */
export const useMyVoteCounts = (stageId: string) =>
  useAssessStore((s) => myVoteCounts(s.board?.votes ?? NO_VOTES, s.board?.trends ?? NO_TRENDS, stageId, s.participant?.id ?? null))
export const useAssessClosed = (stageId: string) => useAssessStore((s) => s.control?.assessClosed[stageId] === true)
export const useKeyDrivers = () => useAssessStore((s) => s.control?.keyDrivers ?? NO_KEY_DRIVERS)
/** The facilitator's "read-only for everyone" switch; the server refuses board writes then. */
export const useBoardLocked = () => useAssessStore((s) => s.control?.locked === true)

/** The documents to run commands on, and who acts; `null` actor before the identity is loaded. */
export function useAssessCommands() {
  const { board, control } = useWorkshopDocs()
  const participantId = useMyId()
  const actor = useMemo(() => (participantId ? { participantId } : null), [participantId])
  return { board, control, actor }
}
