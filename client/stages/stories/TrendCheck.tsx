import { memo } from 'react'
import { useGroupLabel } from './useGroupLabel.ts'
import { useTranslation } from 'react-i18next'
import type { StoryEntry } from './storiesModel.ts'
import { useStoryName } from '../../state/useStoryName.ts'

interface TrendCheckProps {
  entries: readonly StoryEntry[]
  trendLinks: ReadonlyMap<string, number>
  onOpen(storyId: string): void
}

/**
 * The facilitator's check from the method: does each story link back to at least one trend?
 * A count, and the stories that do not yet, each one click away.
 */
export const TrendCheck = memo(function TrendCheck({ entries, trendLinks, onOpen }: TrendCheckProps) {
  const { t } = useTranslation()
  const missing = entries.filter((entry) => (trendLinks.get(entry.story.id) ?? 0) === 0)
  const linked = entries.length - missing.length
  return (
    <div className={`trend-check ui-stack${missing.length > 0 ? ' trend-check--missing' : ''}`} role="status">
      <p className="trend-check__summary">
        <span className="trend-flag__mark" aria-hidden="true" />
        {missing.length === 0 ? t('stories.check.all', { count: entries.length }) : t('stories.check.some', { linked, count: entries.length })}
      </p>
      {missing.length > 0 && (
        <ul className="trend-check__list" aria-label={t('stories.check.missingLabel')}>
          {missing.map((entry) => (
            <MissingStory key={entry.story.id} entry={entry} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </div>
  )
})

function MissingStory({ entry, onOpen }: { entry: StoryEntry; onOpen(storyId: string): void }) {
  const { t } = useTranslation()
  const label = useGroupLabel()
  const title = useStoryName()(entry.story)
  return (
    <li>
      <button type="button" className="trend-check__link" onClick={() => onOpen(entry.story.id)}>
        {entry.group ? t('stories.check.storyOfGroup', { title, group: label.name(entry.group) }) : title}
      </button>
    </li>
  )
}
