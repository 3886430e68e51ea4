import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addMinute, pauseTimer, startTimer, stopTimer, updateStageSettings } from '../../../../shared/doc/index.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'
import { serverNow } from '../../../sync/clock.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { formatClock, useStageTimer, useTimeUp } from '../stage/useStageTimer.ts'
import { BellIcon } from './BellIcon.tsx'
import { playChime, primeChime, useChimeMuted } from './chime.ts'

const MAX_MINUTES = 240

/**
 * The stage's time box: start (or resume), pause, one more minute, stop (back to the full time
 * box), and the length while it is not running. Everyone sees the same countdown (server clock).
 * Time up: a soft chime here unless muted, a pulse on every screen; the stage goes on until the
 * facilitator moves it.
 */
export function TimerControls({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const view = useStageTimer(stage.id)
  const [muted, setMuted] = useChimeMuted()
  useTimeUp(view, () => {
    if (!muted) playChime()
    announce(t('stageArea.timeUpAnnounced'))
  })

  const status = view?.timer.status ?? 'idle'
  const secondsLeft = view ? view.secondsLeft : stage.settings.timerSeconds
  const noTimeBox = status === 'idle' && secondsLeft === 0
  const run = (command: (doc: NonNullable<typeof control>) => void) => () => {
    if (!control) return
    primeChime()
    command(control)
  }

  return (
    <div className="console__group console__group--timer" role="group" aria-label={t('console.timer.label')}>
      <p className={`timer-readout timer-readout--${view?.isUp ? 'up' : status}`}>
        <span className="timer-readout__time">{formatClock(secondsLeft * 1000)}</span>
        <span className="timer-readout__state">{t(view?.isUp ? 'console.timer.up' : `console.timer.${status}`)}</span>
      </p>
      <div className="timer-buttons">
        {status === 'running' ? (
          <button type="button" className="button button--secondary" onClick={run((doc) => pauseTimer(doc, serverNow()))} disabled={!control}>
            {t('console.timer.pause')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={run((doc) => startTimer(doc, serverNow()))} disabled={!control || noTimeBox}>
            {t(status === 'paused' ? 'console.timer.resume' : 'console.timer.start')}
          </button>
        )}
        {status === 'idle' ? (
          <TimeBoxField stage={stage} />
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={run((doc) => addMinute(doc, serverNow()))} disabled={!control}>
              {t('console.timer.addMinute')}
            </button>
            <button type="button" className="button button--ghost" onClick={run((doc) => stopTimer(doc))} disabled={!control}>
              {t('console.timer.stop')}
            </button>
          </>
        )}
        <button type="button" className="button button--ghost chime-toggle" aria-pressed={!muted} onClick={() => setMuted(!muted)}>
          <BellIcon off={muted} />
          {t('console.timer.chime')}
        </button>
      </div>
    </div>
  )
}

/** The stage's time box in minutes, editable before the timer starts. */
function TimeBoxField({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const id = useId()
  const { control } = useWorkshopDocs()
  const saved = Math.round(stage.settings.timerSeconds / 60)
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    const minutes = Number(draft)
    setDraft(null)
    if (!control || draft === null || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES || minutes === saved) return
    updateStageSettings(control, stage.id, { timerSeconds: minutes * 60 })
    // The idle timer holds its own copy of the time box: reset it to the new length.
    stopTimer(control)
  }
  return (
    <span className="time-box">
      <label htmlFor={id} className="time-box__label">
        {t('console.timer.timeBox')}
      </label>
      <input
        id={id}
        className="input time-box__input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_MINUTES}
        value={draft ?? String(saved)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          if (event.key === 'Escape') setDraft(null)
        }}
        disabled={!control}
        aria-describedby={`${id}-unit`}
      />
      <span id={`${id}-unit`} className="time-box__unit">
        {t('console.timer.minutesShort')}
      </span>
    </span>
  )
}
