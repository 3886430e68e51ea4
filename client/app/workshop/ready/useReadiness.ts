import { useMemo } from 'react'
import { readyParticipantIds } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'
import { usePeople } from '../../../sync/presence.ts'
import { readiness, type Readiness } from './readiness.ts'

const NOBODY = new Map<string, never>()

/** The room's readiness for a stage, recomputed only when presence or the ready toggles change. */
export function useReadiness(stageId: string | null): Readiness {
  const people = usePeople()
  const ready = useStore((s) => s.board?.ready ?? NOBODY)
  const participants = useStore((s) => s.board?.participants ?? NOBODY)
  const readyIds = useMemo(() => (stageId ? readyParticipantIds({ ready, participants }, stageId) : []), [ready, participants, stageId])
  return useMemo(() => readiness(people, readyIds), [people, readyIds])
}

/** Whether this person said "I'm done" for the stage. */
export function useIsReady(stageId: string | null): boolean {
  const participantId = useStore((s) => s.participant?.id ?? null)
  const ready = useStore((s) => s.board?.ready ?? NOBODY)
  return useMemo(() => {
    if (!stageId || !participantId) return false
    for (const entry of ready.values()) if (entry.stageId === stageId && entry.participantId === participantId) return entry.ready
    return false
  }, [ready, stageId, participantId])
}
