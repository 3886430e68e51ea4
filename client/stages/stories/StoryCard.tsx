import { memo } from 'react'
import { useGroupLabel } from './useGroupLabel.ts'
import { useTranslation } from 'react-i18next'
import { EditingNote } from '../../ui/index.ts'
import { personaLine } from './PersonaCard.tsx'
import type { StoryEntry } from './storiesModel.ts'
import { TrendFlag } from './TrendFlag.tsx'
import { useStoryName } from '../../state/useStoryName.ts'
import { useBodySummary, usePersona, useStoryBody } from './useStoriesData.ts'

interface StoryCardProps {
  entry: StoryEntry
  trendCount: number
  onScreen: boolean
  onOpen(storyId: string): void
}

/** The id of a card's open button: going back from a story puts focus here again. */
export const storyOpenButtonId = (storyId: string) => `story-open-${storyId}`

/**
 * A story in the list: whose day it is, its title and group, how far along (words, sources), the
 * trend check, and who is writing it now. The whole card opens the story.
 */
export const StoryCard = memo(function StoryCard({ entry, trendCount, onScreen, onOpen }: StoryCardProps) {
  const { t } = useTranslation()
  const label = useGroupLabel()
  const { story, group, mine } = entry
  const persona = usePersona(story.personaId)
  const { citations, words } = useBodySummary(useStoryBody(story.id))
  const sourceCount = new Set(citations.map((c) => `${c.kind}|${c.refId}`)).size
  const title = useStoryName()(story)
  const line = personaLine(persona, t)

  return (
    <li className={`story-card ui-stack${mine ? ' story-card--mine' : ''}`}>
      <p className="story-card__eyebrow">
        <span>{group ? label.name(group) : t('stories.wholeRoom')}</span>
        {mine && <span className="badge story-card__mine">{t('stories.yourGroup')}</span>}
        {onScreen && <span className="badge badge--facilitator">{t('stories.screen.onScreen')}</span>}
      </p>
      <h4 className="story-card__title">
        <button type="button" id={storyOpenButtonId(story.id)} className="story-card__open" onClick={() => onOpen(story.id)}>
          {title}
        </button>
      </h4>
      <p className={`story-card__persona${line ? '' : ' is-empty'}`}>{line || t('stories.card.noPersona')}</p>
      <StoryStats words={words} sources={sourceCount} />
      <TrendFlag trendCount={trendCount} compact live={false} />
      <EditingNote itemId={story.id} className="story-card__editing" />
    </li>
  )
})

/**
 * "17 words · 2 sources". The dot is for the eye; a screen reader hears a comma in its place,
 * not "17 words2 sources" run together.
 */
export function StoryStats({ words, sources }: { words: number; sources: number }) {
  const { t } = useTranslation()
  return (
    <p className="story-card__stats">
      {t('stories.card.words', { count: words })}
      <span aria-hidden="true">{' · '}</span>
      <span className="visually-hidden">{', '}</span>
      {t('stories.card.sources', { count: sources })}
    </p>
  )
}
