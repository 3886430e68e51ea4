/**
 * Everything a card or a cluster can do, as one stable object handed down through context.
 *
 * Stable on purpose: a card's props are only its record and where it sits, so a memoised card
 * re-renders when its signal changes and not when any callback is re-created. The functions read
 * the latest documents, person and language through a ref.
 */
import { createContext, useContext, useLayoutEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type * as Y from 'yjs'
import {
  addSignalToTrend,
  createTrend,
  deleteTrend,
  moveSignalToTrend,
  removeSignalFromTrend,
  setFocus,
  standingMemberships,
  updateTrend,
  currentFieldWrite,
  meetsOwnWrites,
  type Actor,
  type FieldWrite,
  type OwnWritesMeeting,
} from '../../../shared/doc/index.ts'
import type { TrendPatch } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'
import { useAnnounce } from '../../ui/index.ts'
import { runDrop, type DropCommand, type DropResult } from './dnd/dropDecision.ts'
import { createNameFocus } from './nameFocus.ts'
import { noteOwnMove } from './focusCard.ts'

export interface TrendsActions {
  /** Opens the "Move to…" dialog of a card (where it sits: `fromTrendId`, null = unsorted). */
  openCard(signalId: string, fromTrendId: string | null): void
  /** A drop from any drag (pointer, touch, keyboard); focuses the name of a trend it created. */
  drop(command: DropCommand): DropResult
  move(signalId: string, fromTrendId: string | null, toTrendId: string | null): void
  /** "Also supports": the card backs one more trend and stays where it is. */
  support(signalId: string, trendId: string): void
  removeFromTrend(signalId: string, trendId: string): void
  /** A new empty trend at the end, with its name field focused; with a card, the card moves in. */
  newTrend(withSignal?: { signalId: string; fromTrendId: string | null }): void
  updateTrend(trendId: string, patch: TrendPatch): boolean
  /** The save that wrote a field's current value: after this device's save, that save. */
  fieldWrite(trendId: string, field: keyof TrendPatch): FieldWrite | null
  /** Where the field's current value stands to this device's saves of it (saves that crossed, see `meetsOwnWrites`). */
  meetsOwnWrites(trendId: string, field: keyof TrendPatch, saves: readonly FieldWrite[]): OwnWritesMeeting
  /** Deletes an empty trend at once; asks first when it has cards or text. */
  askDelete(trendId: string): void
  deleteTrend(trendId: string): void
  /** Facilitator: show this trend on the projector, or stop showing it. */
  toggleOnScreen(trendId: string): void
  /** Name fields register here so a trend created by a drop can take the focus once it renders. */
  nameFocus: ReturnType<typeof createNameFocus>
}

const TrendsActionsContext = createContext<TrendsActions | null>(null)

export const TrendsActionsProvider = TrendsActionsContext.Provider

export function useTrendsActions(): TrendsActions {
  const actions = useContext(TrendsActionsContext)
  if (!actions) throw new Error('useTrendsActions outside the trends board')
  return actions
}

interface Deps {
  board: Y.Doc | null
  control: Y.Doc | null
  actor: Actor | null
  t: TFunction
  announce: (message: string) => void
  openCard(signalId: string, fromTrendId: string | null): void
  openDeleteConfirm(trendId: string): void
}

/** The names people see, for announcements: read at the moment of the action, from the snapshot. */
function labels(t: TFunction) {
  const board = useStore.getState().board
  return {
    trend: (id: string | null) => (id === null ? t('trends.unsorted.title') : board?.trends.get(id)?.name || t('trends.unnamed')),
    card: (id: string) => board?.signals.get(id)?.title ?? '',
  }
}

/** "“…” moved to “…”." (or back to Unsorted), as said after a move: this person's, or one they see happen. */
export function moveAnnouncement(t: TFunction, signalId: string, toTrendId: string | null): string {
  const name = labels(t)
  return t(toTrendId === null ? 'trends.announce.movedToUnsorted' : 'trends.announce.moved', { card: name.card(signalId), trend: name.trend(toTrendId) })
}

export function useTrendsActionsValue(deps: Omit<Deps, 't' | 'announce'>): TrendsActions {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const latest = useRef<Deps>({ ...deps, t, announce })
  // Actions run from event handlers, after a commit: the committed values are the ones to use.
  useLayoutEffect(() => {
    latest.current = { ...deps, t, announce }
  })

  return useMemo<TrendsActions>(() => {
    const nameFocus = createNameFocus()
    const withBoard = <R,>(fn: (board: Y.Doc, actor: Actor, d: Deps) => R): R | undefined => {
      const d = latest.current
      return d.board && d.actor ? fn(d.board, d.actor, d) : undefined
    }
    const announceMove = (d: Deps, signalId: string, toTrendId: string | null) => d.announce(moveAnnouncement(d.t, signalId, toTrendId))

    const actions: TrendsActions = {
      nameFocus,
      openCard: (signalId, fromTrendId) => latest.current.openCard(signalId, fromTrendId),
      drop: (command) =>
        withBoard((board, actor) => {
          if (command.kind === 'move') noteOwnMove(command.signalId)
          if (command.kind === 'createTrend') noteOwnMove(command.draggedSignalId)
          const result = runDrop(board, command, actor)
          if (result.kind === 'created' && result.trendId) nameFocus.request(result.trendId)
          return result
        }) ?? { kind: 'none' },
      move: (signalId, fromTrendId, toTrendId) =>
        withBoard((board, actor, d) => {
          noteOwnMove(signalId)
          if (moveSignalToTrend(board, signalId, fromTrendId, toTrendId, actor)) announceMove(d, signalId, toTrendId)
        }),
      support: (signalId, trendId) =>
        withBoard((board, actor, d) => {
          if (!addSignalToTrend(board, signalId, trendId, actor)) return
          const name = labels(d.t)
          d.announce(d.t('trends.announce.supports', { card: name.card(signalId), trend: name.trend(trendId) }))
        }),
      removeFromTrend: (signalId, trendId) =>
        withBoard((board, _actor, d) => {
          const name = labels(d.t)
          const before = { card: name.card(signalId), trend: name.trend(trendId) }
          noteOwnMove(signalId)
          if (removeSignalFromTrend(board, signalId, trendId)) d.announce(d.t('trends.announce.removed', before))
        }),
      newTrend: (withSignal) =>
        withBoard((board, actor) => {
          const trendId = createTrend(board, {}, actor)
          if (withSignal) {
            noteOwnMove(withSignal.signalId)
            moveSignalToTrend(board, withSignal.signalId, withSignal.fromTrendId, trendId, actor)
          }
          nameFocus.request(trendId)
        }),
      updateTrend: (trendId, patch) =>
        withBoard((board) => {
          try {
            return updateTrend(board, trendId, patch)
          } catch {
            return false // over a limit the field already enforces; nothing was written
          }
        }) ?? false,
      fieldWrite: (trendId, field) => withBoard((board) => currentFieldWrite(board, 'trends', trendId, field)) ?? null,
      meetsOwnWrites: (trendId, field, saves) => withBoard((board) => meetsOwnWrites(board, 'trends', trendId, field, saves)) ?? 'unknown',
      askDelete: (trendId) => {
        const board = useStore.getState().board
        const trend = board?.trends.get(trendId)
        if (!board || !trend) return
        const hasText = trend.name !== '' || trend.narrative !== '' || trend.opportunities !== '' || trend.challenges !== ''
        const hasCards = [...standingMemberships(board).values()].some((m) => m.trendId === trendId)
        if (hasText || hasCards) latest.current.openDeleteConfirm(trendId)
        else actions.deleteTrend(trendId)
      },
      deleteTrend: (trendId) =>
        withBoard((board, _actor, d) => {
          const name = labels(d.t).trend(trendId)
          if (deleteTrend(board, trendId)) d.announce(d.t('trends.announce.deleted', { trend: name }))
        }),
      toggleOnScreen: (trendId) => {
        const { control } = latest.current
        if (!control) return
        const focus = useStore.getState().control?.focus
        const showing = focus?.kind === 'trend' && focus.id === trendId
        setFocus(control, showing ? null : { kind: 'trend', id: trendId })
      },
    }
    return actions
  }, [])
}
