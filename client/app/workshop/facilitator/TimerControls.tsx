import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addMinute, pauseTimer, startTimer, stopTimer, updateStageSettings } from '../../../../shared/doc/index.ts'
import type { Stage } from '../../../../shared/schema/stage.ts'
import { serverNow } from '../../../sync/clock.ts'
import { useWorkshopDocs } from '../../../sync/workshopDocs.ts'
import { useAnnounce } from '../../../ui/index.ts'
import { formatClock, useStageTimer, useTimeUp, type StageTimerView } from '../stage/useStageTimer.ts'
import { playChime, primeChime, useChimeMuted } from './chime.ts'
import { BellIcon, PauseIcon, PlayIcon, StopIcon, TimerIcon } from './consoleIcons.tsx'
import { PanelButton } from './PanelButton.tsx'

const MAX_MINUTES = 240

type Control = NonNullable<ReturnType<typeof useWorkshopDocs>['control']>

/**
 * Start (or resume) and pause: what the toolbar's play button and the T key do. Once the time is
 * up they stop the timer instead (back to the full time box): pausing a finished countdown meant nothing.
 */
export function toggleTimer(control: Control, view: StageTimerView | null): void {
  primeChime()
  if (view?.isUp) stopTimer(control)
  else if (view?.timer.status === 'running') pauseTimer(control, serverNow())
  else startTimer(control, serverNow())
}

/** What `toggleTimer` will do, as its button says it. */
export function toggleLabel(view: StageTimerView | null): string {
  if (view?.isUp) return 'console.timer.stopTimer'
  const status = view?.timer.status ?? 'idle'
  return status === 'running' ? 'console.timer.pauseTimer' : status === 'paused' ? 'console.timer.resumeTimer' : 'console.timer.start'
}

/** What `toggleTimer` did, as the T key announces it. */
export function toggledAnnouncement(view: StageTimerView | null): string {
  if (view?.isUp) return 'console.shortcuts.timerStopped'
  return view?.timer.status === 'running' ? 'console.shortcuts.timerPaused' : 'console.shortcuts.timerStarted'
}

/**
 * The stage's time box in the toolbar: the time left (everyone sees the same countdown, by the
 * server clock) and one button to start, pause or resume. The time itself opens the details.
 * Time up: a soft chime here unless muted, a pulse on every screen; the stage goes on until the
 * facilitator moves it.
 */
export function TimerButtons({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  const { control } = useWorkshopDocs()
  const view = useStageTimer(stage.id)
  const [muted] = useChimeMuted()
  useTimeUp(view, () => {
    if (!muted) playChime()
    announce(t('stageArea.timeUpAnnounced'))
  })
  const status = view?.timer.status ?? 'idle'
  const secondsLeft = view ? view.secondsLeft : stage.settings.timerSeconds
  const noTimeBox = status === 'idle' && secondsLeft === 0
  const state = view?.isUp ? 'up' : status
  const running = status === 'running'
  // Running and paused take the width of the longer word ("left", "paused"), so pausing never
  // moves the play button out from under the pointer that will resume.
  const toggling = state === 'running' || state === 'paused'
  const readout = (
    <span className={`timer-readout timer-readout--${state}`}>
      <span className="timer-readout__time">{formatClock(secondsLeft * 1000)}</span>{' '}
      <span className="timer-readout__state">
        {toggling
          ? (['running', 'paused'] as const).map((word) => (
              <span key={word} className={word === state ? undefined : 'timer-readout__spacer'} aria-hidden={word === state ? undefined : true}>
                {t(`console.timer.${word}`)}
              </span>
            ))
          : t(view?.isUp ? 'console.timer.up' : `console.timer.${status}`)}
      </span>
    </span>
  )
  return (
    // Its state lets a full phone row show an idle timer as its icon, then put it into "More…" (toolbar.css); a running or paused one never.
    <div className="console-timer" role="group" aria-label={t('console.timer.label')} data-timer-state={status}>
      <PanelButton
        panel="timer"
        className="console-timer__readout"
        label={t('console.timer.settings', { time: formatClock(secondsLeft * 1000), state: t(view?.isUp ? 'console.timer.up' : `console.timer.${status}`) })}
      >
        {readout}
        <span className="console-timer__icon">
          <TimerIcon />
        </span>
      </PanelButton>
      <button
        type="button"
        className="button button--secondary console-timer__go"
        onClick={() => control && toggleTimer(control, view)}
        disabled={!control || noTimeBox}
        aria-label={t(toggleLabel(view))}
        aria-keyshortcuts="T"
      >
        {view?.isUp ? <StopIcon /> : running ? <PauseIcon /> : <PlayIcon />}
      </button>
    </div>
  )
}

/** The timer's details: start or pause (again, for the phone), one more minute, stop (back to the full time box), the length, the chime. */
export function TimerPanel({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const { control } = useWorkshopDocs()
  const view = useStageTimer(stage.id)
  const [muted, setMuted] = useChimeMuted()
  const status = view?.timer.status ?? 'idle'
  const run = (command: (doc: Control) => void) => () => {
    if (!control) return
    primeChime()
    command(control)
  }
  const noTimeBox = status === 'idle' && (view ? view.secondsLeft : stage.settings.timerSeconds) === 0
  // Stop takes itself away (an idle timer has a time box instead): the keyboard goes on from Start.
  const toggleRef = useRef<HTMLButtonElement>(null)
  return (
    <div className="timer-panel">
      <div className="timer-buttons">
        <button
          ref={toggleRef}
          type="button"
          className="button button--primary"
          onClick={() => control && toggleTimer(control, view)}
          disabled={!control || noTimeBox}
        >
          {t(toggleLabel(view))}
        </button>
        {status === 'idle' ? (
          <TimeBoxField stage={stage} />
        ) : (
          <>
            <button type="button" className="button button--secondary" onClick={run((doc) => addMinute(doc, serverNow()))} disabled={!control}>
              {t('console.timer.addMinute')}
            </button>
            <button
              type="button"
              className="button button--ghost"
              onClick={() => {
                run((doc) => stopTimer(doc))()
                toggleRef.current?.focus()
              }}
              disabled={!control}
            >
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

/**
 * Minutes as typed, with a decimal point or comma ("0.5", "0,5"), up to `MAX_MINUTES`; null when
 * it is not a number or is empty (the time box stays as it was). Zero means no time box.
 */
function parseMinutes(typed: string | null): number | null {
  const text = typed?.trim().replace(',', '.') ?? ''
  if (!/^\d*\.?\d+$|^\d+\.$/.test(text)) return null
  return Math.min(Number(text), MAX_MINUTES)
}

/** The stage's time box in minutes, editable before the timer starts. */
function TimeBoxField({ stage }: { stage: Stage }) {
  const { t } = useTranslation()
  const id = useId()
  const { control } = useWorkshopDocs()
  // Minutes to the hundredth: half a minute is "0.5", a time box of 90 s "1.5".
  const saved = Math.round((stage.settings.timerSeconds / 60) * 100) / 100
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    const minutes = parseMinutes(draft)
    setDraft(null)
    if (!control || minutes === null) return
    const seconds = Math.round(minutes * 60)
    if (seconds === stage.settings.timerSeconds) return
    updateStageSettings(control, stage.id, { timerSeconds: seconds })
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
        // Text, not a number field: a number field reads "0,5" typed on a Finnish keyboard as nothing.
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={draft ?? String(saved)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          // Up and down step a whole minute, as a number field's did.
          if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
            event.preventDefault()
            const now = parseMinutes(draft) ?? saved
            const next = event.key === 'ArrowUp' ? Math.floor(now) + 1 : Math.ceil(now) - 1
            setDraft(String(Math.max(0, Math.min(MAX_MINUTES, next))))
          }
          if (event.key === 'Escape' && draft !== null) {
            event.preventDefault()
            setDraft(null)
          }
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
