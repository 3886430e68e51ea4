import { useMemo } from 'react'
import type { Stage } from '../../../shared/schema/index.ts'
import { usePeople } from '../../sync/presence.ts'
import { assessProgress, type AssessProgress } from './assessModel.ts'
import { useAssessments, useParticipants, useTrendMap, useVotes } from './useAssessData.ts'

/**
 * The room's progress on a stage, as counts; recomputed only when placements, votes or people
 * change. Counted are the participants here and anyone who has placed or voted, as "ready" counts
 * those here. Facilitators are left out until they place or vote themselves: "4 of 5 done" must
 * not wait for the person running the workshop; nor for a device no longer here, such as the
 * laptop the facilitator left for a phone (each device is a person of its own), which waited
 * as a voter who never voted ("1 of 2" with one participant in the room).
 */
export function useProgress(stage: Stage): AssessProgress {
  const present = usePeople()
  const trends = useTrendMap()
  const assessments = useAssessments()
  const votes = useVotes()
  const participants = useParticipants()
  const notCounted = useMemo(() => {
    const here = new Set(present.filter((person) => person.role !== 'facilitator').map((person) => person.id))
    return new Set([...participants.keys()].filter((id) => !here.has(id)))
  }, [present, participants])
  const budget = stage.settings.votesPerPerson
  return useMemo(
    () => assessProgress({ trends, assessments, votes, participants }, stage.id, budget, notCounted),
    [trends, assessments, votes, participants, stage.id, budget, notCounted],
  )
}
