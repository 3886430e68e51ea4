import { useTranslation } from 'react-i18next'
import { useAnnounce } from '../../../ui/index.ts'
import { formatClock, useStageTimer, useTimeUp } from './useStageTimer.ts'

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
 * once to screen readers; nothing closes by itself. Shows nothing while the timer is not started.
 */
export function StageClock({ stageId, className, compact = false }: StageClockProps) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const view = useStageTimer(stageId)
  useTimeUp(view, () => announce(t('stageArea.timeUpAnnounced')))

  if (!view || view.timer.status === 'idle') return null
  const time = formatClock(view.secondsLeft * 1000)
  const state = view.isUp ? 'up' : view.timer.status
  const paused = view.timer.status === 'paused'
  const label = view.isUp ? t('stageArea.timeUp') : compact ? time : paused ? t('stageArea.timePaused', { time }) : t('stageArea.timeLeft', { time })
  // Not a live region: a ticking clock would talk every second. The time-up announcement is enough.
  return (
    <p className={['stage-clock', `stage-clock--${state}`, className].filter(Boolean).join(' ')} data-seconds-left={view.secondsLeft}>
      <span className="stage-clock__icon" aria-hidden="true" />
      <span className="stage-clock__time">{label}</span>
      {compact && paused && !view.isUp && <span className="stage-clock__paused">{t('stageArea.paused')}</span>}
    </p>
  )
}
