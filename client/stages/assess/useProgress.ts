import { useMemo } from 'react'
import type { Stage } from '../../../shared/schema/index.ts'
import { usePeople } from '../../sync/presence.ts'
import { assessProgress, type AssessProgress } from './assessModel.ts'
import { useAssessments, useParticipants, useTrendMap, useVotes } from './useAssessData.ts'

/**
 * The room's progress on a stage, as counts; recomputed only when placements, votes or people
 * change. Facilitators present are left out until they place or vote themselves: "4 of 5 done"
 * must not wait for the person running the workshop.
 */
export function useProgress(stage: Stage): AssessProgress {
  const present = usePeople()
  const facilitators = useMemo(() => new Set(present.filter((person) => person.role === 'facilitator').map((person) => person.id)), [present])
  const trends = useTrendMap()
  const assessments = useAssessments()
  const votes = useVotes()
  const participants = useParticipants()
  const budget = stage.settings.votesPerPerson
  return useMemo(
    () => assessProgress({ trends, assessments, votes, participants }, stage.id, budget, facilitators),
    [trends, assessments, votes, participants, stage.id, budget, facilitators],
  )
}
