import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReplayFrame } from '../../../../shared/history/index.ts'
import { formatScale } from '../../../stages/assess/gridMath.ts'
import { FitPages } from '../../../ui/fit/FitPages.tsx'
import { useHyphenate } from '../../../ui/hyphenate.ts'
import { formatClock } from '../../../i18n/formatClock.ts'

/**
 * The board at one moment of the history, read-only: the stage the room was on, the counts, the
 * trends with the signals clustered into them, and the signals not in a trend yet. Used by the
 * snapshot preview, the replay and the projector (`size="large"`: fitted to the screen, LargeBoard).
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
  const header = (
    <>
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
    </>
  )
  if (size === 'large') {
    return (
      <div className="replay-board replay-board--large fit-host">
        {header}
        <LargeBoard frame={frame} titles={titles} unsorted={unsorted} highlightTrendId={highlightTrendId} SubHeading={SubHeading} />
      </div>
    )
  }
  return (
    <div className={`replay-board ui-stack replay-board--${size}`}>
      {header}
      {frame.trends.length > 0 && (
        <ul className="replay-board__trends" aria-label={t('results.replay.trends')}>
          {frame.trends.map((trend) => (
            <li key={trend.id} className={`replay-trend${trend.id === highlightTrendId ? ' is-highlighted' : ''}`}>
              <SubHeading className="replay-trend__name">{trend.name.trim() || t('results.wheel.unnamedTrend')}</SubHeading>
              <AssessmentLine trend={trend} />
              <ul className="replay-trend__signals">
                {trend.signalIds.map((id) => (
                  <li key={id}>{titles.get(id) ?? ''}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {unsorted.length > 0 && (
        <div className="replay-board__unsorted">
          <SubHeading className="replay-board__subheading">{frame.trends.length > 0 ? t('results.replay.unsorted') : t('results.replay.signals')}</SubHeading>
          <ul className="replay-board__signals">
            {unsorted.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
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

/** Full (the assessment, four titles per trend) → compact (two) → brief (one) → names only, then pages (ui/fit). */
const DENSITIES = ['full', 'compact', 'brief', 'names'] as const
type Density = (typeof DENSITIES)[number]
const TITLES_SHOWN: Record<Density, number> = { full: 4, compact: 2, brief: 1, names: 0 }

/**
 * The board on the projector: a whole room's trends (and what is not in one yet) flow down
 * columns that fill the stage area, denser and then paged when they outgrow it, as the trends
 * stage does; the trend being followed comes first, so it is on the first page.
 */
function LargeBoard({
  frame,
  titles,
  unsorted,
  highlightTrendId,
  SubHeading,
}: {
  frame: ReplayFrame
  titles: ReadonlyMap<string, string>
  unsorted: ReplayFrame['signals']
  highlightTrendId: string | null
  SubHeading: 'h3' | 'h4'
}) {
  const { t } = useTranslation()
  // Long words break at a syllable with a hyphen (client/ui/hyphenate.ts); fitted again once it is in.
  const hyphenate = useHyphenate()
  const hyphenated = useMemo(() => new Map([...titles].map(([id, title]) => [id, hyphenate(title)])), [titles, hyphenate])
  const contentKey = useMemo(() => [frame, hyphenate], [frame, hyphenate])
  const trends = [...frame.trends].sort((a, b) => Number(b.id === highlightTrendId) - Number(a.id === highlightTrendId))
  if (frame.signals.length === 0) return <p className="results-note">{t('results.replay.emptyBoard')}</p>
  return (
    <FitPages levels={DENSITIES} contentKey={contentKey} className="replay-board__flow" label={t('results.replay.trends')}>
      {(density) => [
        ...trends.map((trend) => (
          <div key={trend.id} role="listitem" className={`replay-trend${trend.id === highlightTrendId ? ' is-highlighted' : ''}`}>
            <SubHeading className="replay-trend__name">{hyphenate(trend.name.trim()) || t('results.wheel.unnamedTrend')}</SubHeading>
            {density === 'full' && <AssessmentLine trend={trend} />}
            <TitleList ids={trend.signalIds} titles={hyphenated} shown={TITLES_SHOWN[density]} />
          </div>
        )),
        unsorted.length > 0 && (
          <div key="unsorted" role="listitem" className="replay-trend replay-trend--unsorted">
            <SubHeading className="replay-board__subheading">{frame.trends.length > 0 ? t('results.replay.unsorted') : t('results.replay.signals')}</SubHeading>
            <TitleList ids={unsorted.map((signal) => signal.id)} titles={hyphenated} shown={TITLES_SHOWN[density]} />
          </div>
        ),
      ]}
    </FitPages>
  )
}

/** "Impact 8/10, uncertainty 3/10 (3 people)" on the 0–10 scale of the Assess stage, once someone placed the trend. */
function AssessmentLine({ trend }: { trend: ReplayFrame['trends'][number] }) {
  const { t, i18n } = useTranslation()
  if (trend.impact === null || trend.uncertainty === null) return null
  return (
    <p className="replay-trend__assessment">
      {t('results.replay.assessment', {
        impact: formatScale(trend.impact, i18n.language),
        uncertainty: formatScale(trend.uncertainty, i18n.language),
        count: trend.placements,
      })}
    </p>
  )
}

/** The first `shown` titles, then "+ 4 more"; with none shown, how many there are ("8 signals"). */
function TitleList({ ids, titles, shown }: { ids: readonly string[]; titles: ReadonlyMap<string, string>; shown: number }) {
  const { t } = useTranslation()
  if (shown === 0) return <p className="replay-trend__count">{t('results.counts.signals', { count: ids.length })}</p>
  return (
    <ul className="replay-trend__signals">
      {ids.slice(0, shown).map((id) => (
        <li key={id}>{titles.get(id) ?? ''}</li>
      ))}
      <MoreLine total={ids.length} shown={shown} />
    </ul>
  )
}
