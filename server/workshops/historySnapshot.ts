import { gzipSync } from 'node:zlib'
import type * as Y from 'yjs'
import { getStoryBody, readBoard, storyBodyText } from '../../shared/doc/index.ts'

/** What a history entry says of its board, for the list a facilitator chooses from. */
export interface HistorySummary {
  signals: number
  trends: number
  stories: number
  words: number
}

/** Stored compressed under this suffix; snapshots from before compression have plain names. */
export const PACKED = '.gz'

/**
 * One history snapshot's stored form: each document's whole state gzipped under `<name>.gz`, and
 * the board's summary as JSON. Shared by the history (on the main thread, from the rooms) and the
 * load pool's import reader (in a worker, from the imported documents), so both write the same.
 */
export function packSnapshot(states: ReadonlyMap<string, Uint8Array>, board: Y.Doc): { docs: Map<string, Uint8Array>; summary: string } {
  const docs = new Map<string, Uint8Array>()
  // Copied out of Node's shared buffer pool (small results live there) so that a worker can hand them over.
  for (const [name, state] of states) docs.set(name + PACKED, new Uint8Array(gzipSync(state)))
  return { docs, summary: JSON.stringify(summarise(board)) }
}

function summarise(board: Y.Doc): HistorySummary {
  const snapshot = readBoard(board)
  let words = 0
  for (const storyId of snapshot.stories.keys()) {
    const body = getStoryBody(board, storyId)
    if (body) words += storyBodyText(body).split(/\s+/).filter(Boolean).length
  }
  return { signals: snapshot.signals.size, trends: snapshot.trends.size, stories: snapshot.stories.size, words }
}
