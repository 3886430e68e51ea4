import { useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../../shared/schema/index.ts'
import './styles/progress.css'
import { LockIcon } from '../../ui/LockIcon.tsx'
import { ProgressMeters } from './ProgressMeters.tsx'
import { trendName } from './text.ts'
import { useOrderedTrends } from './useAssessData.ts'
import { useProgress } from './useProgress.ts'
import { Heading } from './Heading.tsx'
import { useFitFontSize } from '../../ui/fit/useFitFontSize.ts'

/** The trends' names on the wall while voting is open, in rem (progress.css reads `--progress-name-size`). */
const NAMES_ON_WALL = { property: '--progress-name-size', largest: 0.75, smallest: 0.45, windowShare: 0.97 }

/**
 * The projector while voting is open: how far the room is (counts only, so nobody is swayed by
 * where others put a trend) and the numbered trends people are placing.
 */
export function ProgressView({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const id = useId()
  const trends = useOrderedTrends()
  const progress = useProgress(stage)
  // Eight trends, four of two lines, ran the last one off a 1280×720 wall with nothing to say so.
  const list = useRef<HTMLOListElement>(null)
  useFitFontSize(list, trends.map((trend) => trend.name).join('\n'), NAMES_ON_WALL)
  return (
    <div className="assess-progress">
      <section className="assess-progress__pace" aria-labelledby={`${id}-pace`}>
        <Heading id={`${id}-pace`} className="assess-section-title">
          {t('assess.progress.title')}
        </Heading>
        <ProgressMeters progress={progress} showVotes={stage.settings.votesPerPerson > 0} size="large" />
        <p className="assess-privacy assess-progress__note">
          <LockIcon />
          <span>{t('assess.progress.private')}</span>
        </p>
      </section>
      <section className="assess-progress__trends" aria-labelledby={`${id}-trends`}>
        <Heading id={`${id}-trends`} className="assess-section-title assess-section-title--small">
          {t('assess.progress.trends', { count: trends.length })}
        </Heading>
        <ol ref={list} className="assess-progress__list ui-list">
          {trends.map((trend, index) => (
            <li key={trend.id} className="assess-progress__trend">
              <span className="trend-number" aria-hidden="true">
                {index + 1}
              </span>
              <span>{trendName(t, trend)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
