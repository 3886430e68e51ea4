import { describe, expect, it } from 'vitest'
import { SESSION_DEFAULTS } from '../../../../shared/schema/session.ts'
import type { Stage, StageKind } from '../../../../shared/schema/stage.ts'
import { leaveReasons, type LeaveFacts } from './leaveChecks.ts'

const stage = (kind: StageKind): Stage =>
  ({ id: `Stage${kind}`.padEnd(22, 'x'), kind, order: 'a0', skipped: false, settings: { timerSeconds: 600, prompt: '', votesPerPerson: 3 } }) as Stage
/** The stage moved to: one after the current by default. */
const later = { ...stage('assess'), order: 'a1' }
const earlier = { ...stage('signals'), order: 'Zz' }
const takeaways = { ...stage('takeaways'), order: 'a2' }
const facts = (
  kind: StageKind,
  session: Partial<LeaveFacts['session']> = {},
  secondsLeft = 0,
  unsorted = 0,
  steps = [earlier, stage(kind), later, takeaways],
): LeaveFacts => ({
  current: stage(kind),
  session: { ...SESSION_DEFAULTS, ...session },
  secondsLeft,
  unsorted,
  steps,
})

describe('leaving a stage', () => {
  it('just goes when nothing would be lost, however many are not "done"', () => {
    expect(leaveReasons(facts('signals'), later)).toEqual([])
    expect(leaveReasons(facts('trends'), later)).toEqual([])
    expect(leaveReasons({ ...facts('signals'), current: null }, later)).toEqual([])
  })

  it('asks while private cards wait to be revealed', () => {
    const privateRound = {
      privateMode: { on: true, hideNamesAfterReveal: false, revealSeq: 0 },
      privateCounts: { AnnaAnnaAnnaAnnaAnna01: { name: 'Anna', count: 2 }, BenBenBenBenBenBenBen1: { name: 'Ben', count: 3 } },
    }
    expect(leaveReasons(facts('signals', privateRound), later)).toEqual([{ kind: 'privateCards', count: 5 }])
    // A round with nothing written yet hides nothing.
    expect(leaveReasons(facts('signals', { ...privateRound, privateCounts: { AnnaAnnaAnnaAnnaAnna01: { name: 'Anna', count: 0 } } }), later)).toEqual([])
  })

  it('asks while the vote is open on an assess stage, not once it is closed', () => {
    const assess = stage('assess')
    expect(leaveReasons(facts('assess'), later)).toEqual([{ kind: 'openVote' }])
    expect(leaveReasons(facts('assess', { assessClosed: { [assess.id]: true } }), later)).toEqual([])
  })

  it('asks on the way forward from trends while cards are in no trend, not on the way back to add more', () => {
    expect(leaveReasons(facts('trends', {}, 0, 12), later)).toEqual([{ kind: 'unsortedCards', count: 12 }])
    expect(leaveReasons(facts('trends', {}, 0, 12), earlier)).toEqual([])
    expect(leaveReasons(facts('trends', {}, 0, 0), later)).toEqual([])
    // Only the trends stage sorts: elsewhere an unsorted card is not this move's loss.
    expect(leaveReasons(facts('signals', {}, 0, 12), later)).toEqual([])
    // Past the assessment too; but a workshop with none on the way (the quick template, or the
    // assessment skipped) leaves nothing out.
    expect(leaveReasons(facts('trends', {}, 0, 12), takeaways)).toEqual([{ kind: 'unsortedCards', count: 12 }])
    expect(leaveReasons(facts('trends', {}, 0, 12, [earlier, stage('trends'), takeaways]), takeaways)).toEqual([])
  })

  it('asks while the timer runs with time left, not when it is idle, paused or up', () => {
    const signals = stage('signals')
    const running = { stageId: signals.id, status: 'running' as const, endsAt: 1, remainingMs: 0 }
    expect(leaveReasons(facts('signals', { timer: running }, 95), later)).toEqual([{ kind: 'timerRunning', stageId: stage('signals').id }])
    expect(leaveReasons(facts('signals', { timer: running }, 0), later)).toEqual([])
    expect(leaveReasons(facts('signals', { timer: { ...running, status: 'paused', endsAt: null } }, 95), later)).toEqual([])
    expect(leaveReasons(facts('signals', { timer: { ...running, stageId: 'OtherStageOtherStage01' } }, 95), later)).toEqual([])
  })
})
