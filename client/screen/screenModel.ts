/**
 * Small decisions of the projector view, pure so they are tested without a browser.
 */
import type { FocusKind } from '../../shared/schema/session.ts'
import type { StageKind } from '../../shared/schema/stage.ts'
import { stageManifest } from '../stages/registry.ts'
import type { PresencePerson } from '../sync/presence.ts'

/**
 * Whether the stage shows this kind of focus on the projector itself (its manifest's `ownFocus`:
 * the trends stage its focused cluster with its cards, the stories stage the story being written
 * live). For those the stage view stays; any other focus is shown large by the screen view itself.
 */
export function stageShowsFocus(stage: StageKind, focus: FocusKind): boolean {
  return stageManifest(stage).ownFocus === focus
}

/**
 * How many have joined: everyone on the board's participant list plus anyone here who has not
 * given a name yet, but not the facilitators (they join the board too). Presence tells them apart
 * only while they are online, so `facilitators` holds every id this screen has seen as one: a
 * facilitator whose laptop drops off the network does not become one more participant.
 */
export function joinedCount(participantIds: Iterable<string>, people: readonly PresencePerson[], facilitators: ReadonlySet<string> = new Set()): number {
  const ids = new Set(participantIds)
  for (const person of people) if (person.role !== 'facilitator') ids.add(person.id)
  for (const person of people) if (person.role === 'facilitator') ids.delete(person.id)
  for (const id of facilitators) ids.delete(id)
  return ids.size
}

/** With nobody new for this long, most of the room has joined. */
export const SETTLED_AFTER_MS = 45_000

/** How the join panel shows: see `joinPanelSize`. */
export type JoinPanelSize = 'large' | 'side' | 'corner'

/**
 * The join panel: large beside the focal question at the opening while people are arriving; a
 * column beside the stage's work on a later stage once the facilitator turns the join code on
 * there (J: someone is still to join, and scans from where they sit); and, once arrivals stop
 * (nobody new for SETTLED_AFTER_MS after the first, or after it was turned on), a small code in
 * the bar's corner for latecomers, its address and code typed rather than scanned. The corner is
 * also what a later stage shows when the code was on all along: a column all workshop long would
 * take a sixth of every stage's width. `shownAt`: when the facilitator turned it on while this
 * screen was open (null if it was on when the screen opened, or is off).
 */
export function joinPanelSize({
  opening,
  joined,
  lastJoinAt,
  shownAt,
  now,
}: {
  opening: boolean
  joined: number
  lastJoinAt: number
  shownAt: number | null
  now: number
}): JoinPanelSize {
  const turnedOnLately = shownAt !== null && now - Math.max(shownAt, lastJoinAt) < SETTLED_AFTER_MS
  if (opening) return turnedOnLately || joined === 0 || now - lastJoinAt < SETTLED_AFTER_MS ? 'large' : 'corner'
  return turnedOnLately ? 'side' : 'corner'
}
