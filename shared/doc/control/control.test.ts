import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEMPLATES } from '../../method/templates'
import { readControl } from '../read'
import { connectDocs } from '../testing/network'
import { nextStageId, timerRemainingMs } from '../derive/session'
import { voteRulesFor } from '../derive/assessment'
import {
  closeAssessment,
  reopenAssessment,
  requestReveal,
  setFocus,
  setGroups,
  setKeyDrivers,
  setLocked,
  setPrivateCounts,
  setPrivateMode,
  setScreenShow,
  toggleKeyDriver,
} from './session'
import { goToStage, moveStage, setStageSkipped, updateStageSettings } from './stages'
import { addMinute, pauseTimer, startTimer, stopTimer } from './timer'
import { createWorkshopControl, setThemes, updateMeta } from './workshop'

function workshop(template = TEMPLATES['signals-to-stories']) {
  const doc = new Y.Doc()
  createWorkshopControl(doc, { title: 'Welfare 2040', language: 'fi' }, template)
  return doc
}

const kinds = (doc: Y.Doc) => readControl(doc).stages.map((s) => s.kind)

describe('creating a workshop', () => {
  it('writes meta, stages and session from the template, once', () => {
    const doc = workshop(TEMPLATES['innosi-welfare'])
    const control = readControl(doc)
    expect(control.schemaVersion).toBe(1)
    expect(control.meta).toMatchObject({ title: 'Welfare 2040', horizonYear: 2030, tone: 'positive', language: 'fi', templateId: 'innosi-welfare' })
    expect(control.meta.themes.map((t) => t.label)).toEqual(['Lapset ja vanhemmat', 'Ikääntyneet', 'Talous ja työelämä', 'Maahanmuutto'])
    expect(control.currentStageId).toBe(control.stages[0]?.id)
    expect(control.timer).toEqual({ stageId: control.stages[0]?.id, status: 'idle', endsAt: null, remainingMs: 300_000 })
    expect(createWorkshopControl(doc, { title: 'again' }, TEMPLATES['quick-signals'])).toBe(false)
    expect(readControl(doc).meta.title).toBe('Welfare 2040')
    expect(kinds(workshop(TEMPLATES['quick-signals']))).toEqual(['frame', 'signals', 'trends', 'takeaways'])
  })

  it('edits meta and themes, keeping the ids of kept themes', () => {
    const doc = workshop(TEMPLATES['innosi-welfare'])
    const [first] = readControl(doc).meta.themes
    updateMeta(doc, { focalQuestion: 'What will everyday welfare look like?', horizonYear: 2045 })
    setThemes(doc, [{ label: 'Housing' }, { id: first?.id, label: 'Older people' }])
    const meta = readControl(doc).meta
    expect(meta).toMatchObject({ focalQuestion: 'What will everyday welfare look like?', horizonYear: 2045 })
    expect(meta.themes.map((t) => t.label)).toEqual(['Housing', 'Older people'])
    expect(meta.themes[1]?.id).toBe(first?.id)
    expect(() => updateMeta(doc, { horizonYear: 1900 })).toThrow()
  })
})

describe('stages', () => {
  it('goes to a stage, skips, re-opens and reorders', () => {
    const doc = workshop()
    const stages = readControl(doc).stages
    const [frame, signals, trends] = stages as [(typeof stages)[number], (typeof stages)[number], (typeof stages)[number]]
    setStageSkipped(doc, signals.id, true)
    expect(nextStageId(readControl(doc))).toBe(trends.id)
    goToStage(doc, signals.id) // re-opens it
    const control = readControl(doc)
    expect(control.currentStageId).toBe(signals.id)
    expect(control.stages[1]?.skipped).toBe(false)
    expect(control.timer).toMatchObject({ stageId: signals.id, status: 'idle', remainingMs: 600_000 })
    moveStage(doc, frame.id, null)
    expect(kinds(doc).at(-1)).toBe('frame')
    expect(goToStage(doc, 'nope-0000000000000000')).toBe(false)
  })

  it('brings the live stage back to the projector: a replay or the title page left on it goes with the next stage', () => {
    const doc = workshop()
    const [, signals, trends] = readControl(doc).stages
    setScreenShow(doc, { kind: 'replay', snapshotId: 3, trendId: null })
    setFocus(doc, { kind: 'signal', id: 'Signal000000000000001' })
    goToStage(doc, signals!.id)
    expect(readControl(doc)).toMatchObject({ screenShow: null, focus: null })
    setScreenShow(doc, { kind: 'report', snapshotId: null, trendId: null })
    goToStage(doc, trends!.id)
    expect(readControl(doc).screenShow).toBeNull()
  })

  it('edits settings and derives the vote rules', () => {
    const doc = workshop()
    const assess = readControl(doc).stages.find((s) => s.kind === 'assess')
    if (!assess) throw new Error('no assess stage')
    updateStageSettings(doc, assess.id, { votesPerPerson: 5 })
    closeAssessment(doc, assess.id)
    expect(voteRulesFor(readControl(doc), assess.id)).toEqual({ votesPerPerson: 5, closed: true })
    reopenAssessment(doc, assess.id)
    expect(voteRulesFor(readControl(doc), assess.id).closed).toBe(false)
    expect(readControl(doc).stages.find((s) => s.id === assess.id)?.settings.timerSeconds).toBe(300)
  })
})

describe('timer (server-clock ms)', () => {
  it('starts, pauses, resumes, adds a minute and stops', () => {
    const doc = workshop()
    const t0 = 1_700_000_000_000
    startTimer(doc, t0)
    expect(readControl(doc).timer).toMatchObject({ status: 'running', endsAt: t0 + 300_000 })
    startTimer(doc, t0 + 10_000) // a second click does not restart it
    expect(readControl(doc).timer.endsAt).toBe(t0 + 300_000)
    pauseTimer(doc, t0 + 100_000)
    expect(readControl(doc).timer).toMatchObject({ status: 'paused', endsAt: null, remainingMs: 200_000 })
    addMinute(doc, t0 + 150_000)
    expect(timerRemainingMs(readControl(doc).timer, t0 + 999_999)).toBe(260_000)
    startTimer(doc, t0 + 200_000)
    expect(readControl(doc).timer.endsAt).toBe(t0 + 460_000)
    addMinute(doc, t0 + 500_000) // already past zero: a minute from now
    expect(readControl(doc).timer.endsAt).toBe(t0 + 560_000)
    expect(timerRemainingMs(readControl(doc).timer, t0 + 530_000)).toBe(30_000)
    stopTimer(doc)
    expect(readControl(doc).timer).toMatchObject({ status: 'idle', endsAt: null, remainingMs: 300_000 })
  })
})

describe('session switches', () => {
  it('private mode, reveal, focus, lock, groups', () => {
    const doc = workshop()
    setPrivateMode(doc, { on: true, hideNamesAfterReveal: true })
    expect(requestReveal(doc)).toBe(1)
    expect(requestReveal(doc)).toBe(2)
    expect(readControl(doc).privateMode).toEqual({ on: true, hideNamesAfterReveal: true, revealSeq: 2 })
    setFocus(doc, { kind: 'signal', id: 'sig-00000000000000001' })
    expect(readControl(doc).focus).toEqual({ kind: 'signal', id: 'sig-00000000000000001' })
    setFocus(doc, null)
    expect(readControl(doc).focus).toBeNull()
    setLocked(doc, true)
    expect(readControl(doc).locked).toBe(true)
    const groups = setGroups(doc, [{ name: 'Group A' }, { name: 'Group B', trendId: 'trend-00000000000001' }])
    expect(readControl(doc).groups).toEqual(groups)
    setPrivateCounts(doc, { 'anna-0000000000000000': { name: 'Anna', count: 3 } })
    expect(readControl(doc).privateCounts).toEqual({ 'anna-0000000000000000': { name: 'Anna', count: 3 } })
  })

  it('merges key-driver toggles made by two facilitators at once', () => {
    const a = workshop()
    const b = new Y.Doc()
    const link = connectDocs(a, b)
    setKeyDrivers(a, ['t1-000000000000000000'])
    link.hold()
    toggleKeyDriver(a, 't2-000000000000000000')
    toggleKeyDriver(b, 't3-000000000000000000')
    toggleKeyDriver(b, 't1-000000000000000000')
    link.release()
    for (const doc of [a, b]) expect(readControl(doc).keyDrivers).toEqual(['t2-000000000000000000', 't3-000000000000000000'])
  })
})
