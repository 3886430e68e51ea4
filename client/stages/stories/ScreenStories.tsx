import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { citationSources } from '../../../shared/doc/stories/index.ts'
import type { Group, Persona, Story } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'
import { useStoryName } from '../../state/useStoryName.ts'
import { FitPages } from '../../ui/fit/FitPages.tsx'
import { EmptyState } from '../../ui/index.ts'
import { personaLine } from './PersonaCard.tsx'
import { ReadOnlyBody, useBodyBlocks } from './ReadOnlyBody.tsx'
import { orderStories } from './storiesModel.ts'
import { ScreenStoryCards } from './ScreenStoryCards.tsx'
import { SourcesPanel } from './SourcesPanel.tsx'
import { useCitableBoard, useFocusedStoryId, useGroups, useHorizonYear, usePersona, useResolvedCitations, useStories, useStoryBody } from './useStoriesData.ts'
import './stories.css'
import './list.css'
import './screen.css'

/**
 * The projector: the story the facilitator put on screen (or the only one) in large type, live as
 * the group writes; otherwise every story as a card (ScreenStoryCards.tsx).
 */
export default function ScreenStories() {
  const boardOpen = useStore((s) => s.board !== null)
  return boardOpen ? <StoriesOnScreen /> : null
}

/** Before the first story: what the groups are doing, so the room's screen teaches while it waits. */
function StorySteps() {
  const { t } = useTranslation()
  const year = useHorizonYear()
  return (
    <ol className="screen-stories__steps" aria-label={t('stories.screen.stepsLabel')}>
      <li>{t('stories.screen.step1')}</li>
      <li>{t('stories.screen.step2')}</li>
      <li>{year ? t('stories.screen.step3', { year }) : t('stories.screen.step3NoYear')}</li>
    </ol>
  )
}

function StoriesOnScreen() {
  const { t } = useTranslation()
  const stories = useStories()
  const groups = useGroups()
  const focusedId = useFocusedStoryId()
  const entries = useMemo(() => orderStories(stories, groups, null), [stories, groups])
  const shownId = focusedId && stories.has(focusedId) ? focusedId : entries.length === 1 ? entries[0]!.story.id : null

  if (entries.length === 0) return <EmptyState title={t('stories.screen.emptyTitle')} text={t('stories.screen.emptyText')} example={<StorySteps />} />
  if (shownId) return <ScreenStory story={stories.get(shownId)!} group={groups.find((g) => g.id === stories.get(shownId)!.groupId) ?? null} />
  return <ScreenStoryCards entries={entries} />
}

/**
 * Reading sizes of the story on the projector, largest first (screen.css: 1rem, 39 px at 1080p,
 * down to 0.55rem, 21 px): the largest at which the text and its panels fit the screen.
 */
const READ_SIZES = ['xl', 'l', 'm', 's', 'xs', 'xxs'] as const

function ScreenStory({ story, group }: { story: Story; group: Group | null }) {
  const { t } = useTranslation()
  const persona = usePersona(story.personaId)
  const body = useStoryBody(story.id)
  const blocks = useBodyBlocks(body)
  const board = useCitableBoard()
  const year = useHorizonYear()
  const resolved = useResolvedCitations(body)
  const sources = useMemo(() => citationSources(resolved), [resolved])
  const name = persona?.name.trim() ?? ''
  const storyTitle = useStoryName()
  // What the columns hold: a word typed, a chip's item renamed, a persona's line changed fits them again.
  const contentKey = useMemo(() => [blocks, board, persona, sources], [blocks, board, persona, sources])
  return (
    <article className="screen-story ui-stack" aria-labelledby={`screen-story-${story.id}`}>
      <header className="screen-story__head ui-stack">
        <p className="eyebrow">
          {[group?.name ?? t('stories.wholeRoom'), t('stories.prompt', { name: name || t('stories.promptSomeone'), year: year ?? '' })].join(' · ')}
        </p>
        <h2 id={`screen-story-${story.id}`} className="screen-story__title">
          {storyTitle(story)}
        </h2>
        {persona && personaLine(persona, t) && <p className="screen-story__persona">{personaLine(persona, t)}</p>}
      </header>
      {/* The text and, after it, the persona and the sources, in newspaper columns as large as all
          of it fits; past the smallest size, pages that turn ("Page 2 of 2"). Under the text
          with its own fit, the panels began below the bottom edge: only their top border showed. */}
      <div className="screen-story__pages fit-host">
        <FitPages levels={READ_SIZES} contentKey={contentKey} className="screen-story__flow">
          {() => (
            <>
              <ReadOnlyBody blocks={blocks} board={board} titleLevel={2} />
              {persona && <PersonaFacts persona={persona} />}
              <SourcesPanel sources={sources} headingLevel={3} />
            </>
          )}
        </FitPages>
      </div>
    </article>
  )
}

const PersonaFacts = memo(function PersonaFacts({ persona }: { persona: Persona }) {
  const { t } = useTranslation()
  const facts = (['lifeSituation', 'needs', 'values'] as const).filter((field) => persona[field] !== '')
  if (facts.length === 0) return null
  return (
    <section className="story-panel persona-facts" aria-label={t('stories.persona.title')}>
      <h3 className="story-panel__title">{t('stories.persona.title')}</h3>
      {facts.length > 0 && (
        <dl className="persona-facts__list ui-stack">
          {facts.map((field) => (
            <div key={field}>
              <dt>{t(`stories.persona.${field}.label`)}</dt>
              <dd>{persona[field]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  )
})
