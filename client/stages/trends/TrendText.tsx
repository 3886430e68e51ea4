import { memo, useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react'
import { TREND_LIMITS, type Trend, type TrendPatch } from '../../../shared/schema/index.ts'
import { lengthField, useEditingMarker } from '../../ui/index.ts'
import { useElsewhere } from '../../ui/useElsewhere.tsx'
import { useMergingDraft } from '../../ui/useMergingDraft.ts'
import { useLimitedSharedDraft } from '../../ui/useLimitedSharedDraft.ts'
import { useTrendsActions } from './actions.tsx'
import { useBoardText } from './boardText.tsx'

/**
 * A trend's name and story, edited in place: the name as the cluster's title, the narrative under
 * it, and opportunities and challenges folded away until someone opens them (or has written
 * them). While someone works in a field, the others see "Anna is editing…" on this trend.
 */
export const TrendText = memo(function TrendText({ trend }: { trend: Trend }) {
  const { t } = useBoardText()
  const editing = useWorkingIn()
  useEditingMarker(editing.working ? trend.id : null)
  // Folded by default so many clusters fit; the summary says whether something is written.
  const written = trend.opportunities !== '' || trend.challenges !== ''
  const [open, setOpen] = useState(false)
  const narrative = useRef<HTMLTextAreaElement>(null)

  return (
    <div
      className="trend__text ui-stack"
      // Deciding over another person's name ("Use …") is still editing this trend.
      onFocus={(event) => editing.set(isTextField(event.target) || event.target.closest('.trend__elsewhere') !== null)}
      onInput={() => editing.set(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) editing.set(false)
      }}
    >
      {/* Enter finishes the name and goes on to the narrative, as a form's next field. */}
      <NameField trend={trend} onDone={() => narrative.current?.focus()} />
      <TextField
        trend={trend}
        field="narrative"
        label={t('trends.narrative.label')}
        placeholder={t('trends.narrative.placeholder')}
        hideLabel
        inputRef={narrative}
      />
      <details className="trend__more" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="trend__summary">{t(written ? 'trends.more.summary' : 'trends.more.add')}</summary>
        <div className="trend__more-fields">
          <TextField trend={trend} field="opportunities" label={t('trends.opportunities.label')} placeholder={t('trends.opportunities.placeholder')} />
          <TextField trend={trend} field="challenges" label={t('trends.challenges.label')} placeholder={t('trends.challenges.placeholder')} />
        </div>
      </details>
    </div>
  )
})

/**
 * How long a trend stays "being edited" after the last keystroke in it while focus rests there.
 * Enter in a name goes on to the narrative, so focus often stays in a trend nobody is writing:
 * the room test ended with all eight trends saying "… is editing…" long after they were named.
 */
export const EDITING_IDLE_MS = 30_000

/** Whether this person is working in the trend's fields: from focus or a keystroke there, until they leave or go quiet. */
function useWorkingIn(): { working: boolean; set(working: boolean): void } {
  const [working, setWorking] = useState(false)
  const quiet = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(quiet.current), [])
  const set = useCallback((working: boolean) => {
    clearTimeout(quiet.current)
    setWorking(working)
    if (working) quiet.current = setTimeout(() => setWorking(false), EDITING_IDLE_MS)
  }, [])
  return { working, set }
}

const isTextField = (target: EventTarget) => target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement

function NameField({ trend, onDone }: { trend: Trend; onDone(): void }) {
  const { t } = useBoardText()
  const actions = useTrendsActions()
  const input = useRef<HTMLTextAreaElement>(null)
  // Past the limit the name stays in this field, counted, and the trend keeps the last name that fitted (see `LengthCounter`).
  const draft = useLimitedSharedDraft(trend.name, TREND_LIMITS.name, `trend:${trend.id}:name`, (name) => actions.updateTrend(trend.id, { name }))
  const id = useId()
  useEffect(
    () =>
      actions.nameFocus.register(trend.id, () => {
        input.current?.focus()
        input.current?.scrollIntoView?.({ block: 'nearest' })
      }),
    [actions, trend.id],
  )
  // Two people naming one trend at once: each sees the other's name before theirs replaces it.
  const elsewhere = useElsewhere(
    draft,
    input,
    { said: (name) => t('trends.name.elsewhere', { name }), take: (name) => t('trends.name.takeElsewhere', { name }) },
    { note: 'field-elsewhere trend__elsewhere', take: 'button button--ghost field-elsewhere__take' },
  )
  const length = lengthField(draft.value, TREND_LIMITS.name, {
    id,
    label: t('trends.name.label'),
    before: [elsewhere.describedBy],
    savedAsTyped: true,
  })
  return (
    <>
      {/* A one-line field that wraps long names instead of hiding their end; Enter goes on to the narrative. */}
      <textarea
        ref={input}
        {...length.props}
        className="trend__name"
        rows={1}
        value={draft.value}
        aria-label={t('trends.name.label')}
        placeholder={t('trends.name.placeholder')}
        onChange={(event) => draft.change(event.target.value.replace(/\s*\n\s*/g, ' '))}
        onBlur={(event) => elsewhere.leave(event.relatedTarget)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            onDone()
          }
        }}
      />
      {length.counter}
      {elsewhere.note}
    </>
  )
}

type StoryField = Exclude<keyof TrendPatch, 'name'>

function TextField({
  trend,
  field,
  label,
  placeholder,
  hideLabel = false,
  inputRef,
}: {
  trend: Trend
  field: StoryField
  label: string
  placeholder: string
  hideLabel?: boolean
  inputRef?: RefObject<HTMLTextAreaElement | null>
}) {
  const { t } = useBoardText()
  const actions = useTrendsActions()
  const id = useId()
  const max = TREND_LIMITS[field]
  const ownRef = useRef<HTMLTextAreaElement>(null)
  const textarea = inputRef ?? ownRef
  // Two people writing one narrative at once both keep their words (the last save replaced the whole text).
  // As the name: an over-long text stays here, counted; the trend keeps the last one that fitted.
  const { draft, merged, left } = useMergingDraft({
    remote: trend[field],
    max,
    keptAs: `trend:${trend.id}:${field}`,
    commit: (value) => actions.updateTrend(trend.id, { [field]: value }),
    writes: {
      current: () => actions.fieldWrite(trend.id, field),
      meet: (saves) => actions.meetsOwnWrites(trend.id, field, saves),
    },
    textarea,
    mergedMessage: t('trends.text.merged'),
  })
  const length = lengthField(draft.value, max, { id, label, savedAsTyped: true })
  return (
    <div className="trend__field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'trend__label'}>
        {label}
        {/* Eight trends' "Narrative" fields are told apart in a screen reader's list of fields. */}
        <span className="visually-hidden">: {trend.name.trim() || t('trends.unnamed')}</span>
      </label>
      <textarea
        ref={textarea}
        {...length.props}
        className={`trend__textarea trend__textarea--${field}`}
        value={draft.value}
        rows={2}
        placeholder={placeholder}
        onChange={(event) => draft.change(event.target.value)}
        onBlur={left}
      />
      {merged && <p className="field-elsewhere trend__elsewhere">{t('trends.text.merged')}</p>}
      {length.counter}
    </div>
  )
}

/** The same text for reading only (projector, or a locked workshop). */
export const TrendTextReadOnly = memo(function TrendTextReadOnly({
  trend,
  headingLevel = 3,
  headingId,
}: {
  trend: Trend
  headingLevel?: 2 | 3
  headingId?: string
}) {
  const { t } = useBoardText()
  const Heading = `h${headingLevel}` as const
  return (
    <div className="trend__text ui-stack">
      <Heading id={headingId} className={trend.name ? 'trend__title' : 'trend__title trend__title--unnamed'}>
        {trend.name || t('trends.unnamed')}
      </Heading>
      {trend.narrative && <p className="trend__narrative">{trend.narrative}</p>}
      {trend.opportunities && (
        <p className="trend__aspect">
          <span className="trend__aspect-label">{t('trends.opportunities.label')}</span> {trend.opportunities}
        </p>
      )}
      {trend.challenges && (
        <p className="trend__aspect">
          <span className="trend__aspect-label">{t('trends.challenges.label')}</span> {trend.challenges}
        </p>
      )}
    </div>
  )
})
