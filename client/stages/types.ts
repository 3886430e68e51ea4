import type { Role } from '../../shared/protocol.ts'
import type { Stage } from '../../shared/schema/stage.ts'

/** Who works on a stage: the projector (`screen`) has a view of its own, `ScreenProps`. */
export type WorkingRole = Exclude<Role, 'screen'>

/**
 * What every stage's working view receives. Documents come from `useWorkshopDocs()`, snapshots
 * from the store through selectors, the person from `useStore(s => s.participant)`.
 */
export interface StageProps {
  /** The stage being shown (the room's current one, or a finished one someone is looking back at). */
  stage: Stage
  role: WorkingRole
  /** False when the person is looking at a stage other than the room's current one. */
  isCurrent: boolean
}

/** What every stage's projector view receives: always the room's current stage, read-only. */
export interface ScreenProps {
  stage: Stage
}
