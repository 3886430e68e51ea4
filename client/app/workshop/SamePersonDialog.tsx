import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { joinAsParticipant } from '../../../shared/doc/index.ts'
import type { Participant } from '../../../shared/schema/index.ts'
import { saveName } from '../../identity/participant.ts'
import { loadServerIdentity, requestIdentityAs } from '../../identity/serverIdentity.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { outsideUndo, useUndoManager } from '../../sync/UndoContext.tsx'
import { Dialog } from '../../ui/index.ts'
import { formatClock } from '../../i18n/formatClock.ts'

/** At most this many people of the facilitator's link are offered (a workshop has one or two facilitators). */
const MOST_OFFERED = 6

/**
 * Whom a facilitator's device not yet on the board may be, on another device: the people on the
 * board who joined from the facilitator's link (`facilitators`, the control document's
 * `facilitatorPeople`), never a participant. Asked of a facilitator only: the facilitator's
 * laptop, phone and second laptop each became a person of their own ("Fiona, Fiona, Fiona" in the
 * report, one of them a voter who never voted). A participant cannot be anyone else (the server
 * refuses: it would be their vote).
 *
 * Those with this device's name, if any. Otherwise, when the device came with a name this browser
 * kept from another workshop (`namedHere` false: the person said nothing here yet), every one of
 * them, oldest first: Fiona's phone that was "Fiona K." elsewhere is still asked. A name the person
 * typed on this page that matches no one says they are someone else; they are not asked.
 */
export function samePeopleFor(
  participants: ReadonlyMap<string, Participant> | undefined,
  facilitators: Readonly<Record<string, boolean>> | undefined,
  me: { id: string; name: string },
  namedHere: boolean,
): Participant[] {
  if (!participants || !facilitators || me.name === '' || participants.has(me.id)) return []
  const ofTheLink = [...participants.values()].filter((person) => facilitators[person.id] === true).sort((a, b) => a.joinedAt - b.joinedAt)
  const name = me.name.toLocaleLowerCase()
  const sameName = ofTheLink.filter((person) => person.name.toLocaleLowerCase() === name)
  if (sameName.length > 0) return sameName.slice(0, MOST_OFFERED)
  return namedHere ? [] : ofTheLink.slice(0, MOST_OFFERED)
}

/** The people a facilitator's device is asked about, as `useJoinBoard`, the name dialog and this dialog see them. */
export const useSamePeople = (active: boolean) =>
  useStore(useShallow((s) => (active && s.participant ? samePeopleFor(s.board?.participants, s.control?.facilitatorPeople, s.participant, s.namedHere) : [])))

/**
 * "Fiona is already in this workshop — is that you, on another device?" (or, for a device that
 * came with another name, "Are you already in this workshop?" with each person of the
 * facilitator's link). Yes: this device takes that person's identity (the server checks the
 * facilitator key) and reloads as them. No: it joins as a new person, as before.
 */
export function SamePersonDialog() {
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
