import { useEffect, useRef } from 'react'
import { setReady } from '../../../shared/doc/index.ts'
import { useContextStore } from '../../state/storeContext.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { useAssessCommands } from './useAssessData.ts'

/**
 * Placing every trend and giving the last dot is this stage's work done, so the person's "I'm
 * done" turns on as it happens: the room's "7 of 12 ready" then agrees with the projector's "7 of
 * 12 have given all their dots" (it read "0 of 6 ready" beside a finished vote). Only at that
 * moment, on this screen: someone who then takes it back, or reloads, keeps their choice. Outside
 * undo, as the toggle itself; unnamed people are not counted, so nothing is written for them.
 */
export function useReadyWhenFinished(stageId: string, finished: boolean): void {
  const { board, actor } = useAssessCommands()
  const named = useContextStore((s) => (s.participant?.name ?? '') !== '')
  const manager = useUndoManager()
  const wasFinished = useRef(finished)
  useEffect(() => {
    const justFinished = finished && !wasFinished.current
    wasFinished.current = finished
    if (justFinished && board && actor && named) outsideUndo(manager, () => setReady(board, stageId, true, actor))
  }, [finished, board, actor, named, manager, stageId])
}
