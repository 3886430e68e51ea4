import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { WHEEL_NODE_LIMITS, type Valence } from '../../../shared/schema/index.ts'
import { lengthField } from '../../ui/index.ts'
import { ValencePicker } from './valence.tsx'
import './list/list.css'

export interface ConsequenceFormProps {
  /** The field's label: "What happens because of this?" / "Edit the consequence". */
  label: string
  submitLabel: string
  initialText?: string
  initialValence?: Valence
  /**
   * Saves; returns whether it worked. An add form clears itself and stays open for the next
   * consequence (ideas come in bursts); an edit form is closed by its parent.
   */
  onSubmit(text: string, valence: Valence): boolean
  onCancel?: () => void
  cancelLabel?: string
  /** Focus the text field when the form appears (not for the always-open form at the bottom). */
  autoFocus?: boolean
  resetAfterSubmit?: boolean
  disabled?: boolean
}

/**
 * The text and valence of one consequence, for adding and for editing, in the list and in the
 * diagram's side panel. Enter saves (Shift+Enter for a new line), Escape cancels. While editing,
 * remote changes to the same consequence never overwrite what this person is typing: the draft is
 * local until saved.
 */
export function ConsequenceForm(props: ConsequenceFormProps) {
  const { label, submitLabel, onSubmit, onCancel, cancelLabel, autoFocus = false, resetAfterSubmit = false, disabled = false } = props
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(props.initialText ?? '')
  const [valence, setValence] = useState<Valence>(props.initialValence ?? '')
  const [error, setError] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  // An empty text is the only error of its own (never over the limit, then): it takes the hint's place.
  const length = lengthField(text, WHEEL_NODE_LIMITS.text, {
    id: `${id}-text`,
    label,
    error: error || undefined,
    errorId: `${id}-error`,
    after: [!error && `${id}-hint`],
  })

  useEffect(() => {
    if (autoFocus) field.current?.focus()
  }, [autoFocus])

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    const value = text.trim()
    if (value === '' || length.over) {
      setError(value === '')
      field.current?.focus()
      return
    }
    if (!onSubmit(value, valence)) return
    if (resetAfterSubmit) {
      setText('')
      setValence('')
      field.current?.focus()
    }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      submit()
    }
  }

  return (
    <form
      className="consequence-form ui-stack"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.stopPropagation()
          onCancel()
        }
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-text`}>
          {label}
        </label>
        <textarea
          ref={field}
          {...length.props}
          className="input consequence-form__text"
          rows={2}
          value={text}
          disabled={disabled}
          placeholder={t('wheel.form.placeholder')}
          onChange={(event) => {
            setText(event.target.value)
            if (error && event.target.value.trim() !== '') setError(false)
          }}
          onKeyDown={onKeyDown}
        />
        {length.counter}
        {length.error ? (
          <p id={`${id}-error`} className="field__error">
            {t('wheel.form.required')}
          </p>
        ) : (
          <p id={`${id}-hint`} className="field__hint">
            {t('wheel.form.hint')}
          </p>
        )}
      </div>
      <ValencePicker value={valence} onChange={setValence} disabled={disabled} />
      <div className="consequence-form__actions">
        <button type="submit" className="button button--primary" disabled={disabled}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {cancelLabel ?? t('wheel.form.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
