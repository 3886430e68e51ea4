/**
 * "7 of 12 ready": who is here (participants in presence, not facilitators or screens) and which
 * of them said "I'm done" for the stage. Someone who said so and then left is not counted: the
 * facilitator is deciding about the people in the room.
 */
import type { PresencePerson } from '../../../sync/presence.ts'

export interface Readiness {
  /** Participants here now. */
  total: number
  /** Of those, how many are done. */
  ready: number
  /** Those still working, by name: the facilitator may want to ask them. */
  notReady: readonly PresencePerson[]
}

export function readiness(people: readonly PresencePerson[], readyIds: Iterable<string>): Readiness {
  const done = new Set(readyIds)
  const here = people.filter((person) => person.role === 'participant')
  const notReady = here.filter((person) => !done.has(person.id)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  return { total: here.length, ready: here.length - notReady.length, notReady }
}
