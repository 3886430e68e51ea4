/**
 * The stage timer. Every time is in server-clock milliseconds (`serverNow` comes from the
 * client's estimate of the server clock), so all screens count down to the same instant.
 * Nothing closes when it reaches zero: the room hears a chime, the facilitator decides.
 */
import type * as Y from 'yjs'
import * as z from 'zod/mini'
import type { Timer } from '../../schema/index'
import { writeFields } from '../codec'
import { command } from '../commands/command'
import { readSession } from '../read'
import { controlSession } from '../roots'
import { getStage } from './stages'

const MINUTE_MS = 60_000
const serverTime = z.int().check(z.nonnegative())

/**
 * Starts the timer of the current stage, or resumes it when paused. A running timer is left
 * alone (a second click must not restart the time box).
 *
 * @example
 * startTimer(control, clock.serverNow())
 */
export function startTimer(doc: Y.Doc, serverNow: number): void {
  const now = serverTime.parse(serverNow)
  command(doc, () => {
    const timer = currentTimer(doc)
    if (timer.status === 'running') return
    const remaining = timer.remainingMs > 0 ? timer.remainingMs : stageDurationMs(doc, timer.stageId)
    if (remaining === 0) return // a stage without a time box
    writeTimer(doc, { ...timer, status: 'running', endsAt: now + remaining, remainingMs: remaining })
  })
}

export function pauseTimer(doc: Y.Doc, serverNow: number): void {
  const now = serverTime.parse(serverNow)
  command(doc, () => {
    const timer = currentTimer(doc)
    if (timer.status !== 'running' || timer.endsAt === null) return
    writeTimer(doc, { ...timer, status: 'paused', endsAt: null, remainingMs: Math.max(0, timer.endsAt - now) })
  })
}

/** One more minute. A running timer already past zero gets a minute from now, not from then. */
export function addMinute(doc: Y.Doc, serverNow: number): void {
  const now = serverTime.parse(serverNow)
  command(doc, () => {
    const timer = currentTimer(doc)
    if (timer.status === 'running' && timer.endsAt !== null) {
      writeTimer(doc, { ...timer, endsAt: Math.max(timer.endsAt, now) + MINUTE_MS })
    } else {
      writeTimer(doc, { ...timer, remainingMs: timer.remainingMs + MINUTE_MS })
    }
  })
}

/** Stops and resets to the stage's full time box. */
export function stopTimer(doc: Y.Doc): void {
  command(doc, () => {
    const timer = currentTimer(doc)
    writeTimer(doc, { ...timer, status: 'idle', endsAt: null, remainingMs: stageDurationMs(doc, timer.stageId) })
  })
}

function currentTimer(doc: Y.Doc): Timer {
  const session = readSession(doc)
  // A timer left on another stage (an older document) follows the room to the current stage.
  if (session.timer.stageId !== session.currentStageId) {
    return { stageId: session.currentStageId, status: 'idle', endsAt: null, remainingMs: stageDurationMs(doc, session.currentStageId) }
  }
  return session.timer
}

function stageDurationMs(doc: Y.Doc, stageId: string | null): number {
  const stage = stageId === null ? null : getStage(doc, stageId)
  return (stage?.settings.timerSeconds ?? 0) * 1000
}

function writeTimer(doc: Y.Doc, timer: Timer): void {
  writeFields(controlSession(doc), { timer })
}
