import { promisify } from 'node:util'
import { gzip, gzipSync } from 'node:zlib'
import type * as Y from 'yjs'
import { getStoryBody, readBoard, storyBodyText } from '../../shared/doc/index.ts'

/** What a history entry says of its board, for the list a facilitator chooses from. */
export interface HistorySummary {
  signals: number
  trends: number
  stories: number
  words: number
  /**
   * The wheels' consequences and the takeaways: what a later stage adds, and what tells one
   * snapshot of the end from another. Snapshots from before they were counted lack them.
   */
  wheelNodes?: number
  takeaways?: number
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
  return { docs, summary: snapshotSummary(board) }
}

const gzipInThreadPool = promisify(gzip)

/**
 * The compression of `packSnapshot` for the main thread: it runs in libuv's thread pool, where a
 * large board's ~100 ms of gzip keeps no one waiting. The states are encoded (and the summary
 * read) beforehand, while the rooms are held, so the rooms are free again during the compression.
 */
export async function compressStatesOffLoop(states: ReadonlyMap<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const docs = new Map<string, Uint8Array>()
  for (const [name, state] of states) docs.set(name + PACKED, new Uint8Array(await gzipInThreadPool(state)))
  return docs
}

/** The board's summary as stored beside a snapshot. */
export function snapshotSummary(board: Y.Doc): string {
  return JSON.stringify(summarise(board))
}

function summarise(board: Y.Doc): HistorySummary {
  const snapshot = readBoard(board)
  let words = 0
  for (const storyId of snapshot.stories.keys()) {
    const body = getStoryBody(board, storyId)
    if (body) words += storyBodyText(body).split(/\s+/).filter(Boolean).length
  }
  return {
    signals: snapshot.signals.size,
    trends: snapshot.trends.size,
    stories: snapshot.stories.size,
    words,
    wheelNodes: snapshot.wheelNodes.size,
    takeaways: snapshot.takeaways.size,
  }
}
