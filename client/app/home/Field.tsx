import type { ReactNode } from 'react'
import { lengthField } from '../../ui/index.ts'

/** Props a field hands to its control so label, hint and error are tied to it. */
export interface FieldControlProps {
  id: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
  'aria-required'?: boolean
}

interface FieldProps {
  id: string
  label: string
  hint?: string
  /** Already translated; shown beside the control and announced. */
  error?: string | undefined | false
  required?: boolean
  /** Translated "required" marker, shown after the label. */
  requiredLabel?: string
  children(props: FieldControlProps): ReactNode
  /** A text with a limit: counted under the control (`lengthField`), which past the limit is its error. */
  length?: { text: string; max: number }
}

/** A label, an optional hint and an error message, tied to one control. */
export function Field({ id, label, hint, error: ownError, required, requiredLabel, children, length }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  // A field without a limit is never counted: against an endless one its text stays quiet.
  const field = lengthField(length?.text ?? '', length?.max ?? Infinity, { id, label, error: ownError || undefined, errorId: `${id}-error`, after: [hintId] })
  return (
    <div className={`field${field.error || field.over ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && requiredLabel && <span className="field__required"> {requiredLabel}</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ ...field.props, ...(required ? { 'aria-required': true } : {}) })}
      {field.counter}
      {field.error && (
        <p id={`${id}-error`} className="field__error">
          {field.error}
        </p>
      )}
    </div>
  )
}
