import { useCallback } from 'react'
import { setReady } from '../../../shared/doc/index.ts'
import { useContextStore } from '../../state/storeContext.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { useAssessCommands } from './useAssessData.ts'

/**
 * Says "I'm done" for the person, as their own tap on it would: placing every trend and giving
 * every dot is this stage's work, so the room's "7 of 12 ready" agrees with the projector's "7 of
 * 12 have given all their dots" (it read "0 of 6 ready" beside a finished vote). Called by the
 * action of theirs that completes the work, never by a change arriving from elsewhere (another
 * device, an undo, a reload): someone who took it back keeps their choice. Outside undo, as the
 * toggle itself; unnamed people are not counted, so nothing is written for them.
 */
export function useSayDone(stageId: string): () => void {
  const { board, actor } = useAssessCommands()
  const named = useContextStore((s) => (s.participant?.name ?? '') !== '')
  const manager = useUndoManager()
  return useCallback(() => {
    if (board && actor && named) outsideUndo(manager, () => setReady(board, stageId, true, actor))
  }, [board, actor, named, manager, stageId])
}
