import { describe, expect, it } from 'vitest'
import { castVote, createBoardWatcher, placeAssessment, sortedByOrder } from '../../../shared/doc/index.ts'
import {
  assessProgress,
  dotsLeftMessage,
  gridMarkers,
  groupResults,
  myPlacements,
  myVoteCounts,
  outlierNotes,
  rankByVotes,
  voteFeedback,
} from './assessModel.ts'
import { anna, assessWorkshop, ben, cai, dana, snapshot } from './testFixtures.ts'

/** Anna, Ben, Cai and Dana place the first trend; Dana far from the rest. Anna places a second. */
function placedWorkshop() {
  const w = assessWorkshop()
  const [care, week] = w.trendIds as [string, string, string]
  placeAssessment(w.board, { trendId: care, impact: 0.8, uncertainty: 0.7 }, anna)
  placeAssessment(w.board, { trendId: care, impact: 0.7, uncertainty: 0.6 }, ben)
  placeAssessment(w.board, { trendId: care, impact: 0.75, uncertainty: 0.65 }, cai)
  placeAssessment(w.board, { trendId: care, impact: 0.1, uncertainty: 0.65 }, dana)
  placeAssessment(w.board, { trendId: week, impact: 0.3, uncertainty: 0.2 }, anna)
  return { ...w, care, week }
}

function markersFor(w: ReturnType<typeof placedWorkshop>, closed: boolean, participantId: string | null) {
  const board = snapshot(w.board)
  const results = groupResults(board.trends, board.assessments, board.votes, 3, w.stage.id)
  return gridMarkers({ closed, trends: sortedByOrder(board.trends), assessments: board.assessments, participantId, results })
}

describe('what the grid shows', () => {
  it('while open: only my own placements, exactly where I put them', () => {
    const w = placedWorkshop()
    const mine = markersFor(w, false, ben.participantId)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ kind: 'own', trendId: w.care, position: { impact: 0.7, uncertainty: 0.6 } })

    const annas = markersFor(w, false, anna.participantId)
    expect(annas.map((m) => m.trendId)).toEqual([w.care, w.week])
    expect(annas.every((m) => m.kind === 'own' && m.placement.participantId === anna.participantId)).toBe(true)
  })

  it('while open: nothing for someone who has placed nothing, or has no identity yet', () => {
    const w = placedWorkshop()
    expect(markersFor(w, false, 'nobody-000000000000000')).toEqual([])
    expect(markersFor(w, false, null)).toEqual([])
  })

  it('after close: every placed trend at the group median with its spread, the same for everyone', () => {
    const w = placedWorkshop()
    const forBen = markersFor(w, true, ben.participantId)
    expect(markersFor(w, true, 'nobody-000000000000000')).toEqual(forBen)
    const care = forBen.find((m) => m.trendId === w.care)
    expect(care?.kind).toBe('group')
    if (care?.kind !== 'group') return
    // impacts 0.1, 0.7, 0.75, 0.8 → median 0.725; deviations 0.625, 0.025, 0.025, 0.075 → MAD 0.05
    expect(care.position.impact).toBeCloseTo(0.725)
    expect(care.spread.impact).toBeCloseTo(0.05)
    expect(care.position.uncertainty).toBeCloseTo(0.65)
    expect(care.result.outliers).toEqual([dana.participantId])
    // The third trend nobody placed is not on the grid.
    expect(forBen.map((m) => m.trendId)).toEqual([w.care, w.week])
  })
})

describe('results in words', () => {
  it('names the outliers for discussion', () => {
    const w = placedWorkshop()
    const board = snapshot(w.board)
    const results = groupResults(board.trends, board.assessments, board.votes, 3, w.stage.id)
    expect(outlierNotes(sortedByOrder(board.trends), results, board.participants)).toEqual([
      { trendId: w.care, trendName: 'Care robots at home', participantId: dana.participantId, personName: 'Dana' },
    ])
  })

  it('ranks by dots, ties in the workshop order, each with its marker number', () => {
    const w = placedWorkshop()
    const [care, week, food] = w.trendIds as [string, string, string]
    const rules = { votesPerPerson: 3 }
    castVote(w.board, { trendId: food, stageId: w.stage.id }, anna, rules)
    castVote(w.board, { trendId: food, stageId: w.stage.id }, ben, rules)
    castVote(w.board, { trendId: week, stageId: w.stage.id }, cai, rules)
    const board = snapshot(w.board)
    const results = groupResults(board.trends, board.assessments, board.votes, 3, w.stage.id)
    const ranking = rankByVotes(sortedByOrder(board.trends), results)
    expect(ranking.map((r) => [r.trend.id, r.number, r.result?.votes])).toEqual([
      [food, 3, 2],
      [week, 2, 1],
      [care, 1, 0],
    ])
  })
})

describe('my placements', () => {
  it('stay the same map while only other people move their markers', () => {
    const w = placedWorkshop()
    // The watcher shares structure between snapshots, as the app's store does.
    const watcher = createBoardWatcher(w.board)
    const assessments = () => watcher.getSnapshot().assessments
    const collection = assessments()
    const before = myPlacements(collection, anna.participantId)
    placeAssessment(w.board, { trendId: w.care, impact: 0.2, uncertainty: 0.2 }, ben)
    expect(assessments()).not.toBe(collection)
    expect(myPlacements(assessments(), anna.participantId)).toBe(before)
    placeAssessment(w.board, { trendId: w.care, impact: 0.2, uncertainty: 0.2 }, anna)
    const after = myPlacements(assessments(), anna.participantId)
    watcher.destroy()
    expect(after).not.toBe(before)
    expect(after.get(w.care)).toMatchObject({ impact: 0.2 })
  })
})

describe('my dots', () => {
  it('counts only my dots in this stage', () => {
    const w = assessWorkshop()
    const [care, week] = w.trendIds as [string, string]
    const rules = { votesPerPerson: 3 }
    castVote(w.board, { trendId: care, stageId: w.stage.id }, anna, rules)
    castVote(w.board, { trendId: care, stageId: w.stage.id }, anna, rules)
    castVote(w.board, { trendId: week, stageId: w.stage.id }, ben, rules)
    castVote(w.board, { trendId: week, stageId: 'another-stage' }, anna, rules)
    const board = snapshot(w.board)
    expect([...myVoteCounts(board.votes, board.trends, w.stage.id, anna.participantId)]).toEqual([[care, 2]])
  })
})

describe('vote budget messages', () => {
  const rules = { votesPerPerson: 5 }

  it('after a dot: how many are left', () => {
    expect(voteFeedback({ ok: true, voteId: 'v', remaining: 3 }, rules)).toEqual({ key: 'assess.votes.left', values: { count: 3, total: 5 } })
    expect(voteFeedback({ ok: true, voteId: 'v', remaining: 0 }, rules)).toEqual({ key: 'assess.votes.noneLeft', values: { total: 5 } })
  })

  it('a refused dot says why', () => {
    expect(voteFeedback({ ok: false, reason: 'budgetSpent', remaining: 0 }, rules)).toEqual({ key: 'assess.votes.refusedBudget', values: { total: 5 } })
    expect(voteFeedback({ ok: false, reason: 'closed', remaining: 2 }, rules).key).toBe('assess.votes.refusedClosed')
    expect(voteFeedback({ ok: false, reason: 'unknownTrend', remaining: 2 }, rules).key).toBe('assess.votes.refusedGone')
  })

  it('the budget line', () => {
    expect(dotsLeftMessage(3, 5)).toEqual({ key: 'assess.votes.left', values: { count: 3, total: 5 } })
    expect(dotsLeftMessage(0, 5).key).toBe('assess.votes.noneLeft')
  })
})

describe('progress for the projector', () => {
  it('counts people, never positions', () => {
    const w = placedWorkshop()
    const [care, week, food] = w.trendIds as [string, string, string]
    placeAssessment(w.board, { trendId: food, impact: 0.5, uncertainty: 0.5 }, anna)
    const rules = { votesPerPerson: 2 }
    castVote(w.board, { trendId: care, stageId: w.stage.id }, anna, rules)
    castVote(w.board, { trendId: week, stageId: w.stage.id }, anna, rules)
    castVote(w.board, { trendId: week, stageId: w.stage.id }, ben, rules)
    expect(assessProgress(snapshot(w.board), w.stage.id, 2)).toEqual({
      people: 4,
      placedAny: 4,
      placedAll: 1,
      votedAny: 2,
      votedAll: 1,
      finished: 1,
    })
  })

  it('leaves out facilitators present until they assess themselves', () => {
    const w = placedWorkshop()
    const board = snapshot(w.board)
    expect(assessProgress(board, w.stage.id, 2, new Set([dana.participantId])).people).toBe(4)
    const notYetPlaced = assessWorkshop()
    expect(assessProgress(snapshot(notYetPlaced.board), notYetPlaced.stage.id, 2, new Set([dana.participantId])).people).toBe(3)
  })
})
