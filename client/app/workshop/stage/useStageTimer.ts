import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { timerRemainingMs } from '../../../../shared/doc/index.ts'
import type { Timer } from '../../../../shared/schema/session.ts'
import { serverClock, type ServerClock } from '../../../sync/clock.ts'
import { useStore } from '../../../state/store.ts'

/** "4:05" from milliseconds, rounded up so "0:00" means time is really up. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

export interface StageTimerView {
  timer: Timer
  /** Whole seconds left, rounded up (what every screen shows). */
  secondsLeft: number
  /** Running or paused with nothing left. The stage does not end by itself: people are told. */
  isUp: boolean
}

/**
 * Checked four times a second, re-rendering only when the shown second changes: every screen
 * flips to the next second within a quarter of a second of the others.
 */
const TICK_MS = 250

/**
 * The room's timer for a stage, counted against the server clock (so a laptop whose clock is off
 * shows the same time as everyone else); null when the room's timer belongs to another stage.
 */
export function useStageTimer(stageId: string | null, clock: ServerClock = serverClock): StageTimerView | null {
  const timer = useStore((s) => (stageId !== null && s.control?.timer.stageId === stageId ? s.control.timer : null))
  // A new offset estimate (after a reconnect) moves the countdown at once, not at the next tick.
  const offset = useSyncExternalStore(clock.subscribe, clock.offsetMs)
  const running = timer?.status === 'running'
  // Read in render, so a timer that just started never flashes a stale value; the state below
  // only wakes the component when the shown second changes.
  const secondsLeft = timer ? Math.ceil(timerRemainingMs(timer, clock.now()) / 1000) : 0
  const [, setShownSecond] = useState(secondsLeft)

  useEffect(() => {
    if (!running || !timer) return
    const tick = () => setShownSecond(Math.ceil(timerRemainingMs(timer, clock.now()) / 1000))
    tick()
    const interval = setInterval(tick, TICK_MS)
    return () => clearInterval(interval)
  }, [running, timer, clock, offset])

  if (!timer) return null
  return { timer, secondsLeft, isUp: timer.status !== 'idle' && secondsLeft === 0 }
}

/**
 * Calls `onTimeUp` once when a running timer this page watched reaches zero; not for one that was
 * already up when the page opened (a reload must not chime again).
 */
export function useTimeUp(view: StageTimerView | null, onTimeUp: () => void): void {
  const callback = useRef(onTimeUp)
  callback.current = onTimeUp
  const run = view?.timer.status === 'running' ? `${view.timer.stageId}:${view.timer.endsAt}` : null
  const seenRunning = useRef<string | null>(null)
  const up = view?.isUp === true
  useEffect(() => {
    if (run === null) {
      seenRunning.current = null
      return
    }
    if (!up) seenRunning.current = run
    else if (seenRunning.current === run) {
      seenRunning.current = null
      callback.current()
    }
  }, [run, up])
}

/**
 * Calls `onChange` when the timer starts or resumes (`running`) or is paused, as it happens: not
 * for the state a page opens on (someone joining mid-run hears the clock when they reach it), nor
 * for the one a stage is found in when the room moves to it. A stop is left unsaid: the clock
 * goes, and nothing waits on it.
 */
export function useTimerChanges(stageId: string, view: StageTimerView | null, onChange: (status: 'running' | 'paused', secondsLeft: number) => void): void {
  const callback = useRef(onChange)
  callback.current = onChange
  const status = view?.timer.status ?? 'idle'
  const secondsLeft = view?.secondsLeft ?? 0
  const previous = useRef({ stageId, status })
  useEffect(() => {
    const before = previous.current
    if (status === before.status && stageId === before.stageId) return
    previous.current = { stageId, status }
    if (stageId === before.stageId && (status === 'running' || status === 'paused')) callback.current(status, secondsLeft)
    // Only a change of state speaks: the seconds tick on without it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, stageId])
}
