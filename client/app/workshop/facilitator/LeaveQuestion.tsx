import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatClock, useStageTimer } from '../stage/useStageTimer.ts'
import { useConsole } from './consoleContext.ts'
import type { LeaveReason } from './leaveChecks.ts'

/**
 * The one question moving the room can ask, under the toolbar: what would be lost or hidden, and
 * three ways on — settle it first and go (reveal the cards, close the vote), go as it is, or stay.
 * Escape stays.
 */
export function LeaveQuestion() {
  const { t } = useTranslation()
  const id = useId()
  const { move } = useConsole()
  const first = useRef<HTMLButtonElement>(null)
  /** Where the keyboard was when the question was asked (Next, or the stage menu): "Stay" goes back there. */
  const askedFrom = useRef<HTMLElement | null>(null)
  const question = move.question
  const asked = question ? `${question.target.id}` : null
  useEffect(() => {
    if (!asked) return
    askedFrom.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    first.current?.focus()
    // Gone with the keyboard on it (answered, or nothing left to ask): the keyboard goes back to
    // where it asked from, not to the top of the page.
    return () => {
      const back = askedFrom.current
      if (back?.isConnected && document.activeElement === document.body) back.focus()
    }
  }, [asked])
  if (!question) return move.stayedOffline ? <StayedOffline /> : null
  const stay = () => {
    const back = askedFrom.current
    move.stay()
    if (back?.isConnected) back.focus()
  }

  const stage = t(`stage.${question.target.kind}.name`)
  const settle = question.reasons.some((r) => r.kind === 'privateCards') ? 'reveal' : question.reasons.some((r) => r.kind === 'openVote') ? 'closeVote' : null
  return (
    <div
      className="leave-question ui-toolbar"
      role="group"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          stay()
        }
      }}
    >
      <div className="leave-question__text">
        <p id={`${id}-title`} className="leave-question__title">
          {t('console.leave.title', { stage })}
        </p>
        <ul className="leave-question__reasons">
          {question.reasons.map((reason) => (
            <li key={reason.kind}>{reason.kind === 'timerRunning' ? <TimeLeft stageId={reason.stageId} /> : reasonText(reason, t)}</li>
          ))}
        </ul>
      </div>
      <div className="leave-question__actions">
        {settle && (
          <button ref={first} type="button" className="button button--primary" onClick={() => move.go(true)}>
            {t(`console.leave.${settle}`, { stage })}
          </button>
        )}
        <button ref={settle ? undefined : first} type="button" className="button button--secondary" onClick={() => move.go(false)}>
          {t('console.leave.anyway', { stage })}
        </button>
        <button type="button" className="button button--ghost" onClick={stay}>
          {t('console.leave.stay')}
        </button>
      </div>
    </div>
  )
}

function reasonText(reason: Exclude<LeaveReason, { kind: 'timerRunning' }>, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (reason.kind) {
    case 'privateCards':
      return t('console.leave.privateCards', { count: reason.count })
    case 'openVote':
      return t('console.leave.openVote')
    case 'unsortedCards':
      return t('console.leave.unsortedCards', { count: reason.count })
  }
}

/** The running timer's time left, ticking as the clock on the wall does while the question waits. */
function TimeLeft({ stageId }: { stageId: string }) {
  const { t } = useTranslation()
  const timer = useStageTimer(stageId)
  return t('console.leave.timerRunning', { time: formatClock((timer?.secondsLeft ?? 0) * 1000) })
}

/** The room did not move: this device is offline (useRoomMove). Said where the question would be. */
function StayedOffline() {
  const { t } = useTranslation()
  const { move } = useConsole()
  const stage = move.stayedOffline ? t(`stage.${move.stayedOffline.kind}.name`) : ''
  return (
    <div className="leave-question ui-toolbar" role="group" aria-label={t('console.leave.offline', { stage })}>
      <p className="leave-question__text">{t('console.leave.offline', { stage })}</p>
      <div className="leave-question__actions">
        <button type="button" className="button button--secondary" onClick={move.dismissOffline}>
          {t('console.leave.offlineOk')}
        </button>
      </div>
    </div>
  )
}
