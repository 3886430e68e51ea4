import { lazy, Suspense, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { withToolStrings } from '../../../i18n/index.ts'
import { StageView } from '../../../stages/StageView.tsx'
import type { WorkingRole } from '../../../stages/types.ts'
import { mayExportNow } from '../../../../shared/permissions.ts'
import { useStore } from '../../../state/store.ts'
import { useAnnounce, useClearAnnouncements } from '../../../ui/index.ts'
import { RestoreNotice } from '../results/RestoreNotice.tsx'
import { BackToGroup } from './BackToGroup.tsx'
import { LockedBanner } from './LockedBanner.tsx'
import { ReadyBar, StageNow } from './StageNow.tsx'
import { StageStepper } from './StageStepper.tsx'
import type { StageNavigation } from './stageNavigation.ts'
import { useStageNavigation } from './useStageNavigation.ts'
import './stage.css'

// Shown only once the facilitator lets participants take the report home: not part of the first stage's download.
const ParticipantDownload = lazy(() => import('../results/ParticipantDownload.tsx').then((m) => ({ default: m.ParticipantDownload })))
// Only a facilitator's device needs the console (and the results, history and replay it opens):
// a chunk of its own, so participants' phones never download it.
const FacilitatorConsole = lazy(withToolStrings(() => import('../facilitator/FacilitatorConsole.tsx').then((m) => ({ default: m.FacilitatorConsole }))))

/**
 * The workshop's main area: the flow, where we are and what to do, the focal question, the
 * facilitator's controls, and the stage itself. Everyone follows the facilitator's stage; anyone
 * may look back at a finished one and rejoin the group with one button.
 */
export function StageArea({ role }: { role: WorkingRole }) {
  const nav = useStageNavigation()
  useForgetStaleLookBack(nav)
  // Before the room-move announcement, so a new stage starts from an empty live region plus that one message.
  useClearOnStageChange(nav.viewed?.id ?? null)
  useAnnounceRoomMoves(nav)
  const viewed = nav.viewed
  const stage = viewed && (
    <div className="stage-area__stage" data-stage-kind={viewed.kind}>
      <StageView key={viewed.id} stage={viewed} role={role} isCurrent={!nav.outOfStep} />
    </div>
  )
  // The facilitator's laptop also shows the board: the console's one row says where the room is
  // (its stage button is the stage heading), so the stepper and the intro give way to the board.
  if (role === 'facilitator') {
    return (
      <div className="stage-area stage-area--facilitator">
        <Suspense fallback={null}>
          <FacilitatorConsole nav={nav} />
        </Suspense>
        <LockedBanner role={role} />
        <RestoreNotice role={role} />
        {stage}
      </div>
    )
  }
  return (
    <div className="stage-area">
      <StageStepper nav={nav} role={role} />
      <BackToGroup nav={nav} />
      <LockedBanner role={role} />
      <RestoreNotice role={role} />
      {role === 'participant' && <TakeHome />}
      <div className="stage-area__intro">
        <StageNow nav={nav} role={role} />
      </div>
      {stage}
      <ReadyBar nav={nav} role={role} />
    </div>
  )
}

/**
 * A look-back ends by itself when it no longer points at a finished stage (the facilitator went
 * back to it, or skipped it): otherwise the person would be thrown there again later.
 */
function useForgetStaleLookBack(nav: StageNavigation): void {
  const viewingStageId = useStore((s) => s.ui.viewingStageId)
  const currentId = nav.current?.id ?? null
  useEffect(() => {
    // Before the first control snapshot nothing is known yet: keep the choice.
    if (viewingStageId !== null && currentId !== null && !nav.outOfStep) useStore.getState().viewStage(null)
  }, [viewingStageId, currentId, nav.outOfStep])
}

/** A message about the stage someone leaves ("Voting is closed…") is not read out on the next. */
function useClearOnStageChange(viewedId: string | null): void {
  const clear = useClearAnnouncements()
  useEffect(() => clear(), [viewedId, clear])
}

/** "The group moved on to Trends": the stage changed under someone who may not be looking. */
function useAnnounceRoomMoves(nav: StageNavigation): void {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const kind = nav.current?.kind ?? null
  const id = nav.current?.id ?? null
  const previous = useRef<string | null>(null)
  useEffect(() => {
    // No stage yet: the room's document is still on its way. The first one we learn about is
    // where we arrived, not a move.
    if (id === null) return
    if (previous.current !== null && previous.current !== id && kind) announce(t('stageArea.roomMoved', { stage: t(`stage.${kind}.name`) }))
    previous.current = id
  }, [id, kind, announce, t])
}

/** A participant's "take the report home" (ParticipantDownload), loaded once it is allowed. */
function TakeHome() {
  const allowed = useStore((s) => mayExportNow('participant', s.control))
  if (!allowed) return null
  return (
    <Suspense fallback={null}>
      <ParticipantDownload />
    </Suspense>
  )
}
