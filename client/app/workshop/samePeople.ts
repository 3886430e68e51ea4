import { useShallow } from 'zustand/react/shallow'
import type { Participant } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'

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
