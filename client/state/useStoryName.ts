import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { storyName } from '../../shared/doc/index.ts'
import type { Story } from '../../shared/schema/index.ts'
import { useContextStore } from './storeContext.ts'

/**
 * Names a story as every view and the report do (`storyName`): its title, else after its persona
 * ("Aino’s day"), else "Untitled story".
 */
export function useStoryName(): (story: Pick<Story, 'title' | 'personaId'>) => string {
  const { t } = useTranslation()
  const personas = useContextStore((s) => s.board?.personas)
  return useCallback(
    (story) =>
      storyName(story.title, personas?.get(story.personaId)?.name, {
        untitled: t('vocab.untitledStory'),
        ofPersona: (name) => t('vocab.storyOfPersona', { name }),
      }),
    [personas, t],
  )
}
