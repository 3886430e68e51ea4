/**
 * The wheel stage's narrow reads of the store, and the commands it runs.
 *
 * The store comes from the store context (`state/storeContext.ts`), so a test can render two
 * people at once, each with their own store and documents.
 */
import { useMemo } from 'react'
import { addWheelNode, deleteWheelNode, updateWheelNode, wheelTree, type WheelTreeNode } from '../../../shared/doc/index.ts'
import type { WheelNode, WheelNodePatch } from '../../../shared/schema/index.ts'
import { selectGroups, selectKeyDrivers, selectParticipants, selectTrends, selectWheelNodes } from '../../state/selectors.ts'
import { useContextStore } from '../../state/storeContext.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { useUndoManager } from '../../sync/UndoContext.tsx'

export const useTrends = () => useContextStore(selectTrends)
export const useWheelNodes = () => useContextStore(selectWheelNodes)
export const useParticipants = () => useContextStore(selectParticipants)
export const useKeyDrivers = () => useContextStore(selectKeyDrivers)
export const useGroups = () => useContextStore(selectGroups)
export const useMyId = () => useContextStore((s) => s.participant?.id ?? null)
export const useWorkshopId = () => useContextStore((s) => s.session?.workshopId ?? null)
/** The trend whose wheel the facilitator put on the projector, if any. */
export const useWheelOnScreen = () => useContextStore((s) => (s.control?.focus?.kind === 'wheel' ? s.control.focus.id : null))

/**
 * One wheel as a tree. `wheelTree` is recomputed only when the nodes or trends change; a change
 * on another wheel still gives a new tree here, which the memoised rows below absorb.
 */
export function useWheelTree(trendId: string): readonly WheelTreeNode[] {
  const trends = useTrends()
  const wheelNodes = useWheelNodes()
  return useMemo(() => wheelTree({ trends, wheelNodes }, trendId), [trends, wheelNodes, trendId])
}

export interface WheelCommands {
  /** Adds a consequence; returns its id, or null if it could not be added (documents not open, parent gone). */
  add(parentId: string | null, text: string, valence: WheelNode['valence']): string | null
  update(id: string, patch: WheelNodePatch): void
  /** Deletes a consequence with everything that follows from it; returns how many went. */
  remove(id: string): number
}

/** Commands for one wheel, bound to this person, the board and their group. */
export function useWheelCommands(trendId: string, groupId: string | null): WheelCommands {
  const { board } = useWorkshopDocs()
  const participantId = useMyId()
  const undo = useUndoManager()
  return useMemo(
    () => ({
      add(parentId, text, valence) {
        if (!board || !participantId) return null
        // Each added consequence is its own undo step, however fast the next one follows.
        undo?.stopCapturing()
        const id = addWheelNode(board, { trendId, parentId, text, valence, groupId }, { participantId })
        undo?.stopCapturing()
        return id
      },
      update(id, patch) {
        if (board) updateWheelNode(board, id, patch)
      },
      remove(id) {
        if (!board) return 0
        undo?.stopCapturing()
        return deleteWheelNode(board, id)
      },
    }),
    [board, participantId, trendId, groupId, undo],
  )
}
