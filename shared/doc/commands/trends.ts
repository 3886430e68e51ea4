/**
 * Trends and the signals behind them.
 *
 * A signal backs a trend through a membership record keyed `trendId|signalId`. "Unsorted" is not
 * stored: it is every signal with no membership to an existing trend (see `derive/board.ts`).
 * So concurrent moves never duplicate a card or lose one: two people dropping the same card on
 * two trends leave it backing both; a card dropped on a trend someone is deleting falls back to
 * unsorted.
 */
import type * as Y from 'yjs'
import { TREND_DEFAULTS, TrendPatchSchema, type TrendPatch } from '../../schema/index'
import { randomId } from '../../util/ids'
import { deleteRecord, getRecord, hasRecord, insertRecord, listRecords, membershipKey, orderFor, patchRecord } from '../collections'
import { boardCollection } from '../roots'
import { checkActor, command, now, type Actor } from './command'

/**
 * Creates a trend at the end of the list and returns its id.
 *
 * @example
 * const trendId = createTrend(board, { name: 'Care moves home' }, me)
 */
export function createTrend(doc: Y.Doc, input: TrendPatch, actor: Actor): string {
  checkActor(actor)
  const fields = TrendPatchSchema.parse(input)
  return command(doc, () => insertTrend(doc, fields, actor))
}

/** Writes the given fields of a trend (name, narrative, opportunities, challenges). */
export function updateTrend(doc: Y.Doc, id: string, patch: TrendPatch): boolean {
  const fields = TrendPatchSchema.parse(patch)
  return command(doc, () => patchRecord(doc, 'trends', id, fields))
}

export function renameTrend(doc: Y.Doc, id: string, name: string): boolean {
  return updateTrend(doc, id, { name })
}

/**
 * Deletes a trend with what only makes sense on it: memberships (its signals return to
 * unsorted), placements, votes and its futures wheel. One transaction, so one undo brings all
 * of it back.
 */
export function deleteTrend(doc: Y.Doc, id: string): boolean {
  return command(doc, () => {
    for (const name of ['memberships', 'assessments'] as const) {
      const root = boardCollection(doc, name)
      for (const key of [...root.keys()]) if (key.startsWith(`${id}|`)) root.delete(key)
    }
    for (const vote of listRecords(doc, 'votes')) if (vote.trendId === id) deleteRecord(doc, 'votes', vote.id)
    for (const node of listRecords(doc, 'wheelNodes')) if (node.trendId === id) deleteRecord(doc, 'wheelNodes', node.id)
    return deleteRecord(doc, 'trends', id)
  })
}

/** Moves a trend in the list: before `beforeId`, or to the end when `null`. */
export function reorderTrend(doc: Y.Doc, id: string, beforeId: string | null): boolean {
  return command(doc, () => patchRecord(doc, 'trends', id, { order: orderFor(doc, 'trends', { before: beforeId, exclude: id }) }))
}

/**
 * Drags a signal from one place to another; `null` is the unsorted pile. Leaving a trend removes
 * only that membership (the signal still backs its other trends). Landing on a trend it already
 * backs just reorders it there. `before` places it before another signal of the target trend.
 *
 * @example
 * moveSignalToTrend(board, signalId, null, trendId, me)        // unsorted → trend
 * moveSignalToTrend(board, signalId, trendA, trendB, me)      // between trends
 * moveSignalToTrend(board, signalId, trendB, null, me)        // back to unsorted
 */
export function moveSignalToTrend(
  doc: Y.Doc,
  signalId: string,
  fromTrendId: string | null,
  toTrendId: string | null,
  actor: Actor,
  options: { before?: string | null } = {},
): boolean {
  checkActor(actor)
  return command(doc, () => {
    if (!hasRecord(doc, 'signals', signalId)) return false
    if (toTrendId !== null && !hasRecord(doc, 'trends', toTrendId)) return false
    if (fromTrendId !== null && fromTrendId !== toTrendId) deleteRecord(doc, 'memberships', membershipKey(fromTrendId, signalId))
    if (toTrendId !== null) placeInTrend(doc, signalId, toTrendId, actor, options.before ?? null)
    return true
  })
}

/** "Also supports…": the signal backs one more trend and stays where it was. */
export function addSignalToTrend(doc: Y.Doc, signalId: string, trendId: string, actor: Actor): boolean {
  checkActor(actor)
  return moveSignalToTrend(doc, signalId, null, trendId, actor)
}

export function removeSignalFromTrend(doc: Y.Doc, signalId: string, trendId: string): boolean {
  return command(doc, () => deleteRecord(doc, 'memberships', membershipKey(trendId, signalId)))
}

/**
 * Dropping one card on another: a new, unnamed trend backed by both. When the dragged card came
 * out of a trend (`fromTrendId`), it leaves that one. Returns the new trend's id, or `null`
 * when a card is missing.
 *
 * @example
 * const trendId = createTrendFromSignals(board, targetId, draggedId, me)
 */
export function createTrendFromSignals(
  doc: Y.Doc,
  targetSignalId: string,
  draggedSignalId: string,
  actor: Actor,
  options: { fromTrendId?: string | null; name?: string } = {},
): string | null {
  checkActor(actor)
  const fields = TrendPatchSchema.parse({ name: options.name ?? '' })
  return command(doc, () => {
    if (targetSignalId === draggedSignalId) return null
    if (!hasRecord(doc, 'signals', targetSignalId) || !hasRecord(doc, 'signals', draggedSignalId)) return null
    const trendId = insertTrend(doc, fields, actor)
    placeInTrend(doc, targetSignalId, trendId, actor, null)
    placeInTrend(doc, draggedSignalId, trendId, actor, null)
    if (options.fromTrendId) deleteRecord(doc, 'memberships', membershipKey(options.fromTrendId, draggedSignalId))
    return trendId
  })
}

/**
 * A new trend backed by the given signals, in one transaction (one undo step): how a facilitator
 * accepts a suggested group. Signals that no longer exist are skipped; the trend is created even
 * when none is left, so an accept is never lost silently. Returns the trend's id.
 *
 * @example
 * const trendId = createTrendWithSignals(board, { name: 'Care moves home' }, ['s1', 's2', 's3'], facilitator)
 */
export function createTrendWithSignals(doc: Y.Doc, input: TrendPatch, signalIds: readonly string[], actor: Actor): string {
  checkActor(actor)
  const fields = TrendPatchSchema.parse(input)
  return command(doc, () => {
    const trendId = insertTrend(doc, fields, actor)
    for (const signalId of signalIds) if (hasRecord(doc, 'signals', signalId)) placeInTrend(doc, signalId, trendId, actor, null)
    return trendId
  })
}

function insertTrend(doc: Y.Doc, fields: TrendPatch, actor: Actor): string {
  const id = randomId()
  insertRecord(doc, 'trends', {
    id,
    ...TREND_DEFAULTS,
    ...fields,
    order: orderFor(doc, 'trends'),
    createdBy: actor.participantId,
    createdAt: now(),
  })
  return id
}

function placeInTrend(doc: Y.Doc, signalId: string, trendId: string, actor: Actor, before: string | null): void {
  const key = membershipKey(trendId, signalId)
  const existing = getRecord(doc, 'memberships', key)
  if (existing && before === null) return
  const order = orderFor(doc, 'memberships', {
    before: before === null ? null : membershipKey(trendId, before),
    exclude: key,
    where: (entry) => entry.get('trendId') === trendId,
  })
  if (existing) patchRecord(doc, 'memberships', key, { order })
  else insertRecord(doc, 'memberships', { trendId, signalId, order, addedBy: actor.participantId })
}
