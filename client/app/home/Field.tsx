import type { ReactNode } from 'react'

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
}

/** A label, an optional hint and an error message, tied to one control. */
export function Field({ id, label, hint, error, required, requiredLabel, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && requiredLabel && <span className="field__required"> {requiredLabel}</span>}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, ...(required ? { 'aria-required': true } : {}) })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  )
}
