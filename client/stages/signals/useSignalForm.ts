import { useState } from 'react'
import { validateSignalForm, type SignalFormErrors, type SignalFormValues, type ValidatedSignal } from './signalForm.ts'

/**
 * A signal form's values and errors, for adding and for editing alike: a change clears that
 * field's error, and `check` shows every problem at once and says which field to focus first
 * (its element id is `${idPrefix}-${field}`, as `SignalFields` names them).
 */
export function useSignalForm(initial: SignalFormValues) {
  const [values, setValues] = useState<SignalFormValues>(initial)
  const [errors, setErrors] = useState<SignalFormErrors>({})

  const change = <K extends keyof SignalFormValues>(field: K, value: SignalFormValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }))
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }))
  }

  const check = (): ValidatedSignal & { firstInvalid?: keyof SignalFormValues } => {
    const result = validateSignalForm(values)
    if (result.ok) return result
    setErrors(result.errors)
    return { ...result, firstInvalid: (Object.keys(result.errors) as (keyof SignalFormValues)[])[0] }
  }

  /** Starts again from `next`, with no errors shown. */
  const reset = (next: SignalFormValues) => {
    setValues(next)
    setErrors({})
  }

  return { values, errors, change, check, reset }
}
