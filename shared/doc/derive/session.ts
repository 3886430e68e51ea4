/**
 * Derived views of the control document (and readiness from the board).
 */
import type { Timer } from '../../schema/index'
import type { BoardSnapshot, ControlSnapshot } from '../snapshot'

/** The next stage that is not skipped, or `null` at the end. */
export function nextStageId(control: Pick<ControlSnapshot, 'stages' | 'currentStageId'>): string | null {
  return neighbour(control, 1)
}

function neighbour(control: Pick<ControlSnapshot, 'stages' | 'currentStageId'>, step: 1 | -1): string | null {
  const index = control.stages.findIndex((stage) => stage.id === control.currentStageId)
  for (let i = index + step; i >= 0 && i < control.stages.length; i += step) {
    const stage = control.stages[i]
    if (stage && !stage.skipped) return stage.id
  }
  return null
}

/** Milliseconds left on the timer at `serverNow` (never negative). */
export function timerRemainingMs(timer: Timer, serverNow: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow)
  return timer.remainingMs
}

/** Who said "ready" for a stage, among those who joined. */
export function readyParticipantIds(board: Pick<BoardSnapshot, 'ready' | 'participants'>, stageId: string): string[] {
  const ids: string[] = []
  for (const entry of board.ready.values()) {
    if (entry.stageId === stageId && entry.ready && board.participants.has(entry.participantId)) ids.push(entry.participantId)
  }
  return ids.sort()
}
