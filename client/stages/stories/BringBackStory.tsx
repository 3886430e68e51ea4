import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useStoryName } from '../../state/useStoryName.ts'
import { useAnnounce } from '../../ui/index.ts'
import type { DeletedStory } from './rescueOffers.ts'

/**
 * Offered when someone else deleted a story this device had open, or had written in and its
 * words may not have reached anyone (see useStoryRescue, watchWrittenStories). From the open
 * story the keyboard lands on "Bring it back": the story it was in is gone; so it does when the
 * focus went with the deleted story (its card). Otherwise the person is reading the list or
 * writing another story: the offer is announced, and focus stays where it is.
 */
/** The offers already shown: each takes the focus, or is announced, once. */
const presented = new WeakSet<DeletedStory>()

export function BringBackStory({ deleted, onBringBack, onLetGo }: { deleted: DeletedStory; onBringBack(): void; onLetGo(): void }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const name = useStoryName()(deleted.story)
  const first = useRef<HTMLButtonElement>(null)
  const wasOpen = deleted.reason === 'open'
  useEffect(() => {
    // Once an offer: shown again over the list or another story (a new mount), it takes no focus and says nothing again.
    if (presented.has(deleted)) return
    presented.add(deleted)
    const focusLost = document.activeElement === null || document.activeElement === document.body
    if (wasOpen || focusLost) first.current?.focus()
    if (!wasOpen) announce(t('stories.rescue.announceWritten', { title: name }))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- Once, as the offer appears (it is keyed by its story).
  }, [])
  return (
    <div className="callout callout--warning stories__rescue" role="region" aria-label={t('stories.rescue.title', { title: name })}>
      <h3 className="callout__title">{t('stories.rescue.title', { title: name })}</h3>
      <p>{t(wasOpen ? 'stories.rescue.body' : 'stories.rescue.bodyWritten')}</p>
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
