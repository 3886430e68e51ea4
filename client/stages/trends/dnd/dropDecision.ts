/**
 * What a drop means, as a pure function, and running it as exactly one shared/doc command.
 *
 * The pointer, touch and keyboard drags, and the "Move to…" dialog all end here, so every way of
 * grouping does the same thing. The UI keeps no copy of where a card is: the command writes the
 * document and the snapshot redraws the board.
 */
import type * as Y from 'yjs'
import { createTrendFromSignals, moveSignalToTrend, standingMemberships, type Actor, type BoardSnapshot } from '../../../../shared/doc/index.ts'

/** A card being dragged: which signal, and the cluster it was picked up from (`null` = unsorted). */
export interface CardDrag {
  readonly kind: 'card'
  readonly signalId: string
  readonly fromTrendId: string | null
}

/** Where a card can land. */
export type DropTarget =
  | { readonly kind: 'trend'; readonly trendId: string }
  | { readonly kind: 'unsorted' }
  /** Another card in the unsorted pile: the two start a new trend. */
  | { readonly kind: 'card'; readonly signalId: string }

export type DropCommand =
  | { readonly kind: 'none' }
  | { readonly kind: 'move'; readonly signalId: string; readonly fromTrendId: string | null; readonly toTrendId: string | null }
  | { readonly kind: 'createTrend'; readonly targetSignalId: string; readonly draggedSignalId: string; readonly fromTrendId: string | null }

const NONE: DropCommand = Object.freeze({ kind: 'none' })

/**
 * Decides what dropping `active` on `over` does. Dropping where the card already is, on itself,
 * or on nothing does nothing.
 *
 * @example
 * decideDrop({ kind: 'card', signalId: 'a', fromTrendId: null }, { kind: 'trend', trendId: 't' })
 * // → { kind: 'move', signalId: 'a', fromTrendId: null, toTrendId: 't' }
 */
export function decideDrop(active: unknown, over: unknown): DropCommand {
  if (!isCardDrag(active) || !isDropTarget(over)) return NONE
  const { signalId, fromTrendId } = active
  switch (over.kind) {
    case 'trend':
      return over.trendId === fromTrendId ? NONE : { kind: 'move', signalId, fromTrendId, toTrendId: over.trendId }
    case 'unsorted':
      return fromTrendId === null ? NONE : { kind: 'move', signalId, fromTrendId, toTrendId: null }
    case 'card':
      return over.signalId === signalId ? NONE : { kind: 'createTrend', targetSignalId: over.signalId, draggedSignalId: signalId, fromTrendId }
  }
}

export type DropResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'moved'; readonly ok: boolean }
  /** `trendId` is null when one of the cards was deleted meanwhile. */
  | { readonly kind: 'created'; readonly trendId: string | null }

/** Runs the decided command on the board document (one transaction, one undo step). */
export function runDrop(board: Y.Doc, command: DropCommand, actor: Actor): DropResult {
  switch (command.kind) {
    case 'none':
      return { kind: 'none' }
    case 'move':
      return { kind: 'moved', ok: moveSignalToTrend(board, command.signalId, command.fromTrendId, command.toTrendId, actor) }
    case 'createTrend':
      return {
        kind: 'created',
        trendId: createTrendFromSignals(board, command.targetSignalId, command.draggedSignalId, actor, { fromTrendId: command.fromTrendId }),
      }
  }
}

// dnd-kit hands `data.current` through as `unknown`-ish records: check the shape instead of casting.
const isId = (value: unknown): value is string => typeof value === 'string' && value !== ''

export function isCardDrag(value: unknown): value is CardDrag {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<CardDrag>
  return v.kind === 'card' && isId(v.signalId) && (v.fromTrendId === null || isId(v.fromTrendId))
}

export function isDropTarget(value: unknown): value is DropTarget {
  if (!value || typeof value !== 'object') return false
  const v = value as { kind?: unknown; trendId?: unknown; signalId?: unknown }
  if (v.kind === 'trend') return isId(v.trendId)
  if (v.kind === 'unsorted') return true
  if (v.kind === 'card') return isId(v.signalId)
  return false
}

/** The memberships that put cards in trends on `board` (none without one), for `carriedFromWhereItIsNow`. */
export function standingOn(board: BoardSnapshot | null): Iterable<{ trendId: string; signalId: string }> {
  return board ? standingMemberships(board).values() : []
}

/**
 * A carried card's data when someone else moved the card during the drag (dnd-kit then loses it):
 * the card picked up, from where it is now, when that is one place (a trend or the unsorted pile),
 * so a drop on another trend moves it there rather than leaving it in both. In several trends, the
 * place it was picked up from.
 */
export function carriedFromWhereItIsNow(drag: CardDrag, memberships: Iterable<{ trendId: string; signalId: string }>): CardDrag {
  const trends: string[] = []
  for (const membership of memberships) if (membership.signalId === drag.signalId) trends.push(membership.trendId)
  return trends.length > 1 ? drag : { ...drag, fromTrendId: trends[0] ?? null }
}
