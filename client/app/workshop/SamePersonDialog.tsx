import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { joinAsParticipant } from '../../../shared/doc/index.ts'
import type { Participant } from '../../../shared/schema/index.ts'
import { saveName } from '../../identity/participant.ts'
import { loadServerIdentity, requestIdentityAs } from '../../identity/serverIdentity.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { Dialog } from '../../ui/index.ts'
import { useSamePeople } from './samePeople.ts'
import { formatClock } from '../../i18n/formatClock.ts'

/**
 * "Fiona is already in this workshop — is that you, on another device?" (or, for a device that
 * came with another name, "Are you already in this workshop?" with each person of the
 * facilitator's link). Yes: this device takes that person's identity (the server checks the
 * facilitator key) and reloads as them. No: it joins as a new person, as before.
 */
export default function SamePersonDialog() {
  const { t, i18n } = useTranslation()
  const open = useStore((s) => s.ui.dialog === 'samePerson')
  const isFacilitator = useStore((s) => s.session?.role === 'facilitator')
  const people = useSamePeople(open && isFacilitator)
  const myName = useStore((s) => s.participant?.name ?? '')
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
    if (answer.kind !== 'ok' || loadServerIdentity(session.workshopId)?.participantId !== other.id) return setFailed(true)
    // Their name as the room knows it: this device's own (kept from another workshop) would rename them.
    const me = useStore.getState().participant
    if (me && me.name !== other.name) saveName(me, other.name)
    window.location.reload()
  }
  const someoneElse = () => {
    const me = useStore.getState().participant
    if (board && me) outsideUndo(undoManager, () => joinAsParticipant(board, { participantId: me.id }, me.name))
    close()
  }

  // The other person renamed meanwhile: nothing to ask; useJoinBoard joins this device.
  useEffect(() => {
    if (open && people.length === 0) close()
  }, [open, people.length])

  const [only] = people
  if (!only) return null
  const byName = only.name.toLocaleLowerCase() === myName.toLocaleLowerCase()
  const joinedAt = (person: Participant) => formatClock(person.joinedAt, i18n.language)
  const failure = failed && (
    <p className="field__error" role="alert">
      {t('identity.same.failed')}
    </p>
  )
  const no = (autofocus = false) => (
    <button type="button" className="button button--ghost" onClick={someoneElse} {...(autofocus ? { 'data-autofocus': '' } : {})}>
      {t('identity.same.no')}
    </button>
  )

  if (byName && people.length === 1) {
    return (
      <Dialog open={open} onClose={someoneElse} title={t('identity.same.title', { name: only.name })} size="small" closeOnBackdrop={false}>
        <p>{t('identity.same.question', { name: only.name })}</p>
        {/* Which Fiona: the one who joined when this person's laptop did. */}
        <p className="field__hint">{t('identity.same.joined', { name: only.name, time: joinedAt(only) })}</p>
        {failure}
        <div className="form__actions form__actions--end">
          {no()}
          <button type="button" className="button button--primary" onClick={() => void continueAs(only)} data-autofocus="">
            {t('identity.same.yes', { name: only.name })}
          </button>
        </div>
      </Dialog>
    )
  }
  return (
    <Dialog open={open} onClose={someoneElse} title={t('identity.same.anyTitle')} size="small" closeOnBackdrop={false}>
      <p>{t('identity.same.anyQuestion', { name: myName })}</p>
      {failure}
      <ul className="ui-list same-person__people">
        {people.map((person) => (
          <li key={person.id}>
            <button type="button" className="button button--secondary" onClick={() => void continueAs(person)}>
              {t('identity.same.pick', { name: person.name, time: joinedAt(person) })}
            </button>
          </li>
        ))}
      </ul>
      {/* The keyboard starts on "someone else": a co-facilitator's reflexive Enter must not make them Fiona. */}
      <div className="form__actions form__actions--end">{no(true)}</div>
    </Dialog>
  )
}
