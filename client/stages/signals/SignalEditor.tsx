import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme } from '../../../shared/schema/meta.ts'
import type { Signal, SignalPatch } from '../../../shared/schema/signal.ts'
import { lengthField, useEditingMarker } from '../../ui/index.ts'
import { SignalFields } from './SignalFields.tsx'
import { LIMITS, changedFields, formValuesOf } from './signalForm.ts'
import { useSignalForm } from './useSignalForm.ts'

interface SignalEditorProps {
  signal: Signal
  themes: readonly Theme[]
  isPrivate: boolean
  onSave(id: string, patch: SignalPatch, isPrivate: boolean): void
  onClose(): void
}

/**
 * Edits a card in place. Others see "… is editing" while it is open (not for a private card:
 * its id means nothing to them). Saving writes only the fields changed here, so someone else's
 * edit of another field made meanwhile survives.
 */
export function SignalEditor({ signal, themes, isPrivate, onSave, onClose }: SignalEditorProps) {
  const { t } = useTranslation()
  const id = useId()
  useEditingMarker(isPrivate ? null : signal.id)
  // What the card said when the editor opened: the base the patch is computed against.
  const [opened] = useState(() => formValuesOf(signal))
  const { values, errors, change, check } = useSignalForm(opened)
  const titleRef = useRef<HTMLInputElement>(null)
  const title = lengthField(values.title, LIMITS.title, {
    id: `${id}-title`,
    label: t('signals.fields.title'),
    error: errors.title,
    errorId: `${id}-title-error`,
    overAdvice: t('signals.limit.titleAdvice'),
  })

  useEffect(() => titleRef.current?.focus(), [])

  const save = (event: FormEvent) => {
    event.preventDefault()
    const result = check()
    if (!result.ok) {
      document.getElementById(`${id}-${result.firstInvalid}`)?.focus()
      return
    }
    onSave(signal.id, changedFields(opened, result.input), isPrivate)
    onClose()
  }

  return (
    <form
      className="card signal-card signal-card--editing"
      aria-labelledby={`${id}-heading`}
      onSubmit={save}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onClose()
        }
      }}
    >
      <h3 id={`${id}-heading`} className="signal-card__editing-heading">
        {t('signals.edit.heading')}
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-title`}>
          {t('signals.fields.title')}
        </label>
        <input
          ref={titleRef}
          {...title.props}
          className="input"
          type="text"
          aria-required="true"
          value={values.title}
          onChange={(event) => change('title', event.target.value)}
        />
        {title.counter}
        {title.error && (
          <p id={`${id}-title-error`} className="field__error">
            {t(`signals.errors.${title.error}`)}
          </p>
        )}
      </div>
      <SignalFields idPrefix={id} values={values} errors={errors} themes={themes} onChange={change} />
      <div className="form__actions form__actions--end">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('signals.edit.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('signals.edit.save')}
        </button>
      </div>
    </form>
  )
}
