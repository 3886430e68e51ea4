/**
 * The assess stage's narrow reads of the store, and the commands it runs.
 *
 * The store comes from the store context (`state/storeContext.ts`): tests render two people at
 * once, each with their own store and documents, to play out "the facilitator closes voting and
 * everyone sees the result".
 */
import { useMemo } from 'react'
import { sortedByOrder } from '../../../shared/doc/index.ts'
import type { Trend } from '../../../shared/schema/index.ts'
import { selectAssessments, selectKeyDrivers, selectParticipants, selectTrends, selectVotes } from '../../state/selectors.ts'
import { useContextStore } from '../../state/storeContext.ts'
import { myPlacements, myVoteCounts } from './assessModel.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'

export const useTrendMap = () => useContextStore(selectTrends)
/** Trends in the workshop's order (cached per trends collection, so stable between renders). */
export const useOrderedTrends = (): readonly Trend[] => sortedByOrder(useTrendMap())
export const useAssessments = () => useContextStore(selectAssessments)
export const useVotes = () => useContextStore(selectVotes)
export const useParticipants = () => useContextStore(selectParticipants)
export const useMyId = () => useContextStore((s) => s.participant?.id ?? null)

/**
 * This person's placements by trend. The selector returns the same map while only other
 * people's placements change, so a room of 60 moving markers does not re-render this screen.
 */
export const useMyPlacements = () => useContextStore((s) => myPlacements(selectAssessments(s), s.participant?.id ?? null))

/** This person's dots in a stage by trend; stable while only other people vote. */
export const useMyVoteCounts = (stageId: string) => useContextStore((s) => myVoteCounts(selectVotes(s), selectTrends(s), stageId, s.participant?.id ?? null))
export const useAssessClosed = (stageId: string) => useContextStore((s) => s.control?.assessClosed[stageId] === true)
export const useKeyDrivers = () => useContextStore(selectKeyDrivers)
/** The facilitator's "read-only for everyone" switch; the server refuses board writes then. */
export const useBoardLocked = () => useContextStore((s) => s.control?.locked === true)

/** The documents to run commands on, and who acts; `null` actor before the identity is loaded. */
export function useAssessCommands() {
  const { board, control } = useWorkshopDocs()
  const participantId = useMyId()
  const actor = useMemo(() => (participantId ? { participantId } : null), [participantId])
  return { board, control, actor }
}
