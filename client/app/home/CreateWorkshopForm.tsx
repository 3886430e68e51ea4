import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TEMPLATE_HORIZON_YEARS, TEMPLATE_IDS, TITLE_MAX, FOCAL_QUESTION_MAX } from '../../../shared/api.ts'
import type { Language } from '../../i18n/language.ts'
import { rememberKey } from '../keys.ts'
import { navigate } from '../routing.ts'
import { Field } from './Field.tsx'
import { createWorkshop, validate, type CreateFormValues, type FieldErrors, type FormField } from './createWorkshop.ts'

interface CreateWorkshopFormProps {
  /** Preselected workshop language: the language the page is shown in. */
  defaultLanguage: Language
  /** Test seam. */
  fetchImpl?: typeof fetch
}

type Status = { kind: 'idle' } | { kind: 'submitting' } | { kind: 'failed'; messageKey: string; detail: string | null }

export function CreateWorkshopForm({ defaultLanguage, fetchImpl }: CreateWorkshopFormProps) {
  const { t } = useTranslation()
  const formId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const [values, setValues] = useState<CreateFormValues>({
    title: '',
    focalQuestion: '',
    horizonYear: '',
    template: 'signals-to-stories',
    language: defaultLanguage,
  })
  // Until the person picks a workshop language, it follows the page language switch.
  const [languageTouched, setLanguageTouched] = useState(false)
  const formValues = languageTouched ? values : { ...values, language: defaultLanguage }
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  const change = <K extends keyof CreateFormValues>(field: K, value: CreateFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }))
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }))
  }

  const focusField = (field: FormField) => {
    const element = formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`)
    element?.focus()
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (status.kind === 'submitting') return
    const checked = validate(formValues)
    if (!checked.ok) {
      setErrors(checked.errors)
      const first = (Object.keys(checked.errors) as FormField[])[0]
      if (first) focusField(first)
      return
    }
    setErrors({})
    setStatus({ kind: 'submitting' })
    const result = await createWorkshop(checked.body, fetchImpl)
    if (result.ok) {
      const { id, keys, links } = result.workshop
      rememberKey(id, 'facilitator', keys.facilitator)
      rememberKey(id, 'participant', keys.participant)
      rememberKey(id, 'screen', keys.screen)
      navigate(links.facilitator)
      return
    }
    if (result.kind === 'field') {
      setErrors({ [result.field]: result.errorKey })
      setStatus({ kind: 'idle' })
      focusField(result.field)
      return
    }
    setStatus({ kind: 'failed', messageKey: `create.errors.${result.kind}`, detail: result.message })
  }

  const submitting = status.kind === 'submitting'
  const templateLegendId = `${formId}-template`

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`} className="panel__title">
        {t('create.heading')}
      </h2>
      <p className="panel__lead">{t('create.lead')}</p>

      {status.kind === 'failed' && (
        <div className="callout callout--error" role="alert">
          <p>{t(status.messageKey)}</p>
          {status.detail && (
            <p className="callout__detail" lang="en">
              {status.detail}
            </p>
          )}
        </div>
      )}

      <Field
        id={`${formId}-title`}
        label={t('create.title.label')}
        required
        requiredLabel={t('form.required')}
        error={errors.title && t(errors.title, { max: TITLE_MAX })}
        length={{ text: values.title, max: TITLE_MAX }}
      >
        {(props) => (
          <input
            {...props}
            data-field="title"
            className="input"
            type="text"
            autoComplete="off"
            placeholder={t('create.title.placeholder')}
            value={values.title}
            onChange={(event) => change('title', event.target.value)}
          />
        )}
      </Field>

      <Field
        id={`${formId}-focal`}
        label={t('create.focalQuestion.label')}
        hint={t('create.focalQuestion.hint')}
        error={errors.focalQuestion && t(errors.focalQuestion, { max: FOCAL_QUESTION_MAX })}
        length={{ text: values.focalQuestion, max: FOCAL_QUESTION_MAX }}
      >
        {(props) => (
          <textarea
            {...props}
            data-field="focalQuestion"
            className="input input--multiline"
            rows={3}
            placeholder={t('create.focalQuestion.placeholder')}
            value={values.focalQuestion}
            onChange={(event) => change('focalQuestion', event.target.value)}
          />
        )}
      </Field>

      <div className="form__row">
        <Field
          id={`${formId}-horizon`}
          label={t('create.horizonYear.label')}
          hint={t('create.horizonYear.hint')}
          error={errors.horizonYear && t(errors.horizonYear)}
        >
          {(props) => (
            <input
              {...props}
              data-field="horizonYear"
              className="input input--year"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              // Left empty, the template's year is the workshop's: shown as it will be.
              placeholder={String(TEMPLATE_HORIZON_YEARS[formValues.template])}
              value={values.horizonYear}
              onChange={(event) => change('horizonYear', event.target.value)}
            />
          )}
        </Field>

        <Field id={`${formId}-language`} label={t('create.language.label')} hint={t('create.language.hint')} error={errors.language && t(errors.language)}>
          {(props) => (
            <select
              {...props}
              data-field="language"
              className="input input--select"
              value={formValues.language}
              onChange={(event) => {
                setLanguageTouched(true)
                change('language', event.target.value as CreateFormValues['language'])
              }}
            >
              <option value="en">{t('language.name.en')}</option>
              <option value="fi">{t('language.name.fi')}</option>
            </select>
          )}
        </Field>
      </div>

      <fieldset className="fieldset" aria-describedby={errors.template ? `${templateLegendId}-error` : undefined}>
        <legend id={templateLegendId} className="field__label">
          {t('create.template.label')}
        </legend>
        <div className="choice-list">
          {TEMPLATE_IDS.map((template, index) => (
            <label key={template} className="choice">
              <input
                type="radio"
                name={`${formId}-template`}
                value={template}
                data-field={index === 0 ? 'template' : undefined}
                checked={values.template === template}
                onChange={() => change('template', template)}
              />
              <span className="choice__text">
                <span className="choice__title">{t(`template.${template}.name`)}</span>
                <span className="choice__description">{t(`template.${template}.description`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.template && (
          <p id={`${templateLegendId}-error`} className="field__error">
            {t(errors.template)}
          </p>
        )}
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button button--primary button--large" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('create.submitting') : t('create.submit')}
        </button>
      </div>
    </form>
  )
}
