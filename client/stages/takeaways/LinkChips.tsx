import { useTranslation } from 'react-i18next'
import { useStoryName } from '../../state/useStoryName.ts'
import { useStoryMap, useTrendMap } from './useTakeawaysData.ts'

/**
 * Where a takeaway comes from: its trends and stories as chips, each kind with its own mark and a
 * word for screen readers. Links to something deleted since are not shown.
 */
export function LinkChips({ trendIds, storyIds }: { trendIds: readonly string[]; storyIds: readonly string[] }) {
  const { t } = useTranslation()
  const trends = useTrendMap()
  const stories = useStoryMap()
  const storyName = useStoryName()
  const chips = [
    ...trendIds.flatMap((id) => {
      const trend = trends.get(id)
      return trend ? [{ key: `t:${id}`, kind: 'trend' as const, label: trend.name.trim() || t('takeaways.unnamedTrend') }] : []
    }),
    ...storyIds.flatMap((id) => {
      const story = stories.get(id)
      return story ? [{ key: `s:${id}`, kind: 'story' as const, label: storyName(story) }] : []
    }),
  ]
  if (chips.length === 0) return null
  return (
    <ul className="link-chips" aria-label={t('takeaways.card.from')}>
      {chips.map((chip) => (
        <li key={chip.key} className={`link-chip link-chip--${chip.kind}`} title={chip.label}>
          <span className="link-chip__mark" aria-hidden="true" />
          <span className="visually-hidden">{t(`takeaways.card.kind.${chip.kind}`)}</span>
          <span className="link-chip__label ui-ellipsis">{chip.label}</span>
        </li>
      ))}
    </ul>
  )
}
