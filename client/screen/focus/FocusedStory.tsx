import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { getStoryBody, storyBodyText } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { useStoryName } from '../../state/useStoryName.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { FocusGone } from './FocusGone.tsx'

/** A future story, projector-sized: title, the persona in one line, and the text as it is written. */
export function FocusedStory({ id }: { id: string }) {
  const { t } = useTranslation()
  const story = useStore((s) => s.board?.stories.get(id) ?? null)
  const persona = useStore((s) => (story ? (s.board?.personas.get(story.personaId) ?? null) : null))
  const year = useStore((s) => s.control?.meta.horizonYear ?? null)
  const text = useStoryText(id, story !== null)
  const storyName = useStoryName()
  if (!story) return <FocusGone />
  const name = persona?.name.trim() ?? ''
  const who = [name, persona?.age != null ? t('screen.focus.age', { age: persona.age }) : '', persona?.household.trim() ?? ''].filter(Boolean).join(', ')
  return (
    <article className="focus-card ui-stack ui-frame focus-story">
      <h2 className="focus-card__title">{storyName(story)}</h2>
      {(who || year) && <p className="focus-card__meta">{[who, year ? t('screen.focus.inYear', { year }) : ''].filter(Boolean).join(' · ')}</p>}
      <div className="focus-story__body">
        {text ? (
          text.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)
        ) : (
          <p className="focus-card__meta">{t('screen.focus.storyEmpty')}</p>
        )}
      </div>
    </article>
  )
}

/** The story's text, live: the rich-text body is the one Yjs type shared/doc hands out, for reading. */
function useStoryText(storyId: string, exists: boolean): string {
  const { board } = useWorkshopDocs()
  // Looked up again when the story appears: its body is created with it.
  const body = useMemo(() => (board && exists ? getStoryBody(board, storyId) : null), [board, storyId, exists])
  const subscribe = useCallback(
    (onChange: () => void) => {
      body?.observeDeep(onChange)
      return () => body?.unobserveDeep(onChange)
    },
    [body],
  )
  return useSyncExternalStore(subscribe, () => (body ? storyBodyText(body) : ''))
}
