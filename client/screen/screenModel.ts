/**
 * Small decisions of the projector view, pure so they are tested without a browser.
 */
import type { FocusKind } from '../app/workshop/facilitator/focusOptions.ts'
import type { StageKind } from '../../shared/schema/stage.ts'
import type { PresencePerson } from '../sync/presence.ts'

/**
 * Stages that show their own kind of focus on the projector (the trends stage its focused
 * cluster with its cards, the stories stage the story being written live). For those the stage
 * view stays; any other focus is shown large by the screen view itself.
 */
const STAGE_OWN_FOCUS: Partial<Record<StageKind, FocusKind>> = {
  trends: 'trend',
  stories: 'story',
  wheel: 'wheel',
}

export function stageShowsFocus(stage: StageKind, focus: FocusKind, stageBuilt: boolean): boolean {
  return stageBuilt && STAGE_OWN_FOCUS[stage] === focus
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
