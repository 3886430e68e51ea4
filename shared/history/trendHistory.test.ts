import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  addSignal,
  addSignalToTrend,
  createTrend,
  createWorkshopControl,
  goToStage,
  placeAssessment,
  readControl,
  removeSignalFromTrend,
  renameTrend,
} from '../doc/index'
import { anna, ben, newBoard } from '../doc/testing/fixtures'
import { getTemplate } from '../method/templates'
import { frameOfDocs, trendHistory, type ReplayFrame } from './index'

const MINUTE = 60_000
const T0 = Date.UTC(2026, 2, 12, 9, 0)

/** A real board and control, changed minute by minute, with a frame taken when the test says. */
function workshop() {
  const board = newBoard()
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Everyday welfare 2040' }, getTemplate('signals-to-stories'))
  const frames: ReplayFrame[] = []
  return {
    board,
    control,
    frames,
    at(minute: number) {
      vi.setSystemTime(T0 + minute * MINUTE)
    },
    snapshot(reason = 'periodic') {
      frames.push(frameOfDocs({ id: frames.length + 1, at: Date.now(), reason }, board, control))
    },
    stage(kind: string) {
      goToStage(control, readControl(control).stages.find((s) => s.kind === kind)!.id)
    },
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('replay: how a trend emerged', () => {
  it('dates each signal’s writing and clustering, the naming and every move of the assessment', () => {
    vi.useFakeTimers()
    const w = workshop()
    w.at(0)
    w.stage('signals')
    const robots = addSignal(w.board, { title: 'Care robots in elderly homes' }, anna)
    w.at(4)
    const sensors = addSignal(w.board, { title: 'Fall sensors at home' }, ben)
    const heat = addSignal(w.board, { title: 'Heat waves in July' }, ben)
    w.at(5)
    w.snapshot()
    w.at(20)
    w.stage('trends')
    w.snapshot('stageChange')
    w.at(23)
    const trend = createTrend(w.board, { name: '' }, anna)
    addSignalToTrend(w.board, robots, trend, anna)
    w.at(25)
    w.snapshot()
    renameTrend(w.board, trend, 'Care moves home')
    addSignalToTrend(w.board, sensors, trend, ben)
    addSignalToTrend(w.board, heat, trend, ben)
    w.at(30)
    w.snapshot()
    removeSignalFromTrend(w.board, heat, trend)
    w.at(35)
    w.snapshot()
    w.stage('assess')
    placeAssessment(w.board, { trendId: trend, impact: 0.8, uncertainty: 0.2 }, anna)
    w.at(40)
    w.snapshot('stageChange')
    placeAssessment(w.board, { trendId: trend, impact: 0.6, uncertainty: 0.4 }, ben)
    w.at(45)
    w.snapshot()
    w.at(50)
    w.snapshot() // nothing changed: no new point

    const story = trendHistory([...w.frames].reverse(), trend)
    const clock = (at: number | null) => (at === null ? null : (at - T0) / MINUTE)

    expect(story.name).toBe('Care moves home')
    expect(clock(story.appearedAt)).toBe(25)
    expect(story.signals.map((s) => [s.title, clock(s.writtenAt), clock(s.clusteredAt), clock(s.leftAt)])).toEqual([
      ['Care robots in elderly homes', 0, 25, null],
      ['Fall sensors at home', 4, 30, null],
      ['Heat waves in July', 4, 30, 35],
    ])
    expect(story.assessment.map((p) => [clock(p.at), p.impact, p.uncertainty, p.placements])).toEqual([
      [40, 0.8, 0.2, 1],
      [45, expect.closeTo(0.7, 6), expect.closeTo(0.3, 6), 2],
    ])
    expect(story.events.map((e) => `${clock(e.at)} ${e.kind}${'title' in e ? ` ${e.title}` : 'name' in e ? ` ${e.name}` : ''}`)).toEqual([
      '0 written Care robots in elderly homes',
      '4 written Fall sensors at home',
      '4 written Heat waves in July',
      '25 appeared ',
      '25 clustered Care robots in elderly homes',
      '30 renamed Care moves home',
      '30 clustered Fall sensors at home',
      '30 clustered Heat waves in July',
      '35 left Heat waves in July',
      '40 assessed',
      '45 assessed',
    ])
  })

  it('follows a card that leaves and comes back, and a trend that is deleted', () => {
    vi.useFakeTimers()
    const w = workshop()
    w.at(0)
    const card = addSignal(w.board, { title: 'Four-day week pilots' }, anna)
    const trend = createTrend(w.board, { name: 'Time for care' }, anna)
    addSignalToTrend(w.board, card, trend, anna)
    w.at(3)
    w.snapshot()
    removeSignalFromTrend(w.board, card, trend)
    w.at(6)
    w.snapshot()
    addSignalToTrend(w.board, card, trend, ben)
    w.at(9)
    w.snapshot()
    const story = trendHistory(w.frames, trend)
    expect(story.signals[0]).toMatchObject({ title: 'Four-day week pilots', leftAt: null })
    expect(story.events.filter((e) => e.kind === 'clustered' || e.kind === 'left').map((e) => `${(e.at - T0) / MINUTE} ${e.kind}`)).toEqual([
      '3 clustered',
      '6 left',
      '9 clustered',
    ])

    expect(trendHistory(w.frames, 'no-such-trend-000000')).toMatchObject({ appearedAt: null, signals: [], events: [] })
  })

  it('records the stage of each frame', () => {
    const w = workshop()
    w.stage('signals')
    w.snapshot('stageChange')
    w.stage('trends')
    w.snapshot('stageChange')
    expect(w.frames.map((f) => [f.reason, f.stage?.kind])).toEqual([
      ['stageChange', 'signals'],
      ['stageChange', 'trends'],
    ])
  })
})
