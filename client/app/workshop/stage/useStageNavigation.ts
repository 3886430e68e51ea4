import { useMemo } from 'react'
import { selectCurrentStageId, selectStages } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { resolveNavigation, type StageNavigation } from './stageNavigation.ts'

/** This person's place in the flow, from three narrow selectors (stages keep identity until they change). */
export function useStageNavigation(): StageNavigation {
  const stages = useStore(selectStages)
  const currentStageId = useStore(selectCurrentStageId)
  const viewingStageId = useStore((s) => s.ui.viewingStageId)
  return useMemo(() => resolveNavigation(stages, currentStageId, viewingStageId), [stages, currentStageId, viewingStageId])
}

/** Stop looking back: show the room's stage again. */
export function backToGroup(): void {
  useStore.getState().viewStage(null)
}
