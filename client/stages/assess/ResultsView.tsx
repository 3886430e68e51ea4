import { useId, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import type { Stage } from '../../../shared/schema/index.ts'
import './styles/results.css'
import { AssessGrid } from './AssessGrid.tsx'
import { gridMarkers, groupResults, outlierNotes, rankByVotes, trendSpreads } from './assessModel.ts'
import { OutlierList } from './OutlierList.tsx'
import { ResultsChart, ResultsChartKey, useResultsChart, type ChartTrend } from './ResultsChart.tsx'
import { trendName } from './text.ts'
import { useAssessments, useKeyDrivers, useMyId, useOrderedTrends, useParticipants, useTrendMap, useVotes } from './useAssessData.ts'
import { useFitPlotToWindow } from './useFitPlotToWindow.ts'
import { VoteRanking } from './VoteRanking.tsx'
import { Heading } from './Heading.tsx'
import { LateVotesNote } from './LateVotesNote.tsx'

/**
 * Voting is closed: everyone sees the group's answer. Each trend sits at the median of everyone's
 * placements, its badge carrying its rank in the list beside the chart; a box shows the middle half
 * of the placements (the interquartile range, named in the key) and each person's placement shows
 * faintly, so people who disagree look like it. Beside it, the dots ranking (with the key-driver
 * toggles for the facilitator) and, off the projector, the people whose placement stands apart,
 * to invite them to speak.
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
  const boardRef = useRef<HTMLElement>(null)
  useFitPlotToWindow(boardRef, plotRef, role === 'screen')
  const budget = stage.settings.votesPerPerson

  const results = groupResults(trendMap, assessments, votes, budget, stage.id)
  const markers = useMemo(() => gridMarkers({ closed: true, trends, assessments, participantId: myId, results }), [trends, assessments, myId, results])
  const ranking = useMemo(() => rankByVotes(trends, results), [trends, results])
  const spreads = useMemo(() => trendSpreads(assessments), [assessments])
  const keyDriverSet = useMemo(() => new Set(keyDrivers), [keyDrivers])

  const chartTrends = useMemo((): ChartTrend[] => {
    const rankOf = new Map(ranking.map((item) => [item.trend.id, item.rank]))
    return markers.flatMap((marker) => {
      const trend = trendMap.get(marker.trendId)
      const spread = spreads.get(marker.trendId)
      if (!trend || !spread || marker.kind !== 'group') return []
      return [
        {
          id: trend.id,
          rank: rankOf.get(trend.id) ?? 0,
          name: trendName(t, trend),
          keyDriver: keyDriverSet.has(trend.id),
          median: marker.position,
          iqr: spread,
          placements: spread.placements,
        },
      ]
    })
  }, [markers, trendMap, spreads, ranking, keyDriverSet, t])
  const chart = useResultsChart(plotRef, chartTrends)

  const unplacedCount = trends.length - markers.length

  return (
    <div className={`assess-results assess-results--${role}`}>
      <section ref={boardRef} className="assess-results__board" aria-labelledby={`${id}-grid`}>
        <div className="assess-section-head">
          <Heading id={`${id}-grid`} className="assess-section-title">
            {t('assess.results.title')}
          </Heading>
          <ResultsChartKey chart={chart} names={role !== 'screen'} />
        </div>
        <AssessGrid plotRef={plotRef} caption={t('assess.results.caption')} className="assess-grid--results" titles={chart.layout?.titles}>
          <ResultsChart chart={chart} trends={chartTrends} />
        </AssessGrid>
        {unplacedCount > 0 && <p className="assess-hint">{t('assess.results.unplaced', { count: unplacedCount })}</p>}
      </section>
      <div className="assess-results__side">
        {role === 'facilitator' && <LateVotesNote stageId={stage.id} />}
        <VoteRanking
          ranking={ranking}
          spreads={spreads}
          keyDrivers={keyDriverSet}
          budget={budget}
          canMarkKeyDrivers={role === 'facilitator'}
          fitToWindow={role === 'screen'}
        />
        {/* Not on the projector: the facilitator invites those people from the console, and the wall
            keeps to the result, which fills it (eight trends beside the chart). */}
        {role !== 'screen' && <OutlierList notes={outlierNotes(trends, results, participants)} />}
      </div>
    </div>
  )
}
