import type { Role } from '../../shared/protocol.ts'
import type { Stage } from '../../shared/schema/stage.ts'

/**
 * What every stage component receives. Documents come from `useWorkshopDocs()`, snapshots from
 * the store through selectors, the person from `useStore(s => s.participant)`.
 */
export interface StageProps {
  /** The stage being shown (the room's current one, or a finished one someone is looking back at). */
  stage: Stage
  role: Role
  /** False when the person is looking at a stage other than the room's current one. */
  isCurrent: boolean
}
