/**
 * What the trends stage reads from the store, through narrow selectors: the three collections
 * it groups (so votes or stories changing elsewhere never re-render the board), the projector
 * focus and the lock.
 */
import { useMemo } from 'react'
import { groupSignals, type Actor, type SignalGroups } from '../../../shared/doc/index.ts'
import type { Membership, Signal, Trend } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'

const NO_SIGNALS: ReadonlyMap<string, Signal> = new Map()
const NO_TRENDS: ReadonlyMap<string, Trend> = new Map()
const NO_MEMBERSHIPS: ReadonlyMap<string, Membership> = new Map()

/** Trends with their cards and the unsorted pile, derived from the snapshot only. */
export function useSignalGroups(): SignalGroups {
  const signals = useStore((s) => s.board?.signals ?? NO_SIGNALS)
  const trends = useStore((s) => s.board?.trends ?? NO_TRENDS)
  const memberships = useStore((s) => s.board?.memberships ?? NO_MEMBERSHIPS)
  return useMemo(() => groupSignals({ signals, trends, memberships }), [signals, trends, memberships])
}

/** The trend the facilitator has put on the projector, if any. */
export function useFocusedTrendId(): string | null {
  return useStore((s) => (s.control?.focus?.kind === 'trend' ? s.control.focus.id : null))
}

export function useLocked(): boolean {
  return useStore((s) => s.control?.locked ?? false)
}

/** Who performs commands from this device; null until the identity is loaded. */
export function useActor(): Actor | null {
  const participantId = useStore((s) => s.participant?.id ?? null)
  return useMemo(() => (participantId ? { participantId } : null), [participantId])
}
