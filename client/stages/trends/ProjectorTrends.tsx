import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrendGroup } from '../../../shared/doc/index.ts'
import { EmptyState } from '../../ui/index.ts'
import { BoardTextProvider, useBoardText } from './boardText.tsx'
import { CardFace } from './SignalCard.tsx'
import { ProjectorSuggestions, useShownSuggestions } from './suggest/ProjectorSuggestions.tsx'
import { TrendTextReadOnly } from './TrendText.tsx'
import { useFocusedTrendId, useSignalGroups } from './useTrendsBoard.ts'
import './projector.css'

/**
 * What the room sees on the projector: the trends as read-only clusters in big type, or the one
 * trend the facilitator put on screen. Nothing here can be dragged or edited.
 */
export function ProjectorTrends() {
  const { t } = useTranslation()
  const groups = useSignalGroups()
  const focusedId = useFocusedTrendId()
  const focused = focusedId === null ? undefined : groups.trends.find((g) => g.trend.id === focusedId)
  const suggestions = useShownSuggestions()
  // Suggested groups the facilitator put up take the screen until taken off (a focused trend wins).
  if (!focused && suggestions.length !== 0) return <ProjectorSuggestions suggestions={suggestions} />

  return (
    <BoardTextProvider>
      {focused ? (
        <section className="projector-trends projector-trends--focused" aria-label={t('trends.projector.focused')}>
          <ProjectorCluster group={focused} large />
        </section>
      ) : (
        <section className="projector-trends" aria-labelledby="projector-trends-title">
          <header className="projector-trends__head">
            <h2 id="projector-trends-title" className="projector-trends__title">
              {t('trends.list.title')}
            </h2>
            {groups.unsorted.length > 0 && <p className="projector-trends__unsorted">{t('trends.projector.unsorted', { count: groups.unsorted.length })}</p>}
          </header>
          {groups.trends.length > 0 ? (
            <ol className="projector-trends__grid">
              {groups.trends.map((group) => (
                <li key={group.trend.id}>
                  <ProjectorCluster group={group} large={false} />
                </li>
              ))}
            </ol>
          ) : (
            <EmptyState title={t('trends.list.emptyTitle')} text={t('trends.list.emptyReadOnly')} headingLevel={3} />
          )}
        </section>
      )}
    </BoardTextProvider>
  )
}

const ProjectorCluster = memo(function ProjectorCluster({ group, large }: { group: TrendGroup; large: boolean }) {
  const { t } = useBoardText()
  const { trend, signals } = group
  return (
    <article className={large ? 'trend trend--projector trend--projector-large' : 'trend trend--projector'}>
      <TrendTextReadOnly trend={trend} headingLevel={large ? 2 : 3} />
      <p className="trend__count">{t('trends.count', { count: signals.length })}</p>
      {signals.length > 0 && (
        <ul className="trend__cards">
          {signals.map((signal) => (
            <li key={signal.id} className="tcard">
              <div className="tcard__grab">
                <CardFace signal={signal} alsoIn={0} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
})
