import { useTranslation } from 'react-i18next'
import { useStore } from '../../../state/store.ts'
import type { DropTarget } from './dropDecision.ts'

/** "Over trend “Care moves home”": the drop target in words, from the latest snapshot. */
export function useTargetName(target: DropTarget | null): string | null {
  const { t } = useTranslation()
  const name = useStore((s) => {
    if (!target) return null
    if (target.kind === 'trend') return s.board?.trends.get(target.trendId)?.name || t('trends.unnamed')
    if (target.kind === 'card') return s.board?.signals.get(target.signalId)?.title ?? ''
    return ''
  })
  if (!target || name === null) return null
  if (target.kind === 'trend') return t('trends.dnd.overTrend', { trend: name })
  if (target.kind === 'card') return t('trends.dnd.overCard', { card: name })
  return t('trends.dnd.overUnsorted')
}
