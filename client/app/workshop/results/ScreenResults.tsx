import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { phrasesFor } from '../../../../shared/export/catalogue.ts'
import type { ScreenShow } from '../../../../shared/schema/index.ts'
import { selectFocalQuestion, selectHorizonYear, selectWorkshopTitle } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { ReplayBoard } from './ReplayBoard.tsx'
import { TrendStory } from './TrendStory.tsx'
import { useReplayFrames } from './useReplayFrames.ts'
import './results.css'

/**
 * What the projector shows when the facilitator puts the results up instead of the live stage:
 * the report's title page at the end of the day, or the replay's current moment (and the trend
 * being followed), large.
 */
export function ScreenResults({ show }: { show: NonNullable<ScreenShow> }) {
  return show.kind === 'report' ? <ReportTitlePage /> : <ScreenReplay snapshotId={show.snapshotId} trendId={show.trendId} />
}

function ReportTitlePage() {
  const { t, i18n } = useTranslation()
  const title = useStore(selectWorkshopTitle)
  const question = useStore(selectFocalQuestion)
  const horizon = useStore(selectHorizonYear)
  const board = useStore((s) => s.board)
  const counts = board && { stories: board.stories.size, trends: board.trends.size, signals: board.signals.size, takeaways: board.takeaways.size }
  // Written as the report the room takes home writes it ("5 December 2026", "5.12.2026").
  const date = phrasesFor(i18n.language).formatDate(new Date())
  return (
    <section className="report-title ui-stack" aria-labelledby="report-title-heading">
      <p className="report-title__kicker">{t('results.titlePage.kicker')}</p>
      <h2 id="report-title-heading" className="report-title__title">
        {title ?? t('workshop.untitled')}
      </h2>
      {question && <p className="report-title__question">{question}</p>}
      <p className="report-title__meta">{horizon ? t('results.titlePage.horizonDate', { year: horizon, date }) : date}</p>
      {counts && (
        <ul className="report-title__counts">
          <li>{t('results.counts.stories', { count: counts.stories })}</li>
          <li>{t('results.counts.trends', { count: counts.trends })}</li>
          <li>{t('results.counts.signals', { count: counts.signals })}</li>
          <li>{t('results.counts.takeaways', { count: counts.takeaways })}</li>
        </ul>
      )}
      <p className="report-title__thanks">{t('results.titlePage.thanks')}</p>
    </section>
  )
}

function ScreenReplay({ snapshotId, trendId }: { snapshotId: number | null; trendId: string | null }) {
  const { t } = useTranslation()
  // Asked again whenever the moment is one this screen has not loaded yet (a snapshot taken since).
  const { state, reload } = useReplayFrames()
  const frames = state.kind === 'ready' ? state.frames : []
  const frame = frames.find((f) => f.id === snapshotId) ?? null
  const missing = state.kind === 'ready' && snapshotId !== null && !frame
  const askedFor = useRef<number | null>(null)
  useEffect(() => {
    if (missing && askedFor.current !== snapshotId) {
      askedFor.current = snapshotId
      reload()
    }
  }, [missing, snapshotId, reload])
  if (!frame)
    return (
      <p className="results-note results-note--large" role="status">
        {t('results.replay.loading')}
      </p>
    )
  return (
    <section className="screen-replay" aria-label={t('results.replay.screenLabel')}>
      <div className={`replay__view${trendId ? ' replay__view--with-story' : ''}`}>
        <ReplayBoard frame={frame} highlightTrendId={trendId} size="large" headingLevel={2} />
        {trendId && <TrendStory frames={frames} trendId={trendId} now={frame.at} size="large" />}
      </div>
    </section>
  )
}
