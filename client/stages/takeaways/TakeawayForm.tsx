import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { existingIds } from '../../../shared/doc/index.ts'
import { TAKEAWAY_LIMITS, type Takeaway, type TakeawayInput, type When } from '../../../shared/schema/index.ts'
import { useStoryName } from '../../state/useStoryName.ts'
import { lengthField, useEditingMarker } from '../../ui/index.ts'
import { LinkPicker, type LinkOption } from './LinkPicker.tsx'
import { WHEN } from './takeawaysModel.ts'
import type { TakeawayDraft } from './unsentTakeaway.ts'
import { useKeyDrivers, useOrderedStories, useOrderedTrends, useStoryMap, useTrendMap } from './useTakeawaysData.ts'
import './form.css'

/**
 * What should we do, who, when, and where it comes from. The draft is this person's until they
 * save: a change someone else makes to the same takeaway meanwhile never overwrites their typing.
 */
export function TakeawayForm({
  takeaway,
  draft,
  initialWhen,
  onDraft,
  onSave,
  onCancel,
}: {
  /** The takeaway being edited; none when adding. */
  takeaway?: Takeaway
  /** What this person was writing before (adding): the form starts from it. */
  draft?: TakeawayDraft | null
  initialWhen: When
  /** Every change, as written so far: to keep it on the device until it is saved. */
  onDraft?(draft: TakeawayDraft): void
  onSave(input: TakeawayInput): void
  onCancel(): void
}) {
  const { t } = useTranslation()
  const id = useId()
  useEditingMarker(takeaway?.id ?? null)
  const trendMap = useTrendMap()
  const storyMap = useStoryMap()
  const start = takeaway ?? draft
  const [text, setText] = useState(start?.text ?? '')
  const [who, setWho] = useState(start?.who ?? '')
  // Opened from a column ("Within a year"), a draft goes there.
  const [when, setWhen] = useState<When>(takeaway?.when ?? initialWhen)
  // Links to trends or stories deleted since are dropped, not kept dangling: an edited takeaway's
  // now, a draft's when it is added (after a reload the board may arrive after the form opens,
  // and its links must not be dropped, and stored dropped, before it has).
  const [trendIds, setTrendIds] = useState<string[]>(() => (takeaway ? existingIds(takeaway.trendIds, trendMap) : [...(draft?.trendIds ?? [])]))
  const [storyIds, setStoryIds] = useState<string[]>(() => (takeaway ? existingIds(takeaway.storyIds, storyMap) : [...(draft?.storyIds ?? [])]))
  useEffect(() => {
    onDraft?.({ text, who, when, trendIds, storyIds })
  }, [onDraft, text, who, when, trendIds, storyIds])
  const [error, setError] = useState(false)
  const trendOptions = useTrendOptions()
  const storyOptions = useStoryOptions()

  // The note under the text is its hint, or "required" in its place (never over the limit, then).
  const textLength = lengthField(text, TAKEAWAY_LIMITS.text, {
    id: `${id}-text`,
    label: t('takeaways.form.text'),
    error: error || undefined,
    after: [`${id}-text-note`],
  })
  const whoLength = lengthField(who, TAKEAWAY_LIMITS.who, { id: `${id}-who`, label: t('takeaways.form.who') })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '' || textLength.over) {
      setError(text.trim() === '')
      document.getElementById(`${id}-text`)?.focus()
      return
    }
    if (whoLength.over) {
      document.getElementById(`${id}-who`)?.focus()
      return
    }
    onSave({ text: text.trim(), who: who.trim(), when, trendIds: existingIds(trendIds, trendMap), storyIds: existingIds(storyIds, storyMap) })
  }

  return (
    <form className="form takeaway-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {t('takeaways.form.text')}
        </label>
        <textarea
          {...textLength.props}
          className="input input--multiline"
          value={text}
          rows={3}
          data-autofocus=""
          placeholder={t('takeaways.form.textPlaceholder')}
          onChange={(event) => {
            setText(event.target.value)
            if (error) setError(event.target.value.trim() === '')
          }}
        />
        {textLength.counter}
        {textLength.error ? (
          <p id={`${id}-text-note`} className="field__error">
            {t('takeaways.form.textRequired')}
          </p>
        ) : (
          <p id={`${id}-text-note`} className="field__hint">
            {t('takeaways.form.textHint')}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-who`}>
          {t('takeaways.form.who')}
        </label>
        <input
          {...whoLength.props}
          className="input"
          value={who}
          placeholder={t('takeaways.form.whoPlaceholder')}
          onChange={(event) => setWho(event.target.value)}
        />
        {whoLength.counter}
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{t('takeaways.form.when')}</legend>
        <div className="when-picker">
          {WHEN.map((option) => (
            <label key={option} className="when-picker__option ui-pill">
              <input type="radio" name={`${id}-when`} value={option} checked={when === option} onChange={() => setWhen(option)} />
              <span>{t(`takeaways.when.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <LinkPicker legend={t('takeaways.form.trends')} options={trendOptions} selected={trendIds} onChange={setTrendIds} empty={t('takeaways.form.noTrends')} />
      <LinkPicker
        legend={t('takeaways.form.stories')}
        options={storyOptions}
        selected={storyIds}
        onChange={setStoryIds}
        empty={t('takeaways.form.noStories')}
      />
      <div className="form__actions form__actions--end">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('takeaways.form.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {takeaway ? t('takeaways.form.save') : t('takeaways.form.add')}
        </button>
      </div>
    </form>
  )
}

function useTrendOptions(): LinkOption[] {
  const { t } = useTranslation()
  const trends = useOrderedTrends()
  const keyDrivers = useKeyDrivers()
  return useMemo(() => {
    const options = trends.map((trend) => ({
      id: trend.id,
      label: trend.name.trim() || t('takeaways.unnamedTrend'),
      ...(keyDrivers.includes(trend.id) ? { note: t('takeaways.keyDriver') } : {}),
    }))
    // Key drivers first: the takeaways most often come from them.
    return [...options.filter((o) => o.note), ...options.filter((o) => !o.note)]
  }, [trends, keyDrivers, t])
}

function useStoryOptions(): LinkOption[] {
  const stories = useOrderedStories()
  const storyName = useStoryName()
  return useMemo(() => stories.map((story) => ({ id: story.id, label: storyName(story) })), [stories, storyName])
}
