import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_NAME_LENGTH, saveName } from '../../identity/participant.ts'
import { useStore } from '../../state/store.ts'

/** Shows the person's name (or an invitation to add one) and opens the name dialog. */
export function NameButton() {
  const { t } = useTranslation()
  const participant = useStore((s) => s.participant)
  if (!participant) return null
  const named = participant.name !== ''
  return (
    <button type="button" className="button button--ghost person-chip" onClick={() => useStore.getState().openDialog('name')}>
      <span className="person-chip__dot" style={{ backgroundColor: participant.color }} aria-hidden="true" />
      {/* The accessible name starts with the visible text ("Anna, change your name"). */}
      <span className="person-chip__name">{named ? participant.name : t('identity.add')}</span>
      {named && <span className="visually-hidden">{`, ${t('identity.change')}`}</span>}
    </button>
  )
}

/**
 * "What should we call you?" — asked once on this device, editable from the header.
 * A native modal <dialog>: focus moves in, Escape closes, the page behind is inert.
 */
export function NameDialog() {
  const { t } = useTranslation()
  const id = useId()
  const open = useStore((s) => s.ui.dialog === 'name')
  const participant = useStore((s) => s.participant)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [draft, setDraft] = useState('')

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      setDraft(participant?.name ?? '')
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    } else if (!open && dialog.open) {
      dialog.close()
    }
    // The draft is seeded when the dialog opens, not on every identity change.
    // (participant is read, deliberately not a dependency.)
  }, [open])

  const close = () => useStore.getState().closeDialog()

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const { participant: current, setParticipant } = useStore.getState()
    if (current) setParticipant(saveName(current, draft))
    close()
  }

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} onClose={close} onCancel={close}>
      <form className="form" onSubmit={save}>
        <h2 id={`${id}-title`} className="dialog__title">
          {t('identity.dialogTitle')}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('identity.label')}
          </label>
          <p id={`${id}-hint`} className="field__hint">
            {t('identity.hint')}
          </p>
          <input
            id={`${id}-name`}
            className="input"
            type="text"
            autoComplete="nickname"
            maxLength={MAX_NAME_LENGTH}
            aria-describedby={`${id}-hint`}
            placeholder={t('identity.placeholder')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoFocus
          />
        </div>
        <div className="form__actions form__actions--end">
          <button type="button" className="button button--ghost" onClick={close}>
            {t('identity.later')}
          </button>
          <button type="submit" className="button button--primary">
            {t('identity.save')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
