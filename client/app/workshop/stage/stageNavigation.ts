/**
 * Where a person is in the flow: the room's stage (the facilitator's current one), the stage
 * this person is looking at, and which stages they may go back to. Pure functions over the
 * control snapshot; selectors in `useStageNavigation.ts` memoise them.
 */
import type { Stage } from '../../../../shared/schema/stage.ts'

export interface StageNavigation {
  /** The stages in the room's flow (skipped ones left out), in order. */
  steps: readonly Stage[]
  /** The room's stage, or null before the facilitator starts. */
  current: Stage | null
  /** The stage shown to this person: a finished one they went back to, else the room's. */
  viewed: Stage | null
  /** True while this person looks at another stage than the room's. */
  outOfStep: boolean
  /** 1-based position of the viewed stage among the steps (0 before the start). */
  viewedNumber: number
  /** Ids of the stages before the room's one: the ones anybody may look back at. */
  finishedIds: ReadonlySet<string>
}

/** The flow the room goes through: skipped stages are not steps. */
export function flowSteps(stages: readonly Stage[]): Stage[] {
  return stages.filter((stage) => !stage.skipped)
}

/**
 * Resolves what a person sees. A look-back is honoured only for a finished stage: when the
 * facilitator goes back to it, or skips it, the person simply follows the room again.
 */
export function resolveNavigation(stages: readonly Stage[], currentStageId: string | null, viewingStageId: string | null): StageNavigation {
  const steps = flowSteps(stages)
  const currentIndex = steps.findIndex((stage) => stage.id === currentStageId)
  const current = currentIndex >= 0 ? steps[currentIndex]! : (stages.find((stage) => stage.id === currentStageId) ?? null)
  const finishedIds = new Set(currentIndex > 0 ? steps.slice(0, currentIndex).map((stage) => stage.id) : [])
  const lookedBack = viewingStageId !== null && finishedIds.has(viewingStageId) ? steps.find((stage) => stage.id === viewingStageId)! : null
  const viewed = lookedBack ?? current
  return {
    steps,
    current,
    viewed,
    outOfStep: lookedBack !== null,
    viewedNumber: viewed ? steps.indexOf(viewed) + 1 : 0,
    finishedIds,
  }
}
