import { lazy, Suspense, useEffect, useId, useRef, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme } from '../../../shared/schema/meta.ts'
import type { SignalPatch } from '../../../shared/schema/signal.ts'
import { lengthField, useEditingMarker } from '../../ui/index.ts'
import { SignalFields } from './SignalFields.tsx'
import { LIMITS, changedFields, type SignalFormValues } from './signalForm.ts'
import { useKeptEdit } from './useKeptEdit.ts'

// Seldom needed (a card changed by someone else meanwhile): not part of the stage's first download.
const ChangedMeanwhile = lazy(() => import('./ChangedMeanwhile.tsx').then((m) => ({ default: m.ChangedMeanwhile })))

interface SignalEditorProps {
  /** The card as it is now (a card removed meanwhile: as it was when the edit started). */
  signal: { id: string } & SignalFormValues
  themes: readonly Theme[]
  isPrivate: boolean
  onSave(id: string, patch: SignalPatch, isPrivate: boolean): void
  onClose(): void
  /**
   * Set for a card deleted or merged away meanwhile (`RemovedCardEdit`): saving adds the text as
   * a new card instead; false when that could not be done (the documents are not open yet).
   */
  onAddAsNew?(values: SignalFormValues): boolean
}

/**
 * Edits a card in place. Others see "… is editing" while it is open (not for a private card:
 * its id means nothing to them). Saving writes only the fields changed here, so someone else's
 * edit of another field made meanwhile survives. What is typed is kept on this device until
 * saved or cancelled (`useKeptEdit`): after a reload the editor opens again with it.
 */
export function SignalEditor({ signal, themes, isPrivate, onSave, onClose, onAddAsNew }: SignalEditorProps) {
  const { t } = useTranslation()
  const id = useId()
  const removed = onAddAsNew !== undefined
  useEditingMarker(isPrivate || removed ? null : signal.id)
  const { values, errors, change, check, opened, changedElsewhere, forget } = useKeptEdit(signal)
  const titleRef = useRef<HTMLInputElement>(null)
  const title = lengthField(values.title, LIMITS.title, {
    id: `${id}-title`,
    label: t('signals.fields.title'),
    error: errors.title,
    errorId: `${id}-title-error`,
    overAdvice: t('signals.limit.titleAdvice'),
  })

  useEffect(() => titleRef.current?.focus(), [])

  const close = () => {
    forget()
    onClose()
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    const result = check()
    if (!result.ok) {
      document.getElementById(`${id}-${result.firstInvalid}`)?.focus()
      return
    }
    if (onAddAsNew) {
      if (!onAddAsNew(result.input)) return
    } else onSave(signal.id, changedFields(opened, result.input), isPrivate)
    close()
  }

  return (
    <form
      className="card signal-card signal-card--editing"
      aria-labelledby={`${id}-heading`}
      aria-describedby={removed ? `${id}-removed` : undefined}
      onSubmit={save}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          close()
        }
      }}
    >
      <h3 id={`${id}-heading`} className="signal-card__editing-heading">
        {removed ? t('signals.edit.removedHeading') : t('signals.edit.heading')}
      </h3>
      {removed && (
        <p id={`${id}-removed`} className="signal-card__edit-note">
          {t('signals.edit.removedNote')}
        </p>
      )}
      {changedElsewhere.length > 0 && (
        <Suspense fallback={null}>
          <ChangedMeanwhile fields={changedElsewhere} card={signal} themes={themes} />
        </Suspense>
      )}
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
        <button type="button" className="button button--ghost" onClick={close}>
          {removed ? t('signals.edit.discard') : t('signals.edit.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {removed ? t('signals.edit.addAsNew') : t('signals.edit.save')}
        </button>
      </div>
    </form>
  )
}
