/**
 * What the trends stage reads from the store, through narrow selectors: the three collections
 * it groups (so votes or stories changing elsewhere never re-render the board), the projector
 * focus and the lock.
 */
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { groupSignals, overtakenMoves, overtakerOf, settleConcurrentMoves, type Actor, type SignalGroups } from '../../../shared/doc/index.ts'
import type { Role } from '../../../shared/protocol.ts'
import { selectMemberships, selectSignals, selectTrends } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useAnnounce } from '../../ui/index.ts'
import { useMovedAway } from './movedAway.ts'
import { noteOwnMove } from './focusCard.ts'

/** Trends with their cards and the unsorted pile, derived from the snapshot only. */
export function useSignalGroups(): SignalGroups {
  const signals = useStore(selectSignals)
  const trends = useStore(selectTrends)
  const memberships = useStore(selectMemberships)
  return useMemo(() => groupSignals({ signals, trends, memberships }), [signals, trends, memberships])
}

/** The trend the facilitator has put on the projector, if any. */
export function useFocusedTrendId(): string | null {
  return useStore((s) => (s.control?.focus?.kind === 'trend' ? s.control.focus.id : null))
}

/** Who performs commands from this device; null until the identity is loaded. */
export function useActor(): Actor | null {
  const participantId = useStore((s) => s.participant?.id ?? null)
  return useMemo(() => (participantId ? { participantId } : null), [participantId])
}

/**
 * Removes the memberships a concurrent move of the same card overtook (`settleConcurrentMoves`):
 * every device already shows only the move that stands, and this keeps the other from coming
 * back when the card moves on, and tells the overtaken mover, in the trend they put it in, where it
 * went (`movedAway.ts`). Done by the facilitator's device and by the overtaken mover's own,
 * not by all sixty in the room at once; `board` is null where this device may not write it.
 */
export function useSettleConcurrentMoves(board: Y.Doc | null, role: Role, actor: Actor | null): void {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const note = useMovedAway((s) => s.note)
  const signals = useStore(selectSignals)
  const trends = useStore(selectTrends)
  const memberships = useStore(selectMemberships)
  useEffect(() => {
    if (!board || !actor) return
    const overtaken = overtakenMoves({ signals, trends, memberships })
    const own = overtaken.filter((key) => memberships.get(key)?.addedBy === actor.participantId)
    const settling = role === 'facilitator' ? overtaken : own
    if (settling.length === 0) return
    settleConcurrentMoves(board, settling)
    // The card left the trend this person put it in, with no move of theirs: say where it went.
    for (const key of own) {
      const overtaken = memberships.get(key)!
      const stands = overtakerOf({ signals, trends, memberships }, overtaken)
      if (!stands) continue
      const card = signals.get(overtaken.signalId)?.title ?? ''
      const said = t('trends.announce.movedMeanwhile', { card, trend: trends.get(stands.trendId)?.name || t('trends.unnamed') })
      // Said here: where the card now is does not say it again (see useFocusFollowsCards).
      noteOwnMove(overtaken.signalId)
      announce(said)
      note(overtaken.trendId, said)
    }
  }, [board, role, actor, signals, trends, memberships, announce, note, t])
}
