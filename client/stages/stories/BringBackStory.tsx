import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useStoryName } from '../../state/useStoryName.ts'
import type { DeletedStory } from './useStoryRescue.ts'

/**
 * Offered to whoever had a story open when someone else deleted it (see useStoryRescue). The
 * keyboard lands on "Bring it back": the story it was in is gone.
 */
export function BringBackStory({ deleted, onBringBack, onLetGo }: { deleted: DeletedStory; onBringBack(): void; onLetGo(): void }) {
  const { t } = useTranslation()
  const name = useStoryName()(deleted.story)
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="callout callout--warning stories__rescue" role="region" aria-label={t('stories.rescue.title', { title: name })}>
      <h3 className="callout__title">{t('stories.rescue.title', { title: name })}</h3>
      <p>{t('stories.rescue.body')}</p>
      <div className="ui-toolbar">
        <button ref={first} type="button" className="button button--primary" onClick={onBringBack}>
          {t('stories.rescue.bringBack')}
        </button>
        <button type="button" className="button button--secondary" onClick={onLetGo}>
          {t('stories.rescue.letGo')}
        </button>
      </div>
    </div>
  )
}
