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
 * given a name yet, but not the facilitators (they join the board too, presence tells them apart).
 */
export function joinedCount(participantIds: Iterable<string>, people: readonly PresencePerson[]): number {
  const ids = new Set(participantIds)
  for (const person of people) {
    if (person.role === 'facilitator') ids.delete(person.id)
    else ids.add(person.id)
  }
  return ids.size
}

/** With nobody new for this long, most of the room has joined. */
export const SETTLED_AFTER_MS = 45_000

/**
 * The join panel: large beside the focal question at the opening while people are arriving;
 * once arrivals stop (nobody new for SETTLED_AFTER_MS after the first), and on every later stage,
 * a small code in the corner for latecomers. The facilitator shows or hides it altogether.
 */
export function joinPanelSize({ opening, joined, lastJoinAt, now }: { opening: boolean; joined: number; lastJoinAt: number; now: number }): 'large' | 'corner' {
  if (!opening) return 'corner'
  return joined > 0 && now - lastJoinAt >= SETTLED_AFTER_MS ? 'corner' : 'large'
}
