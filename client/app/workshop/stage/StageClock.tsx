import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { timerRemainingMs } from '../../../../shared/doc/index.ts'
import { useStore } from '../../../state/store.ts'

/** "4:05" from milliseconds, rounded up so "0:00" means time is really up. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * Time left on the room's timer for this stage, when one is set. Read-only; the timer controls
 * come with the facilitator console. Ticks once a second only while running.
 * TODO(timer issue): count against the server clock estimate instead of `Date.now()`.
 */
export function StageClock({ stageId }: { stageId: string }) {
  const { t } = useTranslation()
  const timer = useStore((s) => (s.control?.timer.stageId === stageId ? s.control.timer : null))
  const running = timer?.status === 'running'
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!running) return
    setNow(Date.now())
    const interval = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(interval)
  }, [running])

  if (!timer || timer.status === 'idle') return null
  const left = timerRemainingMs(timer, now)
  const label = left === 0 ? t('stageArea.timeUp') : timer.status === 'paused' ? t('stageArea.timePaused', { time: formatClock(left) }) : t('stageArea.timeLeft', { time: formatClock(left) })
  // Not a live region: a ticking clock would talk every second. The stage heading says enough.
  return (
    <p className={`stage-clock stage-clock--${left === 0 ? 'up' : timer.status}`}>
      <span className="stage-clock__time">{label}</span>
    </p>
  )
}
