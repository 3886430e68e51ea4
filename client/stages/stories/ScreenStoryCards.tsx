import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Story } from '../../../shared/schema/index.ts'
import { useStoryName } from '../../state/useStoryName.ts'
import { FitPages } from '../../ui/fit/FitPages.tsx'
import { useHyphenate } from '../../ui/hyphenate.ts'
import { personaLine, personaWho } from './PersonaCard.tsx'
import { StoryStats } from './StoryCard.tsx'
import type { StoryEntry } from './storiesModel.ts'
import { useGroupLabel } from './useGroupLabel.ts'
import { useBodySummary, usePersona, useStoryBody } from './useStoriesData.ts'

/** Full (the persona with their household) → compact (the persona's name and age) → group and title alone. */
const DENSITIES = ['full', 'compact', 'titles'] as const
type Density = (typeof DENSITIES)[number]

/**
 * Every group's story as a card, so the room sees how far each group is. The cards flow down
 * columns that fill the stage area (ui/fit), as the signal wall's do: eight stories in two rows
 * of a grid ran off the bottom of a 1280×720 projector, and the last card off a 1920×1080 one.
 * When they outgrow the screen they get denser, then turn pages by themselves ("Page 2 of 3").
 */
export function ScreenStoryCards({ entries }: { entries: readonly StoryEntry[] }) {
  const { t } = useTranslation()
  const hyphenate = useHyphenate()
  const nameOf = useGroupLabel().name
  // `storyTitle` changes with the personas too, whose lines are what makes a card taller. A word
  // count ticking up as a group writes does not, so it does not set the fit searching again.
  const storyTitle = useStoryName()
  const contentKey = useMemo(() => [entries, hyphenate, nameOf, storyTitle], [entries, hyphenate, nameOf, storyTitle])
  return (
    <div className="screen-stories fit-host">
      <FitPages levels={DENSITIES} contentKey={contentKey} className="screen-stories__flow" label={t('stories.list.title')}>
        {(density) =>
          entries.map(({ story, group }) => (
            <ScreenCard
              key={story.id}
              story={story}
              groupName={group ? nameOf(group) : t('stories.wholeRoom')}
              title={hyphenate(storyTitle(story))}
              density={density}
            />
          ))
        }
      </FitPages>
    </div>
  )
}

interface ScreenCardProps {
  story: Story
  groupName: string
  title: string
  density: Density
}

/** One story on the projector, as much of it as the density allows; the group and title always whole. */
const ScreenCard = memo(function ScreenCard({ story, groupName, title, density }: ScreenCardProps) {
  const { t } = useTranslation()
  const persona = usePersona(story.personaId)
  const { words, citations } = useBodySummary(useStoryBody(story.id))
  const sourceCount = new Set(citations.map((c) => `${c.kind}|${c.refId}`)).size
  const who = density === 'full' ? personaLine(persona, t) : personaWho(persona, t)
  // No trend check here: that is the facilitator's conversation with a group, not the room's.
  return (
    <div role="listitem" className="story-card ui-stack screen-story-card">
      <p className="story-card__eyebrow">{groupName}</p>
      <h2 className="story-card__title">{title}</h2>
      {density !== 'titles' && (
        <>
          <p className={`story-card__persona${who ? '' : ' is-empty'}`}>{who || t('stories.card.noPersona')}</p>
          <StoryStats words={words} sources={sourceCount} />
        </>
      )}
    </div>
  )
})
