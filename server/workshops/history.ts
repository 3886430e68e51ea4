import * as Y from 'yjs'
import { getStoryBody, readBoard, restoreDoc, storyBodyText } from '../../shared/doc/index.ts'
import { BOARD_DOC, CONTROL_DOC } from '../../shared/protocol.ts'
import type { DocStore } from '../store/docStore.ts'
import type { Room } from '../sync/room.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'

/** What a facilitator sees of a snapshot when choosing one to restore. */
export interface HistoryEntry {
  id: number
  createdAt: number
  reason: HistoryReason
  signals: number
  trends: number
  stories: number
  words: number
}

export type HistoryReason = 'periodic' | 'beforeRestore' | 'import' | 'manual'

const SHARED_DOCS = [BOARD_DOC, CONTROL_DOC] as const

/**
 * The board's history: a snapshot of a workshop's shared documents every few minutes while it
 * changes, and on demand before anything replaces content wholesale. Restoring writes the past
 * state into the live documents as ordinary changes, so everyone connected sees it at once, and
 * it is preceded by a snapshot of the present, so a restore can itself be undone.
 * Drafts are private and never part of the history.
 */
export class WorkshopHistory {
  private readonly lastTaken = new Map<string, number>()
  private readonly taking = new Set<string>()

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: DocStore,
    private readonly intervalMs: number,
    private readonly log: (line: string) => void,
    /** History bytes kept per workshop (MAX_HISTORY_BYTES); the oldest snapshots go first. */
    private readonly maxBytes?: number,
  ) {
    registry.listen({ onStored: (room) => this.onStored(room) })
  }

  private onStored(room: Room): void {
    if (room.kind === 'draft' || room.kind === 'bank' || this.taking.has(room.workshopId)) return
    // Marked before the first await: a new workshop stores control and board in two batches,
    // and both would otherwise find "no snapshot yet" and take one each.
    this.taking.add(room.workshopId)
    void this.maybeSnapshot(room.workshopId)
      .catch((error: unknown) => this.log(`history of ${room.workshopId}: ${String(error)}`))
      .finally(() => this.taking.delete(room.workshopId))
  }

  private async maybeSnapshot(workshopId: string): Promise<void> {
    let last = this.lastTaken.get(workshopId)
    if (last === undefined) {
      last = (await this.store.listHistory(workshopId))[0]?.createdAt ?? 0
      this.lastTaken.set(workshopId, last)
    }
    if (Date.now() - last >= this.intervalMs) await this.take(workshopId, 'periodic')
  }

  /** Stores the current state of the workshop's shared documents; returns the snapshot id. */
  async snapshot(workshopId: string, reason: HistoryReason): Promise<number> {
    this.taking.add(workshopId)
    try {
      return await this.take(workshopId, reason)
    } finally {
      this.taking.delete(workshopId)
    }
  }

  private async take(workshopId: string, reason: HistoryReason): Promise<number> {
    this.lastTaken.set(workshopId, Date.now())
    const docs = new Map<string, Uint8Array>()
    let board: Y.Doc | undefined
    for (const name of SHARED_DOCS) {
      const room = await this.registry.open(workshopId, name)
      docs.set(name, Y.encodeStateAsUpdate(room.doc))
      if (name === BOARD_DOC) board = room.doc
      this.registry.releaseIfIdle(room)
    }
    return await this.store.saveHistory(workshopId, reason, docs, JSON.stringify(summarise(board!)), this.maxBytes)
  }

  async list(workshopId: string): Promise<HistoryEntry[]> {
    return (await this.store.listHistory(workshopId)).map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      reason: row.reason as HistoryReason,
      ...(JSON.parse(row.summary) as Omit<HistoryEntry, 'id' | 'createdAt' | 'reason'>),
    }))
  }

  /** Restores a snapshot live; returns the id of the snapshot taken just before, or null if unknown. */
  async restore(workshopId: string, snapshotId: number): Promise<number | null> {
    const snapshot = await this.store.getHistory(workshopId, snapshotId)
    if (!snapshot) return null
    const before = await this.snapshot(workshopId, 'beforeRestore')
    for (const [name, update] of snapshot.docs) {
      const past = new Y.Doc()
      Y.applyUpdate(past, update)
      const room = await this.registry.open(workshopId, name)
      restoreDoc(room.doc, past)
      this.registry.releaseIfIdle(room)
      past.destroy()
    }
    await this.registry.settle()
    this.log(`restored ${workshopId} to snapshot ${snapshotId} (undo: ${before})`)
    return before
  }
}

function summarise(board: Y.Doc): Omit<HistoryEntry, 'id' | 'createdAt' | 'reason'> {
  const snapshot = readBoard(board)
  let words = 0
  for (const storyId of snapshot.stories.keys()) {
    const body = getStoryBody(board, storyId)
    if (body) words += storyBodyText(body).split(/\s+/).filter(Boolean).length
  }
  return { signals: snapshot.signals.size, trends: snapshot.trends.size, stories: snapshot.stories.size, words }
}
