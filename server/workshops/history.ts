import type { Logger } from '../log.ts'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { readControl, setLastRestore } from '../../shared/doc/index.ts'
import { restoreDoc } from '../../shared/doc/restore.ts'
import { frameOfDocs, type ReplayFrame } from '../../shared/history/index.ts'
import { BOARD_DOC, CONTROL_DOC } from '../../shared/protocol.ts'
import { soloRelay, type Relay } from '../cluster/relay.ts'
import type { DocStore } from '../store/docStore.ts'
import type { Room } from '../sync/room.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import { PACKED, compressStatesOffLoop, snapshotSummary, type HistorySummary } from './historySnapshot.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'

/** What a facilitator sees of a snapshot when choosing one to restore. */
export interface HistoryEntry extends HistorySummary {
  id: number
  createdAt: number
  reason: HistoryReason
}

export type HistoryReason = 'periodic' | 'beforeRestore' | 'import' | 'manual' | 'stageChange' | 'reveal' | 'voteClose'

/** Moments in `control` worth a snapshot of their own, besides the periodic ones. */
type EventReason = Extract<HistoryReason, 'stageChange' | 'reveal' | 'voteClose'>

const SHARED_DOCS = [BOARD_DOC, CONTROL_DOC] as const
/**
 * An event snapshot waits this long for quiet: a reveal's cards land on the board a moment after
 * the request, and five quick presses on "Next" are one moment, not five snapshots.
 */
const EVENT_SETTLE_MS = 2_000
/** Frames read from stored snapshots are immutable: keep this many in memory for replays. */
const FRAME_CACHE_SIZE = 2_000

interface ControlMoments {
  /** False for a control document that is still empty (being created or imported). */
  initialised: boolean
  stageId: string | null
  revealSeq: number
  closedVotes: number
}

/**
 * The board's history: a snapshot of a workshop's shared documents every few minutes while it
 * changes, one at every stage change, reveal and close of voting, and on demand before anything
 * replaces content wholesale. Restoring writes the past board into the live board as ordinary
 * changes, so everyone connected sees it at once, and it is preceded by a snapshot of the
 * present, so a restore can itself be undone. Drafts are private and never part of the history.
 *
 * The control document (stage, timer, lock, settings) is kept in each snapshot for the replay but
 * not restored: the facilitator restores the work, not where the room is standing.
 *
 * Cost: each snapshot is the whole state of both documents, gzipped; the store keeps the newest
 * 300 per workshop (see the README's "History" section for the measured size per hour).
 */
export class WorkshopHistory {
  private readonly lastTaken = new Map<string, number>()
  private readonly taking = new Set<string>()
  /** Workshops whose board changed while a snapshot of them was being taken. */
  private readonly changedWhileTaking = new Set<string>()
  /** The check set for when the interval is up, per workshop changed since its last snapshot. */
  private readonly laterCheck = new Map<string, NodeJS.Timeout>()
  private closed = false
  private readonly checking = new Set<string>()
  private readonly moments = new Map<string, ControlMoments>()
  private readonly pendingEvents = new Map<string, { timer: NodeJS.Timeout; reason: EventReason }>()
  private readonly frames = new Map<string, ReplayFrame>()

  constructor(
    private readonly registry: RoomRegistry,
    private readonly store: DocStore,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    /** History bytes kept per workshop (MAX_HISTORY_BYTES); the oldest snapshots go first. */
    private readonly maxBytes?: number,
    /** With several instances, a lease per workshop keeps periodic snapshots to one per interval. */
    private readonly relay: Relay = soloRelay,
  ) {
    registry.listen({
      onLoad: (room) => this.onLoad(room),
      onChanged: (room) => this.onChanged(room),
      onStored: (room) => this.onStored(room),
      onRelayed: (room) => this.onRelayed(room),
    })
  }

  /**
   * Event snapshots run exactly once: a moment (stage change, reveal, close of voting) is noticed
   * only by the instance where the change making it was made, as it is applied (`onChanged`). The
   * others keep their picture of the control document current from what is relayed, without
   * scheduling anything, so a later change made on them is never mistaken for the same moment.
   * Noticing at the apply, not the store, matters: a change relayed in between would otherwise
   * show this instance its own unstored stage change as the other's, and no one would take it.
   */
  private onRelayed(room: Room): void {
    if (room.kind === 'control') this.moments.set(room.workshopId, readMoments(room.doc))
  }

  private onLoad(room: Room): void {
    if (room.kind === 'control') this.moments.set(room.workshopId, readMoments(room.doc))
  }

  private onChanged(room: Room): void {
    // Stage changes, reveals and closes of voting are noticed even while a snapshot is under way.
    if (room.kind === 'control') this.noticeMoments(room)
  }

  private onStored(room: Room): void {
    if (room.kind === 'draft' || room.kind === 'bank') return
    this.periodicDue(room.workshopId)
  }

  /**
   * A periodic snapshot is taken once the interval has passed since the last, as long as the
   * board changed. A change stored too soon after one, or while one is being taken, is not
   * dropped: a later check is set for when the interval is up (one per workshop), so the last
   * change before a quiet spell is in the history too, not only the changes before it, also when
   * everyone has left by then (the rooms are opened again for it). Not kept: such a check when
   * the server stops first (the next change takes a snapshot at once), and, with several
   * instances, a change made just after another instance took the interval's snapshot.
   */
  private periodicDue(workshopId: string): void {
    if (this.closed || this.laterCheck.has(workshopId)) return
    if (this.taking.has(workshopId)) {
      this.changedWhileTaking.add(workshopId)
      return
    }
    // Most stored batches come well within the interval: known without a promise or a query.
    const last = this.lastTaken.get(workshopId)
    const wait = last === undefined ? 0 : last + this.intervalMs - Date.now()
    if (wait > 0) {
      const timer = setTimeout(() => {
        this.laterCheck.delete(workshopId)
        void this.stillThere(workshopId).then((there) => there && this.periodicDue(workshopId))
      }, wait)
      timer.unref()
      this.laterCheck.set(workshopId, timer)
      return
    }
    // Marked before the first await: a new workshop stores control and board in two batches,
    // and both would otherwise find "no snapshot yet" and take one each.
    this.taking.add(workshopId)
    void this.maybeSnapshot(workshopId)
      .catch((error: unknown) => this.logger.error({ workshop: workshopId, err: error }, 'history snapshot failed'))
      .finally(() => this.doneTaking(workshopId))
  }

  /** Whether the workshop still has documents (a deleted one must not get a snapshot, or rooms, again). */
  private async stillThere(workshopId: string): Promise<boolean> {
    if (this.registry.loaded(workshopId, BOARD_DOC)) return true
    try {
      return (await this.store.listDocs(workshopId)).length > 0
    } catch (error) {
      this.logger.error({ workshop: workshopId, err: error }, 'history check failed')
      return false
    }
  }

  private doneTaking(workshopId: string): void {
    this.taking.delete(workshopId)
    if (this.changedWhileTaking.delete(workshopId)) this.periodicDue(workshopId)
  }

  private noticeMoments(room: Room): void {
    const before = this.moments.get(room.workshopId)
    const now = readMoments(room.doc)
    this.moments.set(room.workshopId, now)
    // A workshop being created or imported arrives whole: its closed votes are not a moment.
    if (!before || !before.initialised) return
    const reason: EventReason | null =
      now.revealSeq > before.revealSeq
        ? 'reveal'
        : now.closedVotes > before.closedVotes
          ? 'voteClose'
          : now.stageId !== before.stageId && now.stageId !== null
            ? 'stageChange'
            : null
    if (reason) this.scheduleEvent(room.workshopId, reason)
  }

  private scheduleEvent(workshopId: string, reason: EventReason): void {
    if (this.closed) return
    const pending = this.pendingEvents.get(workshopId)
    if (pending) clearTimeout(pending.timer)
    // A reveal or a vote close outranks the stage change that may come with it.
    const kept = pending && pending.reason !== 'stageChange' && reason === 'stageChange' ? pending.reason : reason
    const timer = setTimeout(() => {
      this.pendingEvents.delete(workshopId)
      void this.snapshot(workshopId, kept).catch((error: unknown) => this.logger.error({ workshop: workshopId, err: error }, 'history snapshot failed'))
    }, EVENT_SETTLE_MS)
    timer.unref()
    this.pendingEvents.set(workshopId, { timer, reason: kept })
  }

  private maybeSnapshot(workshopId: string): Promise<void> {
    // Board and control are often stored in the same turn: one check at a time per workshop.
    if (this.checking.has(workshopId)) return Promise.resolve()
    this.checking.add(workshopId)
    return this.checkPeriodic(workshopId).finally(() => this.checking.delete(workshopId))
  }

  private async checkPeriodic(workshopId: string): Promise<void> {
    let last = this.lastTaken.get(workshopId)
    if (last === undefined) {
      last = (await this.store.listHistory(workshopId))[0]?.createdAt ?? 0
      this.lastTaken.set(workshopId, last)
    }
    // Known only now (after a start): the change waits for the interval like any other.
    if (Date.now() - last < this.intervalMs) return void this.changedWhileTaking.add(workshopId)
    const taken = await this.relay.withLease(
      `history:${workshopId}`,
      this.intervalMs,
      async () => {
        await this.take(workshopId, 'periodic')
      },
      true,
    )
    // Another instance took this interval's snapshot. Not checked again for this change: every
    // instance would then check every interval forever, whether or not anything changed since.
    if (!taken) this.lastTaken.set(workshopId, Date.now())
  }

  /** Drops the event snapshots still settling and the periodic checks set for later (the server is shutting down; its documents are stored anyway). */
  close(): void {
    // The registry stores what is left after this: nothing it sets off is scheduled any more.
    this.closed = true
    for (const { timer } of this.pendingEvents.values()) clearTimeout(timer)
    this.pendingEvents.clear()
    for (const timer of this.laterCheck.values()) clearTimeout(timer)
    this.laterCheck.clear()
  }

  /** Stores the current state of the workshop's shared documents; returns the snapshot id. */
  async snapshot(workshopId: string, reason: HistoryReason): Promise<number> {
    this.taking.add(workshopId)
    try {
      return await this.take(workshopId, reason)
    } finally {
      this.doneTaking(workshopId)
    }
  }

  private async take(workshopId: string, reason: HistoryReason): Promise<number> {
    this.lastTaken.set(workshopId, Date.now())
    const { states, summary } = await this.registry.withRooms(workshopId, SHARED_DOCS, ([board, control]) => ({
      states: new Map([
        [BOARD_DOC, Y.encodeStateAsUpdate(board!.doc)],
        [CONTROL_DOC, Y.encodeStateAsUpdate(control!.doc)],
      ]),
      summary: snapshotSummary(board!.doc),
    }))
    const docs = await compressStatesOffLoop(states)
    return await this.store.saveHistory(workshopId, reason, docs, summary, this.maxBytes)
  }

  /**
   * Stores an imported workshop's first snapshot, packed in the load pool's worker beside the
   * reading of the file (`packSnapshot`): its rooms are not opened for it, so an import costs this
   * thread no encoding, compression or summary of the documents.
   */
  async saveImported(workshopId: string, packed: { docs: Map<string, Uint8Array>; summary: string }): Promise<number> {
    this.lastTaken.set(workshopId, Date.now())
    return await this.store.saveHistory(workshopId, 'import', packed.docs, packed.summary, this.maxBytes)
  }

  async list(workshopId: string): Promise<HistoryEntry[]> {
    return (await this.store.listHistory(workshopId)).map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      reason: row.reason as HistoryReason,
      ...(JSON.parse(row.summary) as HistorySummary),
    }))
  }

  /**
   * The replay: one frame per snapshot, oldest first (see `shared/history`). Frames are read
   * once per snapshot and kept, so playing a morning back twice decodes it once.
   */
  async replay(workshopId: string): Promise<ReplayFrame[]> {
    const rows = (await this.store.listHistory(workshopId)).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
    const frames: ReplayFrame[] = []
    for (const row of rows) {
      const key = `${workshopId}/${row.id}`
      let frame = this.frames.get(key)
      if (!frame) {
        const snapshot = await this.store.getHistory(workshopId, row.id)
        if (!snapshot) continue
        const docs = unpack(snapshot.docs)
        const board = docs.get(BOARD_DOC) ?? newDoc()
        const control = docs.get(CONTROL_DOC) ?? newDoc()
        frame = frameOfDocs({ id: row.id, at: row.createdAt, reason: row.reason }, board, control)
        board.destroy()
        control.destroy()
        if (this.frames.size >= FRAME_CACHE_SIZE) this.frames.delete(this.frames.keys().next().value!)
        this.frames.set(key, frame)
      }
      frames.push(frame)
    }
    return frames
  }

  /** Restores a snapshot's board live; returns the id of the snapshot taken just before, or null if unknown. */
  async restore(workshopId: string, snapshotId: number): Promise<number | null> {
    const snapshot = await this.store.getHistory(workshopId, snapshotId)
    if (!snapshot) return null
    const past = unpack(snapshot.docs)
    const pastBoard = past.get(BOARD_DOC)
    if (!pastBoard) return null
    const before = await this.snapshot(workshopId, 'beforeRestore')
    try {
      await this.registry.withRooms(workshopId, [BOARD_DOC, CONTROL_DOC], ([board, control]) => {
        const { lastRestore, currentStageId } = readControl(control!.doc)
        restoreDoc(board!.doc, pastBoard)
        setLastRestore(control!.doc, {
          at: Date.now(),
          snapshotAt: snapshot.createdAt,
          // An undo goes back to the snapshot the last restore took before itself; going further
          // back through older "Before restore" lines is a restore of its own, and undoable.
          undo: snapshotId === lastRestore?.undoSnapshotId,
          stageId: currentStageId,
          ...(before === null ? {} : { undoSnapshotId: before }),
        })
      })
    } finally {
      for (const doc of past.values()) doc.destroy()
    }
    await this.registry.settle()
    this.logger.info({ workshop: workshopId, snapshot: snapshotId, undo: before }, 'restored a snapshot')
    return before
  }
}

/** A snapshot's documents, loaded; compressed ones (`board.gz`) and older plain ones alike. */
function unpack(stored: Map<string, Uint8Array>): Map<string, Y.Doc> {
  const docs = new Map<string, Y.Doc>()
  for (const [name, data] of stored) {
    const packed = name.endsWith(PACKED)
    const doc = newDoc()
    Y.applyUpdate(doc, packed ? gunzipSync(data) : data)
    docs.set(packed ? name.slice(0, -PACKED.length) : name, doc)
  }
  return docs
}

function readMoments(control: Y.Doc): ControlMoments {
  const session = readControl(control)
  return {
    initialised: session.stages.length > 0,
    stageId: session.currentStageId,
    revealSeq: session.privateMode.revealSeq,
    closedVotes: Object.values(session.assessClosed).filter(Boolean).length,
  }
}
