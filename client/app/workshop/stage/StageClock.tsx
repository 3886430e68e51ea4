import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../../ui/index.ts'
import { formatClock, useStageTimer, useTimeUp, useTimerChanges } from './useStageTimer.ts'

interface StageClockProps {
  stageId: string
  className?: string
  /**
   * The projector's: the time alone, "paused" beside it in small type. The full sentence ("Timer
   * paused · 9:58 left", longer in Finnish) in the projector's large type pushed the bar's stage
   * name into broken syllables at 1280×720.
   */
  compact?: boolean
}

/**
 * Time left on the room's timer for this stage, counted against the server clock so every screen
 * agrees. When time is up it pulses gently (a still highlight with reduced motion) and says so
 * once to screen readers, as it says a start, a resume and a pause; nothing closes by itself. Shows nothing while the timer is not started.
 */
export function StageClock({ stageId, className, compact = false }: StageClockProps) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const view = useStageTimer(stageId)
  useTimeUp(view, () => announce(t('stageArea.timeUpAnnounced')))
  // Said once as it changes, so a screen reader knows a time box has begun (or stopped for now);
  // not by the projector, which nobody listens to.
  useTimerChanges(stageId, view, (status, secondsLeft) => {
    if (compact) return
    announce(status === 'running' ? t('stageArea.timerRunningAnnounced', { time: formatClock(secondsLeft * 1000) }) : t('stageArea.timerPausedAnnounced'))
  })

  if (!view || view.timer.status === 'idle') return null
  const time = formatClock(view.secondsLeft * 1000)
  const state = view.isUp ? 'up' : view.timer.status
  const paused = view.timer.status === 'paused'
  const label = view.isUp ? t('stageArea.timeUp') : compact ? time : paused ? t('stageArea.timePaused', { time }) : t('stageArea.timeLeft', { time })
  // Not a live region: a ticking clock would talk every second. The announcements above are enough.
  return (
    <p className={['stage-clock', `stage-clock--${state}`, className].filter(Boolean).join(' ')} data-seconds-left={view.secondsLeft}>
      <span className="stage-clock__icon" aria-hidden="true" />
      <span className="stage-clock__time">{label}</span>
      {compact && paused && !view.isUp && <span className="stage-clock__paused">{t('stageArea.paused')}</span>}
    </p>
  )
}
