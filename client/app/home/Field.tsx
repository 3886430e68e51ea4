import type { ReactNode } from 'react'
import { LengthCounter, shownError, type LengthStatus } from '../../ui/index.ts'

/** Props a field hands to its control so label, hint and error are tied to it. */
export interface FieldControlProps {
  id: string
  'aria-invalid': boolean
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
  /** A text with a limit: counted under the control (`LengthCounter`), which past the limit is its error. */
  length?: { status: LengthStatus; max: number }
}

/** A label, an optional hint and an error message, tied to one control. */
export function Field({ id, label, hint, error: ownError, required, requiredLabel, children, length }: FieldProps) {
  const error = length ? shownError(ownError || undefined, length.status) : ownError
  const over = length?.status.kind === 'over'
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const countId = length && length.status.kind !== 'quiet' ? `${id}-count` : undefined
  const describedBy = [errorId, countId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error || over ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && requiredLabel && <span className="field__required"> {requiredLabel}</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error) || over, 'aria-describedby': describedBy, ...(required ? { 'aria-required': true } : {}) })}
      {length && <LengthCounter id={`${id}-count`} label={label} status={length.status} max={length.max} />}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  )
}
