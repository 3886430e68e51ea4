import { useId, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import type { Stage } from '../../../shared/schema/index.ts'
import './styles/results.css'
import { AssessGrid } from './AssessGrid.tsx'
import { gridMarkers, groupResults, outlierNotes, rankByVotes, type GridMarker } from './assessModel.ts'
import { defaultPlacement } from './labelLayout.ts'
import { OutlierList } from './OutlierList.tsx'
import { ResultMarker, SpreadBox } from './ResultMarker.tsx'
import { trendName } from './text.ts'
import { useAssessments, useKeyDrivers, useMyId, useOrderedTrends, useParticipants, useTrendMap, useVotes } from './useAssessData.ts'
import { useLabelPlacements } from './useLabelPlacements.ts'
import { VoteRanking } from './VoteRanking.tsx'
import { Heading } from './Heading.tsx'

/**
 * Voting is closed: everyone sees the group's answer. Each trend sits at the median of everyone's
 * placements with a box for the spread; beside it, the dots ranking (with the key-driver
 * toggles for the facilitator) and the people whose placement stands apart, to invite them to speak.
 */
export function ResultsView({ stage, role }: { stage: Stage; role: Role }) {
  const { t } = useTranslation()
  const id = useId()
  const trends = useOrderedTrends()
  const trendMap = useTrendMap()
  const assessments = useAssessments()
  const votes = useVotes()
  const participants = useParticipants()
  const keyDrivers = useKeyDrivers()
  const myId = useMyId()
  const plotRef = useRef<HTMLDivElement>(null)
  const budget = stage.settings.votesPerPerson

  const results = groupResults(trendMap, assessments, votes, budget, stage.id)
  const markers = useMemo(() => gridMarkers({ closed: true, trends, assessments, participantId: myId, results }), [trends, assessments, myId, results])
  const numbers = useMemo(() => new Map(trends.map((trend, index) => [trend.id, index + 1])), [trends])
  const keyDriverSet = useMemo(() => new Set(keyDrivers), [keyDrivers])

  // Most dots first: the trends the room cares about get the clearest labels.
  const labelItems = useMemo(
    () =>
      [...markers].sort((a, b) => votesOf(b) - votesOf(a)).map((marker) => {
        const trend = trendMap.get(marker.trendId)
        // The name, the key-driver star and the "●7" of votes.
        const chars = (trend ? trendName(t, trend).length : 10) + (marker.kind === 'group' && marker.result.votes > 0 ? 4 : 0)
        return { id: marker.trendId, position: marker.position, chars }
      }),
    [markers, trendMap, t],
  )
  const labels = useLabelPlacements(plotRef, labelItems)

  const unplacedCount = trends.length - markers.length

  return (
    <div className={`assess-results assess-results--${role}`}>
      <section className="assess-results__board" aria-labelledby={`${id}-grid`}>
        <div className="assess-section-head">
          <Heading id={`${id}-grid`} className="assess-section-title">
            {t('assess.results.title')}
          </Heading>
          <p className="assess-results__how">{t('assess.results.howToRead')}</p>
        </div>
        <AssessGrid plotRef={plotRef} caption={t('assess.results.caption')} className="assess-grid--results">
          <div className="assess-grid__layer assess-grid__layer--clip" aria-hidden="true">
            {markers.map((marker) => (marker.kind === 'group' ? <SpreadBox key={marker.trendId} position={marker.position} spread={marker.spread} /> : null))}
          </div>
          <div className="assess-grid__layer" aria-hidden="true">
            {markers.map((marker) => renderMarker(marker))}
          </div>
        </AssessGrid>
        {unplacedCount > 0 && <p className="assess-hint">{t('assess.results.unplaced', { count: unplacedCount })}</p>}
      </section>
      <div className="assess-results__side">
        <VoteRanking ranking={rankByVotes(trends, results)} keyDrivers={keyDriverSet} budget={budget} canMarkKeyDrivers={role === 'facilitator'} />
        <OutlierList notes={outlierNotes(trends, results, participants)} />
      </div>
    </div>
  )

  function renderMarker(marker: GridMarker) {
    const trend = trendMap.get(marker.trendId)
    if (!trend || marker.kind !== 'group') return null
    return (
      <ResultMarker
        key={marker.trendId}
        trend={trend}
        number={numbers.get(trend.id) ?? 0}
        position={marker.position}
        votes={marker.result.votes}
        keyDriver={keyDriverSet.has(trend.id)}
        label={labels.get(trend.id) ?? defaultPlacement(marker.position)}
      />
    )
  }
}

const votesOf = (marker: GridMarker) => (marker.kind === 'group' ? marker.result.votes : 0)
