/**
 * The assess stage: each participant places trends on the impact × uncertainty grid and gives dot
 * votes within the stage's budget.
 */
import type * as Y from 'yjs'
import { randomId } from '../../util/ids'
import { assessmentKey, deleteRecord, hasRecord, insertRecord, listRecords, patchRecord } from '../collections'
import { checkActor, command, now, type Actor } from './command'

/**
 * Places (or moves) the actor's own marker for a trend. Values are clamped to 0..1 so a drag
 * that overshoots the grid still lands on its edge. Returns `false` when the trend is gone.
 *
 * @example
 * placeAssessment(board, { trendId, impact: 0.8, uncertainty: 0.3 }, me)
 */
export function placeAssessment(doc: Y.Doc, input: { trendId: string; impact: number; uncertainty: number }, actor: Actor): boolean {
  checkActor(actor)
  if (!Number.isFinite(input.impact) || !Number.isFinite(input.uncertainty)) throw new RangeError('placement must be finite')
  const impact = clampUnit(input.impact)
  const uncertainty = clampUnit(input.uncertainty)
  return command(doc, () => {
    if (!hasRecord(doc, 'trends', input.trendId)) return false
    const key = assessmentKey(input.trendId, actor.participantId)
    // Patch in place when it exists: a second device of the same person moves the same marker.
    if (patchRecord(doc, 'assessments', key, { impact, uncertainty })) return true
    insertRecord(doc, 'assessments', { trendId: input.trendId, participantId: actor.participantId, impact, uncertainty })
    return true
  })
}

/** Takes the actor's marker off a trend. */
export function removeAssessment(doc: Y.Doc, trendId: string, actor: Actor): boolean {
  checkActor(actor)
  return command(doc, () => deleteRecord(doc, 'assessments', assessmentKey(trendId, actor.participantId)))
}

/** What decides whether a vote is accepted; read from the control document by the caller. */
export interface VoteRules {
  /** The stage's `settings.votesPerPerson`. */
  readonly votesPerPerson: number
  /** The facilitator closed voting for this stage (`session.assessClosed[stageId]`). */
  readonly closed?: boolean
}

export type VoteResult =
  | { readonly ok: true; readonly voteId: string; readonly remaining: number }
  | { readonly ok: false; readonly reason: 'budgetSpent' | 'closed' | 'unknownTrend'; readonly remaining: number }

/**
 * Gives one dot to a trend, refusing when the actor's budget for the stage is spent. A person
 * may stack several dots on one trend. Votes on deleted trends do not count against the budget.
 *
 * The budget is checked on this replica: one person voting from two devices while offline could
 * overspend; `voteTotals` counts at most the budget per person, so results stay fair anyway.
 *
 * @example
 * const result = castVote(board, { trendId, stageId }, me, { votesPerPerson: 3 })
 * if (!result.ok) showMessage(result.reason) // 'budgetSpent'
 */
export function castVote(doc: Y.Doc, input: { trendId: string; stageId: string }, actor: Actor, rules: VoteRules): VoteResult {
  checkActor(actor)
  return command(doc, (): VoteResult => {
    const spent = votesSpent(doc, input.stageId, actor)
    const remaining = Math.max(0, rules.votesPerPerson - spent)
    if (rules.closed) return { ok: false, reason: 'closed', remaining }
    if (!hasRecord(doc, 'trends', input.trendId)) return { ok: false, reason: 'unknownTrend', remaining }
    if (remaining === 0) return { ok: false, reason: 'budgetSpent', remaining }
    const voteId = randomId()
    insertRecord(doc, 'votes', { id: voteId, participantId: actor.participantId, ...input, createdAt: now() })
    return { ok: true, voteId, remaining: remaining - 1 }
  })
}

/** Takes back one of the actor's dots on a trend in a stage. Returns `false` when there is none. */
export function retractVote(doc: Y.Doc, input: { trendId: string; stageId: string }, actor: Actor): boolean {
  checkActor(actor)
  return command(doc, () => {
    const mine = listRecords(doc, 'votes').filter(
      (vote) => vote.participantId === actor.participantId && vote.trendId === input.trendId && vote.stageId === input.stageId,
    )
    // The newest goes first; ids break ties so every replica would pick the same one.
    mine.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
    const vote = mine[0]
    return vote ? deleteRecord(doc, 'votes', vote.id) : false
  })
}

/** How many of the actor's votes in the stage count (those on existing trends). */
export function votesSpent(doc: Y.Doc, stageId: string, actor: Actor): number {
  checkActor(actor)
  let spent = 0
  for (const vote of listRecords(doc, 'votes')) {
    if (vote.participantId === actor.participantId && vote.stageId === stageId && hasRecord(doc, 'trends', vote.trendId)) spent++
  }
  return spent
}

function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value))
}
