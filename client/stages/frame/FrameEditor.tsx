import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { updateMeta } from '../../../shared/doc/index.ts'
import { getTemplate } from '../../../shared/method/templates.ts'
import { LANGUAGES, META_LIMITS, TONES, type MetaPatch, type Tone } from '../../../shared/schema/meta.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { lengthField } from '../../ui/index.ts'
import { useLimitedSharedDraft } from '../../ui/useLimitedSharedDraft.ts'
import { useSharedDraft } from '../../ui/useSharedDraft.ts'
import { ThemesEditor } from './ThemesEditor.tsx'

const MIN_YEAR = 2000
const MAX_YEAR = 2200

/** A year the schema accepts, or null for anything else ("20", "year 2040", 1999). */
export function parseHorizonYear(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{4}$/.test(trimmed)) return null
  const year = Number(trimmed)
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null
}

/**
 * The facilitator's frame: title, focal question, horizon year, tone, the workshop's language
 * (the projector's, and everyone's who has not picked one) and themes, saved as they type. The template was chosen when the workshop was created; it is shown, not changed here.
 */
export function FrameEditor() {
  const { t } = useTranslation()
  const id = useId()
  const { control } = useWorkshopDocs()
  const templateId = useStore((s) => s.control?.meta.templateId ?? null)
  const title = useStore((s) => s.control?.meta.title ?? '')
  const question = useStore((s) => s.control?.meta.focalQuestion ?? '')
  const year = useStore((s) => s.control?.meta.horizonYear ?? null)
  const tone = useStore((s) => s.control?.meta.tone ?? 'neutral')
  const language = useStore((s) => s.control?.meta.language ?? 'en')

  const save = (patch: MetaPatch): boolean => {
    if (!control) return false
    updateMeta(control, patch)
    return true
  }

  // Past a limit the text stays in its field, counted, and the workshop keeps the last text that fitted (see `LengthCounter`).
  const titleField = useLimitedSharedDraft(title, META_LIMITS.title, 'meta:title', (value) => save({ title: value }))
  const questionField = useLimitedSharedDraft(question, META_LIMITS.focalQuestion, 'meta:focalQuestion', (value) => save({ focalQuestion: value }))
  const titleLength = lengthField(titleField.value, META_LIMITS.title, { id: `${id}-title`, label: t('frame.editor.title'), savedAsTyped: true })
  const questionLength = lengthField(questionField.value, META_LIMITS.focalQuestion, {
    id: `${id}-question`,
    label: t('frame.editor.question'),
    before: [`${id}-question-hint`],
    savedAsTyped: true,
  })
  const yearField = useSharedDraft(year === null ? '' : String(year), (value) => {
    const parsed = parseHorizonYear(value)
    return parsed !== null && save({ horizonYear: parsed })
  })
  const yearInvalid = yearField.editing && parseHorizonYear(yearField.value) === null

  return (
    <section className="frame-editor ui-stack panel" aria-labelledby={`${id}-heading`}>
      <div className="frame-editor__intro ui-stack">
        <h2 id={`${id}-heading`} className="panel__title">
          {t('frame.editor.heading')}
        </h2>
        <p className="frame-editor__lead">{t('frame.editor.lead')}</p>
        {templateId && (
          <p className="frame-editor__template">
            <span className="frame-editor__template-label">{t('frame.editor.template')}</span>{' '}
            <span className="badge">{t(getTemplate(templateId).nameKey)}</span>
          </p>
        )}
      </div>

      <div className="form">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            {t('frame.editor.title')}
          </label>
          <input
            {...titleLength.props}
            className="input"
            type="text"
            placeholder={t('frame.editor.titlePlaceholder')}
            value={titleField.value}
            onChange={(event) => titleField.change(event.target.value)}
            onBlur={titleField.finish}
          />
          {titleLength.counter}
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-question`}>
            {t('frame.editor.question')}
          </label>
          <p id={`${id}-question-hint`} className="field__hint">
            {t('frame.editor.questionHint')}
          </p>
          <textarea
            {...questionLength.props}
            className="input input--multiline frame-editor__question"
            rows={3}
            placeholder={t('frame.editor.questionPlaceholder')}
            value={questionField.value}
            onChange={(event) => questionField.change(event.target.value)}
            onBlur={questionField.finish}
          />
          {questionLength.counter}
        </div>

        <div className="form__row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-year`}>
              {t('frame.editor.year')}
            </label>
            <p id={`${id}-year-hint`} className="field__hint">
              {t('frame.editor.yearHint')}
            </p>
            <input
              id={`${id}-year`}
              className="input input--year"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              aria-invalid={yearInvalid}
              aria-describedby={yearInvalid ? `${id}-year-error ${id}-year-hint` : `${id}-year-hint`}
              value={yearField.value}
              onChange={(event) => yearField.change(event.target.value)}
              onBlur={yearField.finish}
            />
            {yearInvalid && (
              <p id={`${id}-year-error`} className="field__error">
                {t('frame.editor.yearError', { min: MIN_YEAR, max: MAX_YEAR })}
              </p>
            )}
          </div>

          <fieldset className="fieldset">
            <legend className="field__label">{t('frame.editor.tone')}</legend>
            <div className="choice-list">
              {TONES.map((option: Tone) => (
                <label key={option} className="choice">
                  <input type="radio" name={`${id}-tone`} value={option} checked={tone === option} onChange={() => save({ tone: option })} />
                  <span className="choice__text">
                    <span className="choice__title">{t(`frame.tone.${option}.name`)}</span>
                    <span className="choice__description">{t(`frame.tone.${option}.description`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('frame.editor.language')}</legend>
          <p className="field__hint">{t('frame.editor.languageHint')}</p>
          <div className="choice-list">
            {LANGUAGES.map((option) => (
              <label key={option} className="choice">
                <input type="radio" name={`${id}-language`} value={option} checked={language === option} onChange={() => save({ language: option })} />
                <span className="choice__text">
                  <span className="choice__title">{t(`language.name.${option}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <ThemesEditor />
      </div>
    </section>
  )
}
