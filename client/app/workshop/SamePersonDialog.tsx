import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { joinAsParticipant } from '../../../shared/doc/index.ts'
import type { Participant } from '../../../shared/schema/index.ts'
import { loadServerIdentity, requestIdentityAs } from '../../identity/serverIdentity.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { Dialog } from '../../ui/index.ts'
import { formatClock } from '../../i18n/formatClock.ts'

/**
 * Someone else on the board who joined from a facilitator's link (`facilitators`, the control
 * document's `facilitatorPeople`) with this device's name, while this device is not on it yet; or
 * null. Asked of a facilitator only: the facilitator's laptop, phone and second laptop each became
 * a person of their own ("Fiona, Fiona, Fiona" in the report, one of them a voter who never
 * voted). A participant cannot be anyone else (the server refuses: it would be their vote), nor is
 * a facilitator asked whether they are a participant who has their name.
 */
export function samePersonFor(
  participants: ReadonlyMap<string, Participant> | undefined,
  facilitators: Readonly<Record<string, boolean>> | undefined,
  me: { id: string; name: string },
): Participant | null {
  if (!participants || !facilitators || me.name === '' || participants.has(me.id)) return null
  const name = me.name.toLocaleLowerCase()
  for (const person of participants.values()) if (facilitators[person.id] === true && person.name.toLocaleLowerCase() === name) return person
  return null
}

/** The facilitator's same-name person, as `useJoinBoard` and this dialog see it. */
export const useSamePerson = (active: boolean) =>
  useStore((s) => (active && s.participant ? samePersonFor(s.board?.participants, s.control?.facilitatorPeople, s.participant) : null))

/**
 * "Fiona is already in this workshop — is that you, on another device?" Yes: this device takes
 * that person's identity (the server checks the facilitator key) and reloads as them. No: it
 * joins as a new person of the same name, as before.
 */
export function SamePersonDialog() {
  const { t, i18n } = useTranslation()
  const open = useStore((s) => s.ui.dialog === 'samePerson')
  const isFacilitator = useStore((s) => s.session?.role === 'facilitator')
  const person = useSamePerson(open && isFacilitator)
  const { board } = useWorkshopDocs()
  const undoManager = useUndoManager()
  const [failed, setFailed] = useState(false)
  const close = () => useStore.getState().closeDialog()

  const continueAs = async (other: Participant) => {
    const { session } = useStore.getState()
    if (!session) return
    const answer = await requestIdentityAs(session.workshopId, session.key, other.id)
    // Reloaded as that person only once the browser keeps it: a reload that could not read it back
    // would be a new person again, and ask again, on every reload.
    if (answer.kind === 'ok' && loadServerIdentity(session.workshopId)?.participantId === other.id) window.location.reload()
    else setFailed(true)
  }
  const someoneElse = () => {
    const me = useStore.getState().participant
    if (board && me) outsideUndo(undoManager, () => joinAsParticipant(board, { participantId: me.id }, me.name))
    close()
  }

  // The other person renamed meanwhile: nothing to ask; useJoinBoard joins this device.
  useEffect(() => {
    if (open && !person) close()
  }, [open, person])

  if (!person) return null
  return (
    <Dialog open={open} onClose={someoneElse} title={t('identity.same.title', { name: person.name })} size="small" closeOnBackdrop={false}>
      <p>{t('identity.same.question', { name: person.name })}</p>
      {/* Which Fiona: the one who joined when this person's laptop did, not a participant of the same name. */}
      <p className="field__hint">{t('identity.same.joined', { name: person.name, time: formatClock(person.joinedAt, i18n.language) })}</p>
      {failed && (
        <p className="field__error" role="alert">
          {t('identity.same.failed')}
        </p>
      )}
      <div className="form__actions form__actions--end">
        <button type="button" className="button button--ghost" onClick={someoneElse}>
          {t('identity.same.no')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void continueAs(person)} data-autofocus="">
          {t('identity.same.yes', { name: person.name })}
        </button>
      </div>
    </Dialog>
  )
}
