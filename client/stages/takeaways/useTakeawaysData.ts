/**
 * The takeaways stage's narrow reads of the store, and the commands it runs. The store comes from
 * the store context (`state/storeContext.ts`), so a test can render two people at once.
 */
import { useMemo } from 'react'
import { addTakeaway, deleteTakeaway, plusOnesByTakeaway, sortedByOrder, togglePlusOne, updateTakeaway, type PlusOnes } from '../../../shared/doc/index.ts'
import type { Story, TakeawayInput, TakeawayPatch, Trend } from '../../../shared/schema/index.ts'
import { useUndoManager } from '../../sync/UndoContext.tsx'
import { selectKeyDrivers, selectParticipants, selectPlusOnes, selectStories, selectTakeaways, selectTrends } from '../../state/selectors.ts'
import { useContextStore } from '../../state/storeContext.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'

export const useTakeaways = () => useContextStore(selectTakeaways)
export const useTrendMap = () => useContextStore(selectTrends)
export const useStoryMap = () => useContextStore(selectStories)
export const useParticipants = () => useContextStore(selectParticipants)
export const useKeyDrivers = () => useContextStore(selectKeyDrivers)
export const useMyId = () => useContextStore((s) => s.participant?.id ?? null)

/** Trends and stories in the workshop's order, for the link picker (stable between renders). */
export const useOrderedTrends = (): readonly Trend[] => sortedByOrder(useTrendMap())
export const useOrderedStories = (): readonly Story[] => sortedByOrder(useStoryMap())

/** +1s per takeaway, recomputed only when takeaways or +1s change. */
export function usePlusOnes(): ReadonlyMap<string, PlusOnes> {
  const takeaways = useTakeaways()
  const plusOnes = useContextStore(selectPlusOnes)
  return useMemo(() => plusOnesByTakeaway({ takeaways, plusOnes }), [takeaways, plusOnes])
}

export interface TakeawayCommands {
  add(input: TakeawayInput): string | null
  update(id: string, patch: TakeawayPatch): void
  remove(id: string): void
  /** Returns whether my +1 is now on. */
  togglePlusOne(id: string): boolean
}

/** Commands bound to this person and the board; each is its own undo step. */
export function useTakeawayCommands(): TakeawayCommands {
  const { board } = useWorkshopDocs()
  const participantId = useMyId()
  const undo = useUndoManager()
  return useMemo(() => {
    const step = <T>(fn: () => T): T => {
      undo?.stopCapturing()
      const result = fn()
      undo?.stopCapturing()
      return result
    }
    return {
      add: (input) => (board && participantId ? step(() => addTakeaway(board, input, { participantId })) : null),
      update: (id, patch) => {
        if (board) step(() => updateTakeaway(board, id, patch))
      },
      remove: (id) => {
        if (board) step(() => deleteTakeaway(board, id))
      },
      togglePlusOne: (id) => (board && participantId ? step(() => togglePlusOne(board, id, { participantId })) : false),
    }
  }, [board, participantId, undo])
}
