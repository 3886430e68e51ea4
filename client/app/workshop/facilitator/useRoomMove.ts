import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { closeAssessment, endPrivateRound, goToStage, groupSignals } from '../../../../shared/doc/index.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'
import { selectMemberships, selectSignals, selectStages, selectTrends } from '../../../state/selectors.ts'
import { useStore, type AppState } from '../../../state/store.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import type { StageNavigation } from '../stage/stageNavigation.ts'
import { useStageTimer } from '../stage/useStageTimer.ts'
import { leaveReasons, type LeaveReason } from './leaveChecks.ts'

export interface LeaveQuestion {
  target: Stage
  /** What leaving now would lose or hide; the question closes by itself when it empties. */
  reasons: readonly LeaveReason[]
}

export interface RoomMove {
  previous: Stage | undefined
  next: Stage | undefined
  /** Moves the room there at once, or asks first when something would be lost or hidden. */
  request(target: Stage): void
  question: LeaveQuestion | null
  /** Answers the question: go as things are, or first reveal the cards / close the vote. */
  go(settleFirst: boolean): void
  stay(): void
  /**
   * The room was asked to move while this device could not reach the server: it stayed (the stage
   * the facilitator sees it on), until this is dismissed or a move goes through.
   */
  stayedOffline: Stage | null
  dismissOffline(): void
}

const NO_SESSION = null

/**
 * Moving the room: Back, Next, a stage picked in the list, the keyboard. One place decides when
 * to ask (see leaveChecks.ts), so every way of moving asks the same question.
 */
export function useRoomMove(nav: StageNavigation): RoomMove {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const { steps, current } = nav
  const session = useStore((s) => s.control ?? NO_SESSION)
  const stages = useStore(selectStages)
  const timer = useStageTimer(current?.id ?? null)
  const [askingFor, setAskingFor] = useState<{ from: string | null; target: string } | null>(null)
  // A move made offline would be sent on reconnecting, maybe minutes later, and move the room
  // from whatever it does by then (the room test: everyone jumped from a story to Takeaways
  // 20 s after the facilitator's laptop found its Wi-Fi again). So moving needs the server.
  const online = useStore((s) => s.connection.control.status === 'connected')
  const [stayedOffline, setStayedOffline] = useState<Stage | null>(null)

  const index = current ? steps.indexOf(current) : -1
  const previous = index > 0 ? steps[index - 1] : undefined
  // Before the start (or from a skipped current stage) "next" is the first step after it.
  const next = current && index < 0 ? steps.find((stage) => stage.order > current.order) : steps[index + 1]

  // Read only on a trends stage: elsewhere no card change re-renders the console.
  const unsorted = useStore((s) => (current?.kind === 'trends' ? unsortedCount(s) : 0))

  const reasonsFor = useCallback(
    (target: Stage) => (session ? leaveReasons({ current, session, secondsLeft: timer?.secondsLeft ?? 0, unsorted, steps }, target) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- The seconds matter only as "some left": a ticking clock must not rebuild the question.
    [current, session, (timer?.secondsLeft ?? 0) > 0, unsorted, steps],
  )
  const target = askingFor && askingFor.from === (current?.id ?? null) ? (stages.find((s) => s.id === askingFor.target) ?? null) : null
  const question = useMemo(() => {
    const reasons = target ? reasonsFor(target) : []
    return target && reasons.length > 0 ? { target, reasons } : null
  }, [target, reasonsFor])
  // Nothing left to ask (the last card sorted, the cards revealed elsewhere): the question is
  // over, and does not come back by itself when a card goes back to the pile later.
  useEffect(() => {
    if (askingFor && !question) setAskingFor(null)
  }, [askingFor, question])

  const moveTo = useCallback(
    (stage: Stage) => {
      if (!control) return
      setAskingFor(null)
      if (!online) {
        setStayedOffline(current ?? null)
        announce(t('console.leave.offline', { stage: current ? t(`stage.${current.kind}.name`) : '' }))
        return
      }
      setStayedOffline(null)
      goToStage(control, stage.id)
      useStore.getState().viewStage(null)
    },
    [control, online, current, announce, t],
  )

  const request = useCallback(
    (stage: Stage) => {
      if (reasonsFor(stage).length === 0) return moveTo(stage)
      setAskingFor({ from: current?.id ?? null, target: stage.id })
      announce(t('console.leave.asked', { stage: t(`stage.${stage.kind}.name`) }))
    },
    [reasonsFor, moveTo, current, announce, t],
  )

  const go = useCallback(
    (settleFirst: boolean) => {
      if (!question || !control) return
      if (settleFirst && online) {
        if (question.reasons.some((r) => r.kind === 'privateCards')) endPrivateRound(control)
        if (current && question.reasons.some((r) => r.kind === 'openVote')) closeAssessment(control, current.id)
      }
      moveTo(question.target)
    },
    [question, control, current, moveTo, online],
  )
  const stay = useCallback(() => setAskingFor(null), [])
  const dismissOffline = useCallback(() => setStayedOffline(null), [])

  return { previous, next, request, question, go, stay, stayedOffline, dismissOffline }
}

/** Signals in no trend (the board's grouping is memoised on its collections: cheap when unchanged). */
function unsortedCount(s: AppState): number {
  return groupSignals({ signals: selectSignals(s), trends: selectTrends(s), memberships: selectMemberships(s) }).unsorted.length
}
