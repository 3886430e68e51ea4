/**
 * The takeaways stage's narrow reads of the store, and the commands it runs. The store comes from
 * a context that defaults to the app's one store, so a test can render two people at once.
 */
import { createContext, useContext, useMemo } from 'react'
import { addTakeaway, deleteTakeaway, plusOnesByTakeaway, sortedByOrder, togglePlusOne, updateTakeaway, type PlusOnes } from '../../../shared/doc/index.ts'
import type { Participant, PlusOne, Story, Takeaway, TakeawayInput, TakeawayPatch, Trend } from '../../../shared/schema/index.ts'
import type { Role } from '../../../shared/protocol.ts'
import { useUndoManager } from '../../sync/UndoContext.tsx'
import { useStore, type AppState, type AppStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import type { Viewer } from './takeawaysModel.ts'

export const TakeawaysStoreContext = createContext<AppStore>(useStore)

export function useTakeawaysStore<T>(selector: (state: AppState) => T): T {
  return useContext(TakeawaysStoreContext)(selector)
}

const NO_TAKEAWAYS: ReadonlyMap<string, Takeaway> = new Map()
const NO_PLUS_ONES: ReadonlyMap<string, PlusOne> = new Map()
const NO_TRENDS: ReadonlyMap<string, Trend> = new Map()
const NO_STORIES: ReadonlyMap<string, Story> = new Map()
const NO_PARTICIPANTS: ReadonlyMap<string, Participant> = new Map()
const NO_IDS: readonly string[] = []

export const useTakeaways = () => useTakeawaysStore((s) => s.board?.takeaways ?? NO_TAKEAWAYS)
export const useTrendMap = () => useTakeawaysStore((s) => s.board?.trends ?? NO_TRENDS)
export const useStoryMap = () => useTakeawaysStore((s) => s.board?.stories ?? NO_STORIES)
export const useParticipants = () => useTakeawaysStore((s) => s.board?.participants ?? NO_PARTICIPANTS)
export const useKeyDrivers = () => useTakeawaysStore((s) => s.control?.keyDrivers ?? NO_IDS)
export const useMyId = () => useTakeawaysStore((s) => s.participant?.id ?? null)

/** Trends and stories in the workshop's order, for the link picker (stable between renders). */
export const useOrderedTrends = (): readonly Trend[] => sortedByOrder(useTrendMap())
export const useOrderedStories = (): readonly Story[] => sortedByOrder(useStoryMap())

/** +1s per takeaway, recomputed only when takeaways or +1s change. */
export function usePlusOnes(): ReadonlyMap<string, PlusOnes> {
  const takeaways = useTakeaways()
  const plusOnes = useTakeawaysStore((s) => s.board?.plusOnes ?? NO_PLUS_ONES)
  return useMemo(() => plusOnesByTakeaway({ takeaways, plusOnes }), [takeaways, plusOnes])
}

export function useViewer(role: Role): Viewer {
  const participantId = useMyId()
  const locked = useTakeawaysStore((s) => s.control?.locked === true)
  return useMemo(() => ({ role, participantId, locked }), [role, participantId, locked])
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
