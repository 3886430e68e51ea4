/**
 * Test helpers for the assess stage (imported by tests only): a workshop whose control document
 * came from the default template, a board with a few trends, and people to act as.
 */
import * as Y from 'yjs'
import { createTrend, createWorkshopControl, initBoard, joinAsParticipant, readBoard, readControl, type Actor } from '../../../shared/doc/index.ts'
import { TEMPLATES } from '../../../shared/method/templates.ts'
import type { Stage } from '../../../shared/schema/index.ts'

export const anna: Actor = { participantId: 'anna-0000000000000000' }
export const ben: Actor = { participantId: 'ben-00000000000000000' }
export const cai: Actor = { participantId: 'cai-00000000000000000' }
export const dana: Actor = { participantId: 'dana-0000000000000000' }
export const facilitator: Actor = { participantId: 'fac-00000000000000000' }

export const TREND_NAMES = ['Care robots at home', 'Four-day work week', 'Neighbourhood food sharing'] as const

export interface AssessWorkshop {
  board: Y.Doc
  control: Y.Doc
  stage: Stage
  trendIds: string[]
}

/** A fresh workshop with the given trends (the default three) and Anna, Ben, Cai and Dana joined. */
export function assessWorkshop(names: readonly string[] = TREND_NAMES): AssessWorkshop {
  const board = new Y.Doc()
  initBoard(board)
  const control = new Y.Doc()
  createWorkshopControl(control, { title: 'Everyday welfare 2040' }, TEMPLATES['signals-to-stories'])
  const stage = readControl(control).stages.find((candidate) => candidate.kind === 'assess')
  if (!stage) throw new Error('the default template has an assess stage')
  const trendIds = names.map((name) => createTrend(board, { name }, facilitator))
  for (const [actor, name] of [
    [anna, 'Anna'],
    [ben, 'Ben'],
    [cai, 'Cai'],
    [dana, 'Dana'],
  ] as const)
    joinAsParticipant(board, actor, name)
  return { board, control, stage, trendIds }
}

export const snapshot = (doc: Y.Doc) => readBoard(doc)
