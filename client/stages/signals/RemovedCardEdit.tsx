import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme } from '../../../shared/schema/meta.ts'
import { useAnnounce } from '../../ui/index.ts'
import { useDraftOwner } from '../../state/storeContext.ts'
import { SignalEditor } from './SignalEditor.tsx'
import type { SignalFormValues } from './signalForm.ts'
import { loadUnsavedEdit } from './unsavedEdit.ts'
import type { SignalCommands } from './useSignalCommands.ts'

interface RemovedCardEditProps {
  signalId: string
  themes: readonly Theme[]
  commands: SignalCommands
  onClose(): void
}

/**
 * The unsaved edit of a card deleted or merged into another meanwhile (see `unsavedEdit.ts`):
 * its text in an editor of its own, to add as a new card or to discard. Shown only once the
 * documents have synced, so a card still on its way is never taken for a deleted one.
 */
export function RemovedCardEdit({ signalId, themes, commands, onClose }: RemovedCardEditProps) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const owner = useDraftOwner()
  const [kept] = useState(() => (owner ? loadUnsavedEdit(owner, signalId) : null))
  // Nothing was typed in it: nothing to offer, and no editor to keep open.
  useEffect(() => {
    if (!kept) onClose()
  }, [kept, onClose])
  if (!kept) return null

  const addAsNew = (values: SignalFormValues) => {
    if (commands.add(values) === null) return false
    announce(t(commands.writesPrivately ? 'signals.add.addedPrivately' : 'signals.add.added', { title: values.title }))
    return true
  }
  const close = () => {
    onClose()
    // The card it was has gone: the add form is where to carry on.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.add-signal__title')?.focus())
  }

  return (
    <SignalEditor signal={{ id: signalId, ...kept.base }} themes={themes} isPrivate={false} onSave={() => undefined} onClose={close} onAddAsNew={addAsNew} />
  )
}
