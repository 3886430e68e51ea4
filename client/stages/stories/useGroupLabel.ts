import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Group } from '../../../shared/schema/index.ts'
import { selectTrends } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useGroups } from './useStoriesData.ts'

/**
 * How a group is named on the stories stage, in the method's words: a group writes a story about
 * a future shaped by the trend it chose. A group the facilitator left unnamed carries its trend's
 * name in the documents (see the wheel's group setup); here it is "Group 2" instead, so a trend
 * name is never read as a group's ("Start Communities of care's story"). The trend is said
 * separately (`shapedBy`).
 */
export function useGroupLabel(): { name(group: Group): string; shapedBy(group: Group): string | null } {
  const { t } = useTranslation()
  const groups = useGroups()
  const trends = useStore(selectTrends)
  const trendOf = useCallback((group: Group) => (group.trendId ? (trends.get(group.trendId)?.name.trim() ?? '') : ''), [trends])
  const name = useCallback(
    (group: Group) => {
      const trend = trendOf(group)
      const named = group.name.trim()
      if (trend && named.toLocaleLowerCase() === trend.slice(0, named.length).toLocaleLowerCase()) {
        return t('stories.groupNumbered', { number: groups.findIndex((g) => g.id === group.id) + 1 })
      }
      return named
    },
    [groups, trendOf, t],
  )
  const shapedBy = useCallback(
    (group: Group) => {
      const trend = trendOf(group)
      return trend ? t('stories.shapedBy', { trend }) : null
    },
    [trendOf, t],
  )
  return { name, shapedBy }
}
