import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Assessment, Vote } from '../../../shared/schema/index.ts'
import { useContextStore } from '../../state/storeContext.ts'
import { useAssessments, useVotes } from './useAssessData.ts'

/** What the result counted when the facilitator last looked: each dot's giver, and the placements. */
interface Counted {
  readonly dots: ReadonlyMap<string, string>
  readonly placements: ReadonlyMap<string, Assessment>
}

function counted(assessments: ReadonlyMap<string, Assessment>, votes: ReadonlyMap<string, Vote>, stageId: string): Counted {
  const dots = new Map<string, string>()
  for (const vote of votes.values()) if (vote.stageId === stageId) dots.set(vote.id, vote.participantId)
  return { dots, placements: assessments }
}

/**
 * The people whose dots or placements arrived since `before`: a dot new to this stage, a placement
 * new or moved. What went (a trend deleted with its dots, a dot taken back) is no arrival.
 */
function peopleWhoArrived(before: Counted, now: Counted): number {
  const people = new Set<string>()
  for (const [id, giver] of now.dots) if (!before.dots.has(id)) people.add(giver)
  // Records are replaced, never changed in place: a placement moved is a new object.
  for (const [key, placed] of now.placements) if (before.placements.get(key) !== placed) people.add(placed.participantId)
  return people.size
}

/**
 * Tells the facilitator when dots or placements arrive after voting closed, and that the result
 * now counts them. A phone offline while voting closed cannot know it closed: what its person
 * did there arrives when it reconnects, and is counted like dots stuck on a wall before "stop"
 * (a result that quietly drops someone's votes would be worse than one that moves). The baseline
 * is what this page first saw with the board synced: a page that opens on the results (a reload,
 * a second device) must not take the whole board arriving for late votes, and one reloaded after
 * an arrival does not tell again.
 */
export function LateVotesNote({ stageId }: { stageId: string }) {
  const { t } = useTranslation()
  const assessments = useAssessments()
  const votes = useVotes()
  const synced = useContextStore((s) => s.connection.board.synced)
  const [baseline, setBaseline] = useState<Counted | null>(null)
  useEffect(() => {
    if (synced && baseline === null) setBaseline(counted(assessments, votes, stageId))
  }, [synced, baseline, assessments, votes, stageId])
  const people = useMemo(() => (baseline ? peopleWhoArrived(baseline, counted(assessments, votes, stageId)) : 0), [baseline, assessments, votes, stageId])
  if (people === 0) return null
  return (
    <div className="callout callout--warning assess-late" role="status">
      <h3 className="callout__title">{t('assess.late.title')}</h3>
      <p>{t('assess.late.body', { count: people })}</p>
      <button type="button" className="button button--secondary" onClick={() => setBaseline(counted(assessments, votes, stageId))}>
        {t('assess.late.dismiss')}
      </button>
    </div>
  )
}
