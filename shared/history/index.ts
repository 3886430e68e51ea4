/**
 * The workshop's history as a replay: frames read from history snapshots (`frame.ts`) and how
 * one trend emerged across them (`trendHistory.ts`). Pure; the server builds the frames, the
 * facilitator's replay and the projector show them.
 */
import type * as Y from 'yjs'
import { readBoard, readControl } from '../doc/index'
import { replayFrame, type ReplayFrame } from './frame'

export { type ReplayFrame } from './frame'
export { trendHistory, type TrendEvent } from './trendHistory'

/** The frame of a snapshot whose documents were loaded into `board` and `control`. */
export function frameOfDocs(snapshot: { id: number; at: number; reason: string }, board: Y.Doc, control: Y.Doc): ReplayFrame {
  return replayFrame(snapshot, readBoard(board), readControl(control))
}
