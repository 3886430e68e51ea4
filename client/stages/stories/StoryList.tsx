import { useGroupLabel } from './useGroupLabel.ts'
import { memo, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/protocol.ts'
import { createStory, untouchedStoryOf } from '../../../shared/doc/index.ts'
import type { Group } from '../../../shared/schema/index.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { EmptyState } from '../../ui/index.ts'
import { NewStoryDialog } from './NewStoryDialog.tsx'
import { groupsWithoutStory, orderStories } from './storiesModel.ts'
import { StoryCard } from './StoryCard.tsx'
import { TrendCheck } from './TrendCheck.tsx'
import { useActor, useFocusedStoryId, useGroups, useStories } from './useStoriesData.ts'
import { useTrendLinks } from './useTrendLinks.ts'
import { canContribute } from '../../../shared/permissions.ts'
import { useViewer } from '../../state/useViewer.ts'

interface StoryListProps {
  role: Role
  myGroupId: string | null
  onOpen(storyId: string): void
  /**
   * A story this person has just started: it opens on its title field. `first`: started as its
   * group's first (the start card, the empty page), so someone else's earlier start wins.
   */
  onStarted(storyId: string, first: boolean): void
}

/**
 * Every story as a card (this person's group first), a "start" card for each group without a
 * story yet, and for the facilitator the method's check: which stories link back to a trend.
 */
export function StoryList({ role, myGroupId, onOpen, onStarted }: StoryListProps) {
  const { t } = useTranslation()
  const headingId = useId()
  const stories = useStories()
  const groups = useGroups()
  const focusedId = useFocusedStoryId()
  // Nobody writes the board while it is locked, the facilitator included: the server refuses it.
  const readOnly = !canContribute(useViewer(role))
  const { start, ready } = useStartStory(onStarted)
  const [choosing, setChoosing] = useState(false)

  const mine = role === 'participant' ? myGroupId : null
  const entries = useMemo(() => orderStories(stories, groups, mine), [stories, groups, mine])
  const ordered = useMemo(() => entries.map((entry) => entry.story), [entries])
  const trendLinks = useTrendLinks(ordered)
  const waiting = useMemo(() => groupsWithoutStory(groups, stories, mine), [groups, stories, mine])

  const newStory = () => (groups.length > 0 ? setChoosing(true) : start(null, false))

  return (
    <section className="stories" aria-labelledby={headingId}>
      <div className="stories__head ui-toolbar">
        <h3 id={headingId} className="stories__title">
          {t('stories.list.title')} <span className="stories__count">{entries.length}</span>
        </h3>
        {!readOnly && entries.length > 0 && (
          <button type="button" className="button button--secondary" onClick={newStory} disabled={!ready}>
            {t('stories.list.new')}
          </button>
        )}
      </div>
      {role === 'facilitator' && entries.length > 0 && <TrendCheck entries={entries} trendLinks={trendLinks} onOpen={onOpen} />}
      {entries.length === 0 && waiting.length === 0 ? (
        <EmptyState
          title={t('stories.list.emptyTitle')}
          text={t(readOnly ? 'stories.list.emptyReadOnly' : 'stories.list.emptyText')}
          action={
            !readOnly && (
              <button type="button" className="button button--primary" onClick={() => start(null, true)} disabled={!ready}>
                {t('stories.list.start')}
              </button>
            )
          }
        />
      ) : (
        <ul className="stories__grid ui-grid-list">
          {entries.map((entry) => (
            <StoryCard
              key={entry.story.id}
              entry={entry}
              trendCount={trendLinks.get(entry.story.id) ?? 0}
              onScreen={entry.story.id === focusedId}
              onOpen={onOpen}
            />
          ))}
          {waiting.map((group) => (
            <StartCard key={group.id} group={group} mine={group.id === mine} readOnly={readOnly} ready={ready} onStart={() => start(group.id, true)} />
          ))}
        </ul>
      )}
      <NewStoryDialog
        open={choosing}
        groups={groups}
        defaultGroupId={mine}
        onClose={() => setChoosing(false)}
        onCreate={(groupId) => {
          setChoosing(false)
          start(groupId, false)
        }}
      />
    </section>
  )
}

/**
 * Creates a story (empty persona and body) and opens it: the group fills both in together. A
 * person who starts again before anything is written in theirs gets the same one back.
 */
function useStartStory(onStarted: (storyId: string, first: boolean) => void) {
  const { board } = useWorkshopDocs()
  const actor = useActor()
  const start = (groupId: string | null, first: boolean) => {
    if (!board || !actor) return
    const storyId = untouchedStoryOf(board, actor.participantId, groupId) ?? createStory(board, { title: '', groupId, persona: {} }, actor).storyId
    onStarted(storyId, first)
  }
  return { start, ready: board !== null && actor !== null }
}

const StartCard = memo(function StartCard({
  group,
  mine,
  readOnly,
  ready,
  onStart,
}: {
  group: Group
  mine: boolean
  readOnly: boolean
  ready: boolean
  onStart(): void
}) {
  const { t } = useTranslation()
  const label = useGroupLabel()
  const name = label.name(group)
  const shapedBy = label.shapedBy(group)
  return (
    <li className={`story-card ui-stack story-card--start${mine ? ' story-card--mine' : ''}`}>
      <p className="story-card__eyebrow">
        <span>{name}</span>
        {mine && <span className="badge story-card__mine">{t('stories.yourGroup')}</span>}
      </p>
      {shapedBy && <p className="story-card__shaped">{shapedBy}</p>}
      <p className="story-card__start-text">{t('stories.list.notStarted')}</p>
      {!readOnly && (
        <button type="button" className="button button--primary story-card__start" onClick={onStart} disabled={!ready}>
          {mine ? t('stories.list.startMine') : t('stories.list.startFor', { group: name })}
        </button>
      )}
    </li>
  )
})
