import { useTranslation } from 'react-i18next'
import type { ReplayFrame } from '../../../../shared/history/index.ts'
import { formatScale } from '../../../stages/assess/gridMath.ts'
import { formatClock } from './useResults.ts'

/**
 * The board at one moment of the history, read-only: the stage the room was on, the counts, the
 * trends with the signals clustered into them, and the signals not in a trend yet. Used by the
 * snapshot preview, the replay and the projector (`size="large"`).
 */
export function ReplayBoard({
  frame,
  highlightTrendId = null,
  size = 'normal',
  headingLevel = 3,
}: {
  frame: ReplayFrame
  highlightTrendId?: string | null
  size?: 'normal' | 'large'
  headingLevel?: 2 | 3
}) {
  const { t, i18n } = useTranslation()
  const Heading = `h${headingLevel}` as const
  const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4'
  const titles = new Map(frame.signals.map((s) => [s.id, s.title]))
  const clustered = new Set(frame.trends.flatMap((trend) => trend.signalIds))
  const unsorted = frame.signals.filter((s) => !clustered.has(s.id))
  const { counts } = frame
  // On the projector a whole room's board must fit: a few titles per trend, then "+ 4 more".
  const perTrend = size === 'large' ? LARGE_PER_TREND : Infinity
  const unsortedShown = size === 'large' ? LARGE_UNSORTED : Infinity
  return (
    <div className={`replay-board ui-stack replay-board--${size}`}>
      <Heading className="replay-board__when">
        {t('results.replay.boardAt', {
          time: formatClock(frame.at, i18n.language),
          stage: frame.stage ? t(`stage.${frame.stage.kind}.name`) : t('results.replay.notStarted'),
        })}
      </Heading>
      <p className="replay-board__counts">
        {[
          t('results.counts.signals', { count: counts.signals }),
          t('results.counts.trends', { count: counts.trends }),
          t('results.counts.wheelNodes', { count: counts.wheelNodes }),
          t('results.counts.stories', { count: counts.stories }),
          t('results.counts.takeaways', { count: counts.takeaways }),
        ].join(' · ')}
      </p>
      {frame.trends.length > 0 && (
        <ul className="replay-board__trends" aria-label={t('results.replay.trends')}>
          {frame.trends.map((trend) => (
            <li key={trend.id} className={`replay-trend${trend.id === highlightTrendId ? ' is-highlighted' : ''}`}>
              <SubHeading className="replay-trend__name">{trend.name.trim() || t('results.wheel.unnamedTrend')}</SubHeading>
              {trend.impact !== null && trend.uncertainty !== null && (
                <p className="replay-trend__assessment">
                  {t('results.replay.assessment', {
                    impact: formatScale(trend.impact, i18n.language),
                    uncertainty: formatScale(trend.uncertainty, i18n.language),
                    count: trend.placements,
                  })}
                </p>
              )}
              <ul className="replay-trend__signals">
                {trend.signalIds.slice(0, perTrend).map((id) => (
                  <li key={id}>{titles.get(id) ?? ''}</li>
                ))}
                <MoreLine total={trend.signalIds.length} shown={perTrend} />
              </ul>
            </li>
          ))}
        </ul>
      )}
      {unsorted.length > 0 && (
        <div className="replay-board__unsorted">
          <SubHeading className="replay-board__subheading">{frame.trends.length > 0 ? t('results.replay.unsorted') : t('results.replay.signals')}</SubHeading>
          <ul className="replay-board__signals">
            {unsorted.slice(0, unsortedShown).map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
            <MoreLine total={unsorted.length} shown={unsortedShown} />
          </ul>
        </div>
      )}
      {frame.signals.length === 0 && <p className="results-note">{t('results.replay.emptyBoard')}</p>}
    </div>
  )
}

/** "+ 4 more" after the titles shown, when some are left out. */
function MoreLine({ total, shown }: { total: number; shown: number }) {
  const { t } = useTranslation()
  const hidden = total - shown
  if (hidden <= 0) return null
  return <li className="replay-board__more">{t('results.replay.more', { count: hidden })}</li>
}

const LARGE_PER_TREND = 4
const LARGE_UNSORTED = 8
