/**
 * When moving the room away from its stage asks first: only when something would be lost or hidden
 * (private cards nobody has seen, a vote whose result nobody has seen, time still on a running
 * timer, cards left out of every trend on the way to the assessment), never because people did not
 * press "I'm done" — readiness is shown, not waited for. Pure, so the rule is tested without a
 * browser.
 */
import type { Session } from '../../../../shared/schema/session.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'

export type LeaveReason =
  /** Cards written in the private round that the room has not seen. */
  | { kind: 'privateCards'; count: number }
  /** The assessment is still open: the group's result has not been shown. */
  | { kind: 'openVote' }
  /** The stage's timer is running with time left (read live where it is shown: it ticks on while asking). */
  | { kind: 'timerRunning'; stageId: string }
  /**
   * Signals in no trend, leaving the trends stage for an assessment or past one: the assessment
   * places trends, so these drop out of it. Going back to add signals is no loss.
   */
  | { kind: 'unsortedCards'; count: number }

export interface LeaveFacts {
  /** The room's stage now (null before the start: nothing to lose). */
  current: Stage | null
  session: Pick<Session, 'privateMode' | 'privateCounts' | 'assessClosed' | 'timer'>
  /** Whole seconds left on the room's timer, from the server clock. */
  secondsLeft: number
  /** Signals in no trend on the board. */
  unsorted: number
  /** The stages the room goes through, in order (skipped ones left out). */
  steps: readonly Stage[]
}

/** What leaving `facts.current` for `target` now would lose or hide, most serious first; empty: just go. */
export function leaveReasons({ current, session, secondsLeft, unsorted, steps }: LeaveFacts, target: Stage): LeaveReason[] {
  if (!current) return []
  const reasons: LeaveReason[] = []
  const waiting = Object.values(session.privateCounts).reduce((sum, entry) => sum + entry.count, 0)
  // Cards in drafts are hidden whatever the stage; the round itself belongs to the signals stage.
  if (waiting > 0 && (session.privateMode.on || current.kind === 'signals')) reasons.push({ kind: 'privateCards', count: waiting })
  if (current.kind === 'assess' && session.assessClosed[current.id] !== true) reasons.push({ kind: 'openVote' })
  if (current.kind === 'trends' && unsorted > 0 && assessesOnTheWay(steps, current, target)) reasons.push({ kind: 'unsortedCards', count: unsorted })
  if (session.timer.stageId === current.id && session.timer.status === 'running' && secondsLeft > 0) reasons.push({ kind: 'timerRunning', stageId: current.id })
  return reasons
}

/** Whether going from `current` to `target` reaches an assessment (a workshop may have none, or skip it). */
function assessesOnTheWay(steps: readonly Stage[], current: Stage, target: Stage): boolean {
  return steps.some((step) => step.kind === 'assess' && step.order > current.order && step.order <= target.order)
}
