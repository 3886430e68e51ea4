import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { trendHistory, type ReplayFrame, type TrendEvent } from '../../../../shared/history/index.ts'
import { formatScale } from '../../../stages/assess/gridMath.ts'
import { useRowsThatFit } from '../../../ui/fit/useRowsThatFit.ts'
import { formatClock } from '../../../i18n/formatClock.ts'

/**
 * How one trend emerged, as a dated list: each signal written, clustered (dated by the first
 * snapshot that shows it, "by 10:21"), the naming, each move of the assessment. Events after
 * the replay's current moment are shown as still to come. On the projector (`size="large"`),
 * where nobody scrolls, a history longer than the screen shows the events around the moment,
 * with a line for how many come before and after.
 */
export function TrendStory({
  frames,
  trendId,
  now,
  size = 'normal',
}: {
  frames: readonly ReplayFrame[]
  trendId: string
  now: number
  size?: 'normal' | 'large'
}) {
  const { t, i18n } = useTranslation()
  const story = useMemo(() => trendHistory(frames, trendId), [frames, trendId])
  const name = story.name.trim() || t('results.wheel.unnamedTrend')
  const { events } = story
  // The latest event at the moment shown (the first event, before any).
  const anchor = Math.max(
    0,
    events.findLastIndex((event) => event.at <= now),
  )
  const box = useRef<HTMLElement>(null)
  const list = useRef<HTMLOListElement>(null)
  // Another trend with as many events, or another language, is other rows: measured again.
  const shown = useRowsThatFit(box, list, `${trendId}:${i18n.language}:${events.length}`, anchor, size === 'large')
  const first = shown?.first ?? 0
  const last = shown?.last ?? events.length - 1
  return (
    <section ref={box} className={`trend-story trend-story--${size}`} aria-label={t('results.trendStory.label', { name })}>
      <h3 className="trend-story__title">{t('results.trendStory.title', { name })}</h3>
      {events.length === 0 ? (
        <p className="results-note">{t('results.trendStory.none')}</p>
      ) : (
        <ol ref={list} className="trend-story__events ui-stack ui-list">
          {first > 0 && <li className="trend-story__event trend-story__event--more">{t('results.trendStory.earlier', { count: first })}</li>}
          {events.slice(first, last + 1).map((event, index) => (
            <li key={first + index} className={`trend-story__event trend-story__event--${event.kind}${event.at > now ? ' is-later' : ''}`}>
              <span className="trend-story__time">{formatClock(event.at, i18n.language)}</span>
              <span className="trend-story__what">{describe(event, t, i18n.language)}</span>
            </li>
          ))}
          {last < events.length - 1 && (
            <li className="trend-story__event trend-story__event--more is-later">{t('results.trendStory.later', { count: events.length - 1 - last })}</li>
          )}
        </ol>
      )}
    </section>
  )
}

function describe(event: TrendEvent, t: (key: string, options?: Record<string, unknown>) => string, language: string): string {
  switch (event.kind) {
    case 'written':
      return t('results.trendStory.written', { title: event.title })
    case 'clustered':
      return t('results.trendStory.clustered', { title: event.title })
    case 'left':
      return t('results.trendStory.left', { title: event.title })
    case 'appeared':
      return event.name.trim() ? t('results.trendStory.appearedNamed', { name: event.name }) : t('results.trendStory.appeared')
    case 'renamed':
      return t('results.trendStory.renamed', { name: event.name })
    case 'assessed':
      return t('results.trendStory.assessed', {
        impact: formatScale(event.point.impact, language),
        uncertainty: formatScale(event.point.uncertainty, language),
        count: event.point.placements,
      })
    case 'removed':
      return t('results.trendStory.removed')
  }
}
