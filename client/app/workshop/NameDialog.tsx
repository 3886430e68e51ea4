import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { joinAsParticipant } from '../../../shared/doc/index.ts'
import { PARTICIPANT_LIMITS } from '../../../shared/schema/participant.ts'
import { saveName } from '../../identity/participant.ts'
import { useMyColor } from '../../identity/useMyColor.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { Dialog, lengthField } from '../../ui/index.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { samePeopleFor } from './samePeople.ts'

/** Shows the person's name (or an invitation to add one) and opens the name dialog. */
export function NameButton() {
  const { t } = useTranslation()
  const participant = useStore((s) => s.participant)
  const color = useMyColor()
  if (!participant) return null
  const named = participant.name !== ''
  return (
    <button
      type="button"
      className={`button button--ghost person-chip${named ? '' : ' person-chip--unnamed'}`}
      onClick={() => useStore.getState().openDialog('name')}
      // Named in one piece: the name and a visually hidden ", change your name" beside it were read
      // "Fiona , change your name", the chip's box putting a space between them.
      aria-label={named ? `${participant.name}, ${t('identity.change')}` : t('identity.add')}
    >
      <span className="person-chip__dot" style={{ backgroundColor: color ?? participant.color }} aria-hidden="true" />
      {/* The accessible name starts with the visible text ("Anna, change your name"). A phone's
          header says "Nimi" where "Lisää nimi" was cut to "Lisää …" (workshop.css). */}
      <span className="person-chip__name">
        {named ? (
          participant.name
        ) : (
          <>
            <span className="person-chip__add">{t('identity.add')}</span>
            <span className="person-chip__add-short">{t('identity.addShort')}</span>
          </>
        )}
      </span>
    </button>
  )
}

/**
 * "What should we call you?" — asked once on this device, editable from the header. Saving also
 * records the name on the board, so exports list participants and cards show their authors.
 */
export function NameDialog() {
  const { t } = useTranslation()
  const id = useId()
  const open = useStore((s) => s.ui.dialog === 'name')
  const { board } = useWorkshopDocs()
  const undoManager = useUndoManager()
  const [draft, setDraft] = useState('')
  // Counted as it will be kept: runs of spaces become one (as cleanName does, before it cuts).
  const length = lengthField(draft.replace(/\s+/g, ' ').trim(), PARTICIPANT_LIMITS.name, {
    id: `${id}-name`,
    label: t('identity.label'),
    before: [`${id}-hint`],
  })
  const field = useRef<HTMLInputElement>(null)

  // The draft is seeded when the dialog opens, not on every identity change.
  useEffect(() => {
    if (open) setDraft(useStore.getState().participant?.name ?? '')
  }, [open])

  const close = () => useStore.getState().closeDialog()

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    // A name past its limit is kept for the person to shorten, never cut to something they did not write.
    if (length.over) {
      field.current?.focus()
      return
    }
    const { participant: current, setParticipant, session, control } = useStore.getState()
    if (current) {
      const saved = saveName(current, draft)
      setParticipant(saved, true)
      // Written now, offline or not; useJoinBoard catches up after a locked or unopened board. A
      // facilitator named as someone on the board is asked first whether that is them (useJoinBoard).
      const askFirst =
        session?.role === 'facilitator' && samePeopleFor(useStore.getState().board?.participants, control?.facilitatorPeople, saved, true).length > 0
      if (board && saved.name !== '' && session?.role !== 'screen' && control?.locked !== true && !askFirst) {
        outsideUndo(undoManager, () => joinAsParticipant(board, { participantId: saved.id }, saved.name))
      }
    }
    close()
  }

  return (
    <Dialog open={open} onClose={close} title={t('identity.dialogTitle')} size="small" closeOnBackdrop={false}>
      <form className="form" onSubmit={save}>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('identity.label')}
          </label>
          <p id={`${id}-hint`} className="field__hint">
            {t('identity.hint')}
          </p>
          <input
            ref={field}
            {...length.props}
            className="input"
            type="text"
            autoComplete="nickname"
            placeholder={t('identity.placeholder')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            data-autofocus=""
          />
          {length.counter}
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
    </Dialog>
  )
}
