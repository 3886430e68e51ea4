import { memo, useId, useRef } from 'react'
import { useGroupLabel } from './useGroupLabel.ts'
import { useTranslation } from 'react-i18next'
import { setFocus, updateStory } from '../../../shared/doc/index.ts'
import { STORY_LIMITS, type Group, type Story } from '../../../shared/schema/index.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { lengthField, PersonChip, useEditorsOf } from '../../ui/index.ts'
import { useElsewhere } from '../../ui/useElsewhere.tsx'
import { useLimitedSharedDraft } from '../../ui/useLimitedSharedDraft.ts'
import { TrendFlag } from './TrendFlag.tsx'
import { useFocusedStoryId } from './useStoriesData.ts'

/** The first stop of the keyboard in an opened story. */
export type FirstFocus = 'back' | 'title'

interface StoryHeaderProps {
  story: Story
  group: Group | null
  /** The heading's text when the title is empty ("Aino's day"). */
  fallbackTitle: string
  trendCount: number
  readOnly: boolean
  facilitator: boolean
  canDelete: boolean
  firstFocus: FirstFocus
  onBack(): void
  onDelete(): void
}

/** Back to the list, the story's title, who else is writing, the trend check and the story's actions. */
export const StoryHeader = memo(function StoryHeader({
  story,
  group,
  fallbackTitle,
  trendCount,
  readOnly,
  facilitator,
  canDelete,
  firstFocus,
  onBack,
  onDelete,
}: StoryHeaderProps) {
  const { t } = useTranslation()
  const label = useGroupLabel()
  const titleId = useId()
  return (
    <header className="story-head ui-stack">
      <div className="story-head__bar">
        {/* Opening a story to read moves focus here: a visible, safe first stop (no phone keyboard pops up). */}
        <button type="button" className="button button--ghost story-head__back" onClick={onBack} autoFocus={firstFocus === 'back' || readOnly}>
          <span aria-hidden="true">{'←'}</span>
          {t('stories.back')}
        </button>
        <span className="story-head__group">{group ? label.name(group) : t('stories.wholeRoom')}</span>
        <Writers storyId={story.id} />
        <span className="story-head__actions">
          {facilitator && <ScreenToggle storyId={story.id} />}
          {canDelete && (
            <button type="button" className="button button--ghost story-head__delete" onClick={onDelete}>
              {t('stories.delete.button')}
              {/* Read after the visible word, as the wall's per-card buttons are: which story. */}
              <span className="visually-hidden">: {story.title.trim() || fallbackTitle}</span>
            </button>
          )}
        </span>
      </div>
      <h3 className="visually-hidden">{story.title.trim() || fallbackTitle}</h3>
      <label className="visually-hidden" htmlFor={titleId}>
        {t('stories.title.label')}
      </label>
      {/* A story just started is named first: the keyboard waits on its title. */}
      <TitleField
        id={titleId}
        label={t('stories.title.label')}
        story={story}
        readOnly={readOnly}
        placeholder={fallbackTitle}
        autoFocus={firstFocus === 'title' && !readOnly}
      />
      <TrendFlag trendCount={trendCount} />
    </header>
  )
})

interface TitleFieldProps {
  id: string
  label: string
  story: Story
  readOnly: boolean
  placeholder: string
  autoFocus: boolean
}

function TitleField({ id, label, story, readOnly, placeholder, autoFocus }: TitleFieldProps) {
  const { t } = useTranslation()
  const { board } = useWorkshopDocs()
  const input = useRef<HTMLTextAreaElement>(null)
  // Past the limit the title stays in this field, counted, and the story keeps the last title that fitted (see `LengthCounter`).
  const draft = useLimitedSharedDraft(story.title, STORY_LIMITS.title, `story:${story.id}:title`, (title) =>
    board ? updateStory(board, story.id, { title }) : false,
  )
  const elsewhere = useElsewhere(draft, input, {
    said: (value) => t('stories.title.elsewhere', { value }),
    take: (value) => t('stories.title.takeElsewhere', { value }),
  })
  const length = lengthField(draft.value, STORY_LIMITS.title, { id, label, before: [elsewhere.describedBy], savedAsTyped: true })
  // A one-line title in a field that wraps: on a phone a one-line input showed "Aino keeps the
  // town r" and hid the rest while it was written. Still one line of data: Enter finishes the
  // title (leaving the field saves it), and a line break pasted in becomes a space.
  return (
    <>
      <textarea
        ref={input}
        {...length.props}
        className="story-head__title"
        rows={1}
        autoComplete="off"
        readOnly={readOnly}
        autoFocus={autoFocus}
        value={draft.value}
        placeholder={placeholder}
        onChange={(event) => draft.change(event.target.value.replace(/\s*\n\s*/g, ' '))}
        onBlur={(event) => elsewhere.leave(event.relatedTarget)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          event.currentTarget.blur()
        }}
      />
      {length.counter}
      {elsewhere.note}
    </>
  )
}

/** The others who have this story open right now. */
function Writers({ storyId }: { storyId: string }) {
  const { t } = useTranslation()
  const editors = useEditorsOf(storyId)
  if (editors.length === 0) return null
  return (
    <span className="story-head__writers">
      <span className="story-head__writers-label">{t('stories.writers')}</span>
      {editors.slice(0, 4).map((person) => (
        <PersonChip key={person.id} name={person.name} color={person.color} size="small" />
      ))}
      {editors.length > 4 && <span className="story-head__more">{t('stories.writersMore', { count: editors.length - 4 })}</span>}
    </span>
  )
}

function ScreenToggle({ storyId }: { storyId: string }) {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const onScreen = useFocusedStoryId() === storyId
  return (
    <button
      type="button"
      className={`button button--secondary story-head__screen${onScreen ? ' is-on' : ''}`}
      aria-pressed={onScreen}
      disabled={!control}
      onClick={() => control && setFocus(control, onScreen ? null : { kind: 'story', id: storyId })}
    >
      {t(onScreen ? 'stories.screen.onScreen' : 'stories.screen.show')}
    </button>
  )
}
