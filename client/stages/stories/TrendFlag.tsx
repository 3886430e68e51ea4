import { useTranslation } from 'react-i18next'

/**
 * The method's check that a story links back to at least one trend: a gentle warning while it
 * does not, a quiet confirmation once it does. Words carry the meaning; the mark only repeats it.
 */
export function TrendFlag({ trendCount, compact = false, live = true }: { trendCount: number; compact?: boolean; live?: boolean }) {
  const { t } = useTranslation()
  const missing = trendCount === 0
  const text = missing ? t(compact ? 'stories.flag.missingShort' : 'stories.flag.missing') : t('stories.flag.ok', { count: trendCount })
  return (
    <p
      className={`trend-flag ${missing ? 'trend-flag--missing' : 'trend-flag--ok'}${compact ? ' trend-flag--compact' : ''}`}
      role={live ? 'status' : undefined}
    >
      <span className="trend-flag__mark" aria-hidden="true" />
      {text}
    </p>
  )
}
