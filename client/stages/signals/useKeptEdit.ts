import { useCallback, useEffect, useState } from 'react'
import { useDraftOwner } from '../../state/storeContext.ts'
import { formValuesOf, type SignalFormValues } from './signalForm.ts'
import { keepUnsavedEdit, loadUnsavedEdit, resumeEdit } from './unsavedEdit.ts'
import { useSignalForm } from './useSignalForm.ts'

/**
 * The card editor's form: it starts from the edit this person left unsaved on this card, if any
 * (`unsavedEdit.ts`), and keeps what is typed on the device until `forget` (saved or cancelled).
 * Closing it any other way (a reload, the stage moved on, another card's editor opened) keeps it.
 */
export function useKeptEdit(signal: { id: string } & SignalFormValues) {
  const owner = useDraftOwner()
  const [start] = useState(() => resumeEdit(owner ? loadUnsavedEdit(owner, signal.id) : null, formValuesOf(signal)))
  const form = useSignalForm(start.values)
  const { values } = form
  useEffect(() => {
    if (owner) keepUnsavedEdit(owner, signal.id, { values, base: start.opened, at: Date.now() })
  }, [owner, signal.id, start.opened, values])
  const forget = useCallback(() => {
    if (owner) keepUnsavedEdit(owner, signal.id, null)
  }, [owner, signal.id])
  return { ...form, opened: start.opened, changedElsewhere: start.changedElsewhere, forget }
}
