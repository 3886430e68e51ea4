/**
 * What the trends stage reads from the store, through narrow selectors: the three collections
 * it groups (so votes or stories changing elsewhere never re-render the board), the projector
 * focus and the lock.
 */
import { useMemo } from 'react'
import { groupSignals, type Actor, type SignalGroups } from '../../../shared/doc/index.ts'
import { selectMemberships, selectSignals, selectTrends } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'

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
