import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { citationSources } from '../../../shared/doc/stories/index.ts'
import type { Group, Persona, Story } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'
import { useStoryName } from '../../state/useStoryName.ts'
import { EmptyState } from '../../ui/index.ts'
import { personaLine } from './PersonaCard.tsx'
import { ReadOnlyBody } from './ReadOnlyBody.tsx'
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

function ScreenStory({ story, group }: { story: Story; group: Group | null }) {
  const { t } = useTranslation()
  const persona = usePersona(story.personaId)
  const body = useStoryBody(story.id)
  const board = useCitableBoard()
  const year = useHorizonYear()
  const resolved = useResolvedCitations(body)
  const sources = useMemo(() => citationSources(resolved), [resolved])
  const name = persona?.name.trim() ?? ''
  const storyTitle = useStoryName()
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
      {body ? <ReadOnlyBody body={body} board={board} titleLevel={2} fitToScreen /> : null}
      <footer className="screen-story__foot">
        {persona && <PersonaFacts persona={persona} />}
        <SourcesPanel sources={sources} headingLevel={3} />
      </footer>
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
