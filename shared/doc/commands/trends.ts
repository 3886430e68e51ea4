/**
 * Trends and the signals behind them.
 *
 * A signal backs a trend through a membership record keyed `trendId|signalId`. "Unsorted" is not
 * stored: it is every signal with no membership to an existing trend (see `derive/board.ts`).
 * So concurrent moves never lose a card: a card dropped on a trend someone is deleting falls back
 * to unsorted. A move names the place the card left (`movedFrom`), so that two people moving the
 * same card out of the same place at once leave it in one trend, the later mover's, and not in
 * both as "Also supports" would (`standingMemberships`, `settleConcurrentMoves`).
 */
import type * as Y from 'yjs'
import { MOVED_FROM_UNSORTED, TREND_DEFAULTS, TrendPatchSchema, type Membership, type TrendPatch } from '../../schema/index'
import { overtakenAmong } from '../derive/board'
import { randomId } from '../../util/ids'
import { deleteRecord, getRecord, hasRecord, insertRecord, listRecords, membershipKey, orderFor, patchRecord } from '../collections'
import { boardCollection } from '../roots'
import { SETTLE_ORIGIN } from '../origin'
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
    settleCard(doc, signalId)
    const movedFrom = fromTrendId === toTrendId ? undefined : placeLeft(doc, signalId, fromTrendId, true)
    if (fromTrendId !== null && fromTrendId !== toTrendId) deleteRecord(doc, 'memberships', membershipKey(fromTrendId, signalId))
    if (toTrendId !== null) placeInTrend(doc, signalId, toTrendId, actor, options.before ?? null, movedFrom)
    return true
  })
}

/** "Also supports…": the signal backs one more trend and stays where it was. */
export function addSignalToTrend(doc: Y.Doc, signalId: string, trendId: string, actor: Actor): boolean {
  checkActor(actor)
  return command(doc, () => {
    if (!hasRecord(doc, 'signals', signalId) || !hasRecord(doc, 'trends', trendId)) return false
    settleCard(doc, signalId)
    placeInTrend(doc, signalId, trendId, actor, null)
    return true
  })
}

/**
 * Removes the memberships that a concurrent move of the same card overtook (see
 * `standingMemberships`): they are not shown, and left in place one of them would come back
 * once the card moves on from the one that stands. Devices that remove them compute the same
 * ones, so removing them twice is harmless. Returns how many it removed.
 */
export function settleConcurrentMoves(doc: Y.Doc, keys: readonly string[]): number {
  let removed = 0
  doc.transact(() => {
    for (const key of keys) if (deleteRecord(doc, 'memberships', key)) removed++
  }, SETTLE_ORIGIN)
  return removed
}

export function removeSignalFromTrend(doc: Y.Doc, signalId: string, trendId: string): boolean {
  return command(doc, () => {
    // A hidden move left behind would show the card in its trend in place of Unsorted.
    settleCard(doc, signalId)
    return deleteRecord(doc, 'memberships', membershipKey(trendId, signalId))
  })
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
    for (const signalId of [targetSignalId, draggedSignalId]) settleCard(doc, signalId)
    // Both cards move: an unsorted target leaves the pile as the dragged card leaves its place.
    const targetFrom = placeLeft(doc, targetSignalId, null)
    const movedFrom = placeLeft(doc, draggedSignalId, options.fromTrendId ?? null)
    placeInTrend(doc, targetSignalId, trendId, actor, null, targetFrom)
    placeInTrend(doc, draggedSignalId, trendId, actor, null, movedFrom)
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
    // A suggested group is made of unsorted cards: accepting it moves those that still are.
    for (const signalId of signalIds) {
      if (!hasRecord(doc, 'signals', signalId)) continue
      settleCard(doc, signalId)
      placeInTrend(doc, signalId, trendId, actor, null, placeLeft(doc, signalId, null))
    }
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

/** How long after someone else's move of a card out of the pile a move of it seen there still meets it: a menu left open, a slow drag. */
const SAME_MOMENT_MS = 60_000

/**
 * What moving `signalId` out of `fromTrendId` (null: the unsorted pile) leaves, as `movedFrom`
 * names it; undefined where it is not there (the card backs a trend it was linked to, or left
 * that one meanwhile), so that the move then adds to where the card is, as "Also supports" does. A card that got where
 * it is by a move names where that move started: moved on (to T3) while someone else moved it
 * from the same start (to T2), it still meets that other move.
 */
function placeLeft(doc: Y.Doc, signalId: string, fromTrendId: string | null, seenInPile = false): string | undefined {
  if (fromTrendId === null) {
    const memberships = membershipsOf(doc, signalId)
    if (memberships.length === 0) return MOVED_FROM_UNSORTED
    // A person's move of a card they saw in the pile, which someone else moved out of it just
    // before (that move arrived while their menu was open, or during their drag): the same place
    // left at the same moment, so the later move stands. Before, it was added beside the other,
    // as a link. Not for an older move, nor for other commands (a suggestion accepted minutes
    // after a card was sorted adds it, as before).
    const justMoved = (m: Membership) => m.movedFrom === MOVED_FROM_UNSORTED && m.movedAt !== undefined && now() - m.movedAt < SAME_MOMENT_MS
    return seenInPile && memberships.some(justMoved) ? MOVED_FROM_UNSORTED : undefined
  }
  const key = membershipKey(fromTrendId, signalId)
  const left = getRecord(doc, 'memberships', key)
  return left ? (left.movedFrom ?? left.id ?? key) : undefined
}

/** The card's memberships whose trend exists, read by key (`trendId|signalId`): no record parsed but theirs. */
function membershipsOf(doc: Y.Doc, signalId: string): Membership[] {
  const found: Membership[] = []
  for (const key of boardCollection(doc, 'memberships').keys()) {
    if (!key.endsWith(`|${signalId}`) || !hasRecord(doc, 'trends', key.slice(0, key.indexOf('|')))) continue
    const membership = getRecord(doc, 'memberships', key)
    if (membership?.signalId === signalId) found.push(membership)
  }
  return found
}

/**
 * Removes the card's memberships that a concurrent move overtook, in the command about to change
 * where the card is: hidden, one would otherwise come back when the one that stands goes, or
 * block a move onto its key.
 */
export function settleCard(doc: Y.Doc, signalId: string): void {
  for (const m of overtakenAmong(membershipsOf(doc, signalId))) deleteRecord(doc, 'memberships', membershipKey(m.trendId, m.signalId))
}

function placeInTrend(doc: Y.Doc, signalId: string, trendId: string, actor: Actor, before: string | null, movedFrom?: string): void {
  const key = membershipKey(trendId, signalId)
  const existing = getRecord(doc, 'memberships', key)
  if (existing && before === null) return
  const order = orderFor(doc, 'memberships', {
    before: before === null ? null : membershipKey(trendId, before),
    exclude: key,
    where: (entry) => entry.get('trendId') === trendId,
  })
  if (existing) patchRecord(doc, 'memberships', key, { order })
  else {
    const move = movedFrom === undefined ? {} : { movedFrom, movedAt: now() }
    insertRecord(doc, 'memberships', { trendId, signalId, order, addedBy: actor.participantId, id: randomId(), ...move })
  }
}
