import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { assessmentResults, voteTotals, votesLeft } from '../derive/assessment'
import { anna, ben, newBoard, readValid } from '../testing/fixtures'
import { connectDocs } from '../testing/network'
import { castVote, placeAssessment, retractVote } from './assess'
import { createTrend, deleteTrend } from './trends'

const stageId = 'assess-stage-00000001'
const rules = { votesPerPerson: 2 }

describe('dot votes', () => {
  it('refuses past the budget, allows stacking, and counts only existing trends', () => {
    const doc = newBoard()
    const t1 = createTrend(doc, { name: 'T1' }, anna)
    const t2 = createTrend(doc, { name: 'T2' }, anna)
    expect(castVote(doc, { trendId: t1, stageId }, anna, rules)).toMatchObject({ ok: true, remaining: 1 })
    expect(castVote(doc, { trendId: t1, stageId }, anna, rules)).toMatchObject({ ok: true, remaining: 0 })
    expect(castVote(doc, { trendId: t2, stageId }, anna, rules)).toEqual({ ok: false, reason: 'budgetSpent', remaining: 0 })
    expect(castVote(doc, { trendId: t2, stageId }, ben, rules)).toMatchObject({ ok: true })
    // another stage has its own budget
    expect(castVote(doc, { trendId: t2, stageId: 'other-stage-000000001' }, anna, rules)).toMatchObject({ ok: true })

    const board = readValid(doc)
    expect(votesLeft(board, stageId, anna.participantId, 2)).toBe(0)
    expect(Object.fromEntries(voteTotals(board.votes.values(), board.trends, stageId, 2))).toEqual({ [t1]: 2, [t2]: 1 })

    // votes on a deleted trend go with it and free the budget
    deleteTrend(doc, t1)
    expect(votesLeft(readValid(doc), stageId, anna.participantId, 2)).toBe(2)
  })

  it('refuses when closed or when the trend is gone', () => {
    const doc = newBoard()
    const t = createTrend(doc, {}, anna)
    expect(castVote(doc, { trendId: t, stageId }, anna, { votesPerPerson: 3, closed: true })).toMatchObject({ ok: false, reason: 'closed' })
    expect(castVote(doc, { trendId: 'gone-0000000000000000', stageId }, anna, rules)).toMatchObject({ ok: false, reason: 'unknownTrend' })
  })

  it('retracts one of the actor’s own dots only', () => {
    const doc = newBoard()
    const t = createTrend(doc, {}, anna)
    castVote(doc, { trendId: t, stageId }, anna, rules)
    castVote(doc, { trendId: t, stageId }, ben, rules)
    expect(retractVote(doc, { trendId: t, stageId }, anna)).toBe(true)
    expect(retractVote(doc, { trendId: t, stageId }, anna)).toBe(false)
    expect([...readValid(doc).votes.values()].map((v) => v.participantId)).toEqual([ben.participantId])
  })

  it('counts at most the budget per person when two devices overspent it concurrently', () => {
    const a = newBoard(1)
    const b = new Y.Doc()
    const link = connectDocs(a, b)
    const t = createTrend(a, {}, anna)
    castVote(a, { trendId: t, stageId }, anna, rules)
    link.hold()
    castVote(a, { trendId: t, stageId }, anna, rules)
    castVote(b, { trendId: t, stageId }, anna, rules) // same person, second device, offline
    link.release()
    const board = readValid(a)
    expect(board.votes.size).toBe(3)
    expect(voteTotals(board.votes.values(), board.trends, stageId, 2).get(t)).toBe(2)
    expect(assessmentResults(board, rules, stageId).get(t)?.votes).toBe(2)
  })
})

describe('placements', () => {
  it('keeps one marker per person and trend, clamped to the grid', () => {
    const doc = newBoard()
    const t = createTrend(doc, {}, anna)
    placeAssessment(doc, { trendId: t, impact: 0.5, uncertainty: 0.5 }, anna)
    placeAssessment(doc, { trendId: t, impact: 1.4, uncertainty: -0.2 }, anna)
    const board = readValid(doc)
    expect([...board.assessments.values()]).toEqual([{ trendId: t, participantId: anna.participantId, impact: 1, uncertainty: 0 }])
    expect(() => placeAssessment(doc, { trendId: t, impact: Number.NaN, uncertainty: 0 }, anna)).toThrow()
    expect(placeAssessment(doc, { trendId: 'gone-0000000000000000', impact: 0, uncertainty: 0 }, anna)).toBe(false)
  })
})
