import type { Logger } from '../log.ts'
import * as Y from 'yjs'
import { BOARD_DOC, BOARD_RENEWED_REASON, CloseCode, docKindOf, type Role } from '../../shared/protocol.ts'
import { carryOver } from '../../shared/doc/restore.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'
import { RoomLink } from '../cluster/roomLink.ts'
import { soloRelay, type Relay } from '../cluster/relay.ts'
import type { Limits, Tuning } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import { docKey, type DocStore, type PendingUpdate, type StoredDoc } from '../store/docStore.ts'
import { awarenessMessage, savedMessage } from './messages.ts'
import { Room, type Peer } from './room.ts'
import { loadPool } from './load/loadPool.ts'
import { PresenceBatches } from './presenceBatches.ts'

export class RoomsFullError extends Error {}

/** How long a renewal waits for server-side work on the board (a reveal, an export) to end. */
const HELD_WAIT_MS = 10_000
/** A renewal folds the whole board and writes it afresh: a few times one stored row's CPU budget. */
const RENEW_BUDGET_FACTOR = 4

/** What starting a board's history afresh did (RoomRegistry.renew). */
export interface Renewal {
  generation: number
  /** The document's whole state, as one update, before and after. */
  bytesBefore: number
  bytesAfter: number
}

/** How long a document over its size budget goes unmeasured at most while little is stored (hasRoomFor). */
const REMEASURE_AFTER_MS = 5_000

/** How long a cold room's apply waits at most for its first answers to leave (applyWhenAnswered). */
const APPLY_WAIT_MS = 100

export interface RoomListener {
  /** Called once a room is loaded from the store, before any peer is answered. */
  onLoad?(room: Room): void
  /**
   * Called as each change made on this instance (by one of its clients or by the server) is
   * applied, before it is stored: what the document was just before it is exactly what the
   * listener last saw, which a change relayed in before the store would otherwise blur.
   */
  onChanged?(room: Room): void
  /** Called after each stored batch of a room (server-side reactions to changes). */
  onStored?(room: Room): void
  /** Called after a change another instance stored was applied to the room. */
  onRelayed?(room: Room): void
}

/**
 * Every loaded document, and the life of each: load from the store before the first answer,
 * batch what arrives in one event-loop turn into one store transaction and one broadcast,
 * compact the log, unload when idle.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  /** Rooms in use by server-side work (`withRooms`), with how many pieces of work hold each. */
  private readonly held = new Map<Room, number>()
  private readonly loading = new Map<string, Promise<Room>>()
  /** Boards whose history is starting afresh: opening one waits until the new generation is stored. */
  private readonly renewing = new Map<string, Promise<unknown>>()
  private readonly dirty = new Set<Room>()
  private flushScheduled = false
  private flushing: Promise<void> = Promise.resolve()
  private readonly presence: PresenceBatches
  private retryTimer: NodeJS.Timeout | undefined
  private readonly expiryTimer: NodeJS.Timeout
  /** False after a failed write, until a retry succeeds: writes are refused meanwhile. */
  storeHealthy = true
  private readonly listeners: RoomListener[] = []
  /** The same rooms on other instances (a no-op alone). */
  private readonly link: RoomLink

  constructor(
    private readonly store: DocStore,
    private readonly metrics: Metrics,
    private readonly tuning: Tuning,
    private readonly limits: Limits,
    private readonly logger: Logger,
    relay: Relay = soloRelay,
  ) {
    this.link = new RoomLink(
      relay,
      store,
      {
        loaded: (workshopId, docName) => this.loaded(workshopId, docName),
        rooms: () => this.rooms.values(),
        notePresence: (room, changed) => this.notePresence(room, changed),
      },
      logger,
      limits.loadRowBudgetMs,
    )
    this.presence = new PresenceBatches(tuning.presenceIntervalMs, (room, changed) => this.sendPresence(room, changed))
    loadPool.warm()
    this.expiryTimer = setInterval(() => this.expirePresence(), 5_000)
    this.expiryTimer.unref()
  }

  listen(listener: RoomListener): void {
    this.listeners.push(listener)
  }

  get size(): number {
    return this.rooms.size
  }

  loaded(workshopId: string, docName: string): Room | undefined {
    return this.rooms.get(docKey(workshopId, docName))
  }

  /** Loads (once) the room and adds the peer; resolves before anything is sent to it. */
  async join(workshopId: string, docName: string, peer: Peer): Promise<Room> {
    const room = await this.openCurrent(workshopId, docName)
    clearTimeout(room.idleTimer)
    room.idleTimer = undefined
    room.peers.add(peer)
    return room
  }

  leave(room: Room, peer: Peer): void {
    if (!room.peers.delete(peer)) return
    this.notePresence(room, room.presence.removeOwner(peer))
    this.releaseIfIdle(room)
  }

  /**
   * Runs server-side work (reveal, restore, export, history) on documents without a peer: each is
   * loaded if needed, kept in memory while the work runs, and released when it ends, however it
   * ends. This is the only way to hold a room outside a connection, so none can be left open.
   *
   * @example
   * const title = await registry.withRooms(id, [CONTROL_DOC], ([control]) => readControl(control.doc).title)
   */
  async withRooms<T>(workshopId: string, docNames: readonly string[], work: (rooms: Room[]) => T | Promise<T>): Promise<T> {
    const opened: Room[] = []
    try {
      for (const docName of docNames) {
        const room = await this.openCurrent(workshopId, docName)
        this.held.set(room, (this.held.get(room) ?? 0) + 1)
        opened.push(room)
      }
      return await work(opened)
    } finally {
      for (const room of opened) {
        const holders = (this.held.get(room) ?? 1) - 1
        if (holders > 0) this.held.set(room, holders)
        else this.held.delete(room)
        this.releaseIfIdle(room)
      }
    }
  }

  /** `withRooms` for one document. */
  withRoom<T>(workshopId: string, docName: string, work: (room: Room) => T | Promise<T>): Promise<T> {
    return this.withRooms(workshopId, [docName], ([room]) => work(room!))
  }

  /** Whether a connection or server-side work is using the room (it must stay loaded). */
  private inUse(room: Room): boolean {
    return room.peers.size > 0 || this.held.has(room)
  }

  /** Starts the idle countdown of a room nobody uses. */
  private releaseIfIdle(room: Room): void {
    if (this.inUse(room) || room.idleTimer) return
    room.idleTimer = setTimeout(() => {
      room.idleTimer = undefined
      void this.unload(room)
    }, this.tuning.roomIdleMs)
    room.idleTimer.unref()
  }

  /**
   * `open`, never answering with a room whose generation is being replaced: one that was still
   * loading when a renewal took it (both waited on the same load) is opened again, as the new one.
   */
  private async openCurrent(workshopId: string, docName: string): Promise<Room> {
    for (;;) {
      const room = await this.open(workshopId, docName)
      if (!room.retired && this.rooms.get(docKey(workshopId, docName)) === room) return room
    }
  }

  /** Loads a room (once); callers hold it through `join` or `withRooms`. */
  private async open(workshopId: string, docName: string): Promise<Room> {
    const key = docKey(workshopId, docName)
    // Not the generation being replaced: whoever comes during a renewal gets the new one.
    while (this.renewing.has(key)) await this.renewing.get(key)!.catch(() => {})
    return this.openNow(key, workshopId, docName)
  }

  private async openNow(key: string, workshopId: string, docName: string): Promise<Room> {
    const existing = this.rooms.get(key)
    if (existing) return existing
    let loading = this.loading.get(key)
    if (!loading) {
      loading = this.load(workshopId, docName).finally(() => this.loading.delete(key))
      this.loading.set(key, loading)
    }
    return loading
  }

  /** Drafts in memory and bytes applied but not yet stored, for /metrics (read when scraped). */
  holdings(): { drafts: number; pendingStoreBytes: number } {
    let drafts = 0
    let pendingStoreBytes = 0
    for (const room of this.rooms.values()) {
      if (room.kind === 'draft') drafts++
      for (const update of room.pending) pendingStoreBytes += update.byteLength
    }
    return { drafts, pendingStoreBytes }
  }

  /** How full the server is, for /healthz: at 1 new documents cannot be opened. */
  get saturation(): number {
    return (this.rooms.size + this.loading.size) / this.limits.maxRoomsInMemory
  }

  /** Documents of one workshop in memory or on their way. */
  private roomsOf(workshopId: string): Room[] {
    return [...this.rooms.values()].filter((room) => room.workshopId === workshopId)
  }

  private loadingOf(workshopId: string): number {
    let count = 0
    for (const key of this.loading.keys()) if (key.startsWith(`${workshopId}/`)) count++
    return count
  }

  private async load(workshopId: string, docName: string): Promise<Room> {
    const kind = docKindOf(docName)
    if (!kind) throw new Error(`not a document name: ${docName}`)
    // Counted with the documents still loading (this one included): checking, then awaiting,
    // then adding would let a burst of opens pass the limit together.
    if (this.rooms.size + this.loading.size >= this.limits.maxRoomsInMemory) await this.evictIdle()
    if (this.rooms.size + this.loading.size >= this.limits.maxRoomsInMemory) throw new RoomsFullError('too many documents open')
    if (this.roomsOf(workshopId).length + this.loadingOf(workshopId) >= this.limits.maxRoomsPerWorkshop) {
      for (const room of this.roomsOf(workshopId)) if (!this.inUse(room)) await this.unload(room)
      if (this.roomsOf(workshopId).length + this.loadingOf(workshopId) >= this.limits.maxRoomsPerWorkshop) {
        throw new RoomsFullError('too many documents open in this workshop')
      }
    }
    const loadStarted = performance.now()
    await this.link.beforeLoad(workshopId, docName)
    const room = new Room(
      workshopId,
      docName,
      kind,
      (changed) => this.markDirty(changed),
      (changed, update) => this.onRelayed(changed, update),
    )
    let stored: StoredDoc
    try {
      stored = await this.loadGeneration(room, workshopId, docName)
      await this.applyStored(room, stored)
    } catch (error) {
      room.destroy()
      this.link.loadFailed(workshopId, docName)
      throw error
    }
    this.dirty.delete(room)
    room.lastSeq = stored.lastSeq
    room.logLength = stored.logLength
    room.storedBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0)
    this.rooms.set(docKey(workshopId, docName), room)
    this.metrics.rooms = this.rooms.size
    // Listeners and changes relayed meanwhile see the document whole: once the state is applied.
    room.afterLoad(() => {
      for (const listener of this.listeners) listener.onLoad?.(room)
      this.link.afterLoad(room)
    })
    // A state left waiting (see applyStored) is applied in a later turn: the joining client's
    // step 1, already in its inbox, is answered in this turn's check phase, before it.
    setTimeout(() => this.applyWhenAnswered(room), 0)
    this.metrics.recordLoad((performance.now() - loadStarted) / 1000)
    return room
  }

  /**
   * The stored document, and for a board the generation it belongs to, read on both sides of it:
   * a renewal committing in between (on another instance, whose news this room, still loading,
   * would not hear) makes it read again.
   */
  private async loadGeneration(room: Room, workshopId: string, docName: string): Promise<StoredDoc> {
    if (room.kind !== 'board') return this.store.load(workshopId, docName)
    let generation = (await this.store.getWorkshop(workshopId))?.boardGeneration ?? 0
    for (;;) {
      const stored = await this.store.load(workshopId, docName)
      const after = (await this.store.getWorkshop(workshopId))?.boardGeneration ?? 0
      if (after === generation) {
        room.generation = generation
        return stored
      }
      generation = after
    }
  }

  /**
   * Applies a cold room's waiting state once the answers to its first clients have left: the
   * apply holds this thread (~40 ms for a 5 MB board), and the rest of a 5 MB answer the socket
   * did not take at once would wait behind it, and the client with it. Anything that reads the
   * document applies it sooner; a reader that does not read its socket delays it by at most
   * APPLY_WAIT_MS.
   */
  private applyWhenAnswered(room: Room, since = performance.now()): void {
    if (!room.loading) return
    const sending = [...room.peers].some((peer) => peer.queuedBytes > 0)
    if (!sending || performance.now() - since >= APPLY_WAIT_MS) return room.applyLoaded()
    setTimeout(() => this.applyWhenAnswered(room, since), 2)
  }

  /**
   * Loads the stored rows into the room: folded in a worker thread (never an unbounded merge on
   * this one), then applied here as one update (after the first client's answer: Room.loadState).
   * Rows that did not load are moved to the store's quarantine, each logged with its workshop and
   * row number.
   */
  private async applyStored(room: Room, stored: StoredDoc): Promise<void> {
    if (stored.updates.length === 0) return
    const { state, stateVector, left, contention } = await loadPool.fold(room.kind, stored.updates, this.limits.loadRowBudgetMs)
    room.contention = contention
    // The control document is applied at once: its facts (lock, private mode) gate every write
    // to the workshop's other documents. Any other may wait for its first client's answer.
    room.loadState(state, room.kind === 'control' ? undefined : stateVector)
    if (left.length === 0) return
    const where = room.kind === 'draft' ? `a draft of ${room.workshopId}` : docKey(room.workshopId, room.docName)
    const rows = left.map(({ index, reason }) => ({ seq: stored.seqs[index]!, data: stored.updates[index]!, reason }))
    for (const row of rows) {
      // Counted here; the line below says which row and why, so an operator can find it.
      this.metrics.reject('stored_update_quarantined', { workshopId: room.workshopId, kind: room.kind })
      this.logger.warn(
        { workshop: room.workshopId, doc: room.kind, reason: row.reason },
        `quarantined stored update ${row.seq === 0 ? 'snapshot' : `row ${row.seq}`} of ${where}: ${row.reason}`,
      )
    }
    try {
      await this.store.quarantine(room.workshopId, room.docName, rows)
    } catch (error) {
      // Still in the log: left out again at the next load, and quarantined then.
      this.logger.error({ workshop: room.workshopId, doc: room.kind, err: error }, `could not move the quarantined rows of ${where} aside`)
    }
  }

  /** Another instance stored this change: its clients have it, ours get it now. */
  private onRelayed(room: Room, update: Uint8Array): void {
    room.broadcastUpdate(update)
    room.storedBytes += update.byteLength
    for (const listener of this.listeners) listener.onRelayed?.(room)
  }

  /**
   * Whether `bytes` more fit in the room's budget. The stored log counts every change ever made,
   * churn included; what counts is the content, so an over-budget room is measured (and compacted)
   * before anything is refused. The facilitator keeps a margin to delete with.
   */
  hasRoomFor(room: Room, bytes: number, role: Role): boolean {
    const limit = room.kind === 'draft' ? this.limits.maxDraftBytes : this.limits.maxDocBytes
    const facilitatorLimit = role === 'facilitator' && room.kind !== 'draft' ? limit * 1.25 : limit
    if (room.heldBytes + bytes <= limit) return true
    // A measure encodes the whole document (~200 ms of this thread at 8 MiB), so it is done only
    // when its answer can change the verdict. Measured under the limit, a letter typed and taken
    // back leaves the content where it was: it is measured again once a sixteenth of the limit has
    // been stored since, or a few seconds have passed, and takes up to that sixteenth meanwhile.
    // Measured over it, only a deletion can have made room: it is measured again after one (what a
    // facilitator's clean-up frees is seen at once), or after a few seconds; the facilitator's own
    // changes need no measure while they fit the margin.
    const measured = room.measuredContent >= 0
    const under = measured && room.measuredContent <= limit
    if (measured && !under && room.heldBytes + bytes <= facilitatorLimit) return true
    // Applied since the last measure, stored or still on its way (just after a measure, what is
    // held is the content): a burst of churn within one turn is measured too, not refused unseen.
    const grownSince = measured ? room.heldBytes - room.measuredContent : Number.POSITIVE_INFINITY
    const stale = performance.now() - room.measuredTime >= REMEASURE_AFTER_MS
    const due = !measured || stale || (under ? grownSince >= limit / 16 : room.deletedSinceMeasure)
    if (grownSince !== 0 && due) this.measure(room)
    if (room.heldBytes + bytes <= limit) return true
    if (room.measuredContent <= limit && room.heldBytes + bytes <= limit + limit / 16) return true
    return room.heldBytes + bytes <= facilitatorLimit
  }

  /**
   * Sets the room's held bytes to its content, and compacts the log (in its turn) if it holds
   * more, within the compaction throttle (`compactAtMostEveryMs`).
   */
  private measure(room: Room): void {
    const content = Y.encodeStateAsUpdate(room.doc).byteLength
    this.metrics.sizeMeasures++
    if (content < room.heldBytes && this.mayCompact(room)) {
      // Marked now, so the changes until it runs do not queue another.
      room.compactedAt = performance.now()
      void this.settle().then(() => this.compact(room))
    }
    // The pending changes are in the content, and are added to `storedBytes` when stored.
    room.storedBytes = content - room.pendingBytes
    room.measuredContent = content
    room.measuredTime = performance.now()
    room.deletedSinceMeasure = false
  }

  private markDirty(room: Room): void {
    if (room.retired) return
    for (const listener of this.listeners) listener.onChanged?.(room)
    this.dirty.add(room)
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    // setImmediate runs right after the poll phase: every message read in this turn is in.
    setImmediate(() => {
      this.flushScheduled = false
      this.flushing = this.flushing.then(() => this.flush()).catch((error: unknown) => this.logger.error({ err: error }, 'flush failed'))
    })
  }

  /**
   * Stores every dirty room's batch in one transaction, then broadcasts each room's batch once and
   * acknowledges (`saved`) it to its writers. Storing first keeps the promise that whatever anyone
   * has seen is on disk; it costs a write of ~30 µs before the broadcast (README, "Reliability").
   */
  private async flush(): Promise<void> {
    if (this.dirty.size === 0) return
    const rooms = [...this.dirty].filter((room) => !room.retired)
    this.dirty.clear()
    const batches = rooms.map((room) => ({ room, ...room.takePending(), stored: undefined as Uint8Array | undefined }))
    const rows: PendingUpdate[] = []
    for (const batch of batches) {
      const { room, updates, writers } = batch
      // What the acknowledgement will cover, taken now: exactly this batch and what came before.
      if ([...writers].some((writer) => writer?.wantsExtensions)) batch.stored = Y.encodeStateVector(room.doc)
      const generation = room.kind === 'board' ? { generation: room.generation } : {}
      for (const update of updates) rows.push({ workshopId: room.workshopId, docName: room.docName, update, ...generation })
    }
    const started = performance.now()
    let lastSeqs: Map<string, number>
    try {
      lastSeqs = await this.store.appendUpdates(rows)
    } catch (error) {
      this.onStoreFailure(batches, error)
      return
    }
    const written = performance.now()
    this.metrics.recordStoreWrite((written - started) / 1000)
    this.storeHealthy = true
    for (const { room, updates, writers, stored } of batches) {
      if (room.kind === 'board' && updates.length > 0 && !lastSeqs.has(docKey(room.workshopId, room.docName))) {
        // Not stored: another instance started this board afresh and the news had not come.
        void this.discardUnstored(room, updates)
        continue
      }
      room.lastSeq = lastSeqs.get(docKey(room.workshopId, room.docName)) ?? room.lastSeq
      room.logLength += updates.length
      for (const update of updates) room.storedBytes += update.byteLength
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
      const soleWriter = writers.size === 1 ? [...writers][0] : undefined
      // The writer already has its own change; everyone else gets the batch as one message.
      const fanOutStarted = performance.now()
      room.broadcastUpdate(merged, soleWriter ?? undefined)
      this.link.publishUpdate(room, merged)
      this.metrics.recordFanOut((performance.now() - fanOutStarted) / 1000)
      if (stored) this.acknowledge(room, writers, stored)
      if (room.logLength > this.tuning.compactAfterUpdates && this.mayCompact(room)) await this.compact(room)
      for (const listener of this.listeners) listener.onStored?.(room)
    }
    // The write has its own figure (a networked store's is not the loop's time); this is the rest.
    this.metrics.loop.held(written)
  }

  private acknowledge(room: Room, writers: Set<Peer | null>, stored: Uint8Array): void {
    let ack: Uint8Array | undefined
    for (const writer of writers) {
      if (!writer?.wantsExtensions || !room.peers.has(writer)) continue
      ack ??= savedMessage(stored)
      writer.send(ack)
    }
  }

  /**
   * The store refused the batch. The updates stay in memory and are retried; the writers are
   * disconnected with a "try again" code so their clients keep the changes and show "not saved";
   * new writes are refused until a retry succeeds.
   */
  private onStoreFailure(batches: { room: Room; updates: Uint8Array[]; writers: Set<Peer | null> }[], error: unknown): void {
    this.metrics.storeFailures++
    if (this.storeHealthy) this.logger.error({ err: error }, 'store write failed; refusing writes until a retry succeeds')
    this.storeHealthy = false
    for (const batch of batches) {
      batch.room.restorePending(batch)
      this.dirty.add(batch.room)
      for (const writer of batch.writers) writer?.close(CloseCode.storeUnavailable, 'changes could not be saved; retrying')
    }
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => this.scheduleFlush(), 1_000)
    this.retryTimer.unref()
  }

  /** Whether the room's last compaction is long enough ago for another (a whole-document encoding and write). */
  private mayCompact(room: Room): boolean {
    return performance.now() - room.compactedAt >= this.tuning.compactAtMostEveryMs
  }

  private async compact(room: Room): Promise<void> {
    if (room.retired) return
    room.compactedAt = performance.now()
    this.metrics.compactions++
    const snapshot = Y.encodeStateAsUpdate(room.doc)
    try {
      await this.store.compact(room.workshopId, room.docName, snapshot, room.lastSeq, room.kind === 'board' ? room.generation : undefined)
      room.logLength = 0
      room.storedBytes = snapshot.byteLength
    } catch (error) {
      // The log is intact; compaction is only an optimisation and is tried again later.
      this.logger.warn({ workshop: room.workshopId, doc: room.kind, err: error }, 'compaction failed')
    }
  }

  /**
   * Presence is sent as one message per room at most once per `presenceIntervalMs`, at once after
   * a quiet interval (see PresenceBatches). `receivedAt` (`performance.now()`) starts the change's
   * delay as s2s_presence_delay_seconds counts it.
   */
  notePresence(room: Room, changed: readonly number[], receivedAt?: number): void {
    this.presence.note(room, changed, receivedAt)
  }

  private sendPresence(room: Room, changed: ReadonlyMap<number, number>): void {
    const update = room.presence.encode(changed.keys())
    // Only states of our own clients go to the other instances; theirs came from there.
    const local = [...changed.keys()].filter((id) => room.presence.isLocal(id))
    if (update) room.broadcast(awarenessMessage(update))
    const sent = performance.now()
    for (const receivedAt of changed.values()) this.metrics.recordPresenceDelay((sent - receivedAt) / 1000)
    const relayed = local.length > 0 ? room.presence.encode(local) : null
    if (relayed) this.link.publishPresence(room, relayed)
  }

  private expirePresence(): void {
    const now = Date.now()
    for (const room of this.rooms.values()) this.notePresence(room, room.presence.expire(now))
  }

  /** Waits until everything received so far is stored. */
  async settle(): Promise<void> {
    while (this.flushScheduled || this.dirty.size > 0) {
      await new Promise((resolve) => setImmediate(resolve))
      await this.flushing
      if (!this.storeHealthy) return
    }
    await this.flushing
  }

  private async unload(room: Room): Promise<void> {
    // A retired room is renewNow's to forget and destroy, not the idle countdown's.
    if (room.retired || this.inUse(room) || this.rooms.get(docKey(room.workshopId, room.docName)) !== room) return
    await this.settle()
    if (this.inUse(room)) return
    if (room.pending.length > 0) {
      this.releaseIfIdle(room)
      return
    }
    if (room.logLength > 0) await this.compact(room)
    this.rooms.delete(docKey(room.workshopId, room.docName))
    this.presence.forget(room)
    this.link.unloaded(room)
    this.metrics.rooms = this.rooms.size
    room.destroy()
  }

  private async evictIdle(): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      if (!this.inUse(room)) await this.unload(room)
    }
  }

  hasPeers(workshopId: string): boolean {
    return this.roomsOf(workshopId).some((room) => room.peers.size > 0)
  }

  /** Closes the peers of a workshop that match (after a key rotation: everyone using the old key). */
  closePeers(workshopId: string, match: (peer: Peer) => boolean, code: number, reason: string): void {
    for (const room of this.roomsOf(workshopId)) for (const peer of [...room.peers]) if (match(peer)) peer.close(code, reason)
  }

  /**
   * Forgets documents of a workshop without storing them: a revealed round's drafts, or a deleted
   * workshop. Whatever was received is stored first, so nothing in flight is half-written.
   */
  async drop(workshopId: string, which: (room: Room) => boolean, code: number, reason: string): Promise<void> {
    await this.settle()
    for (const room of this.roomsOf(workshopId)) {
      if (!which(room)) continue
      for (const peer of [...room.peers]) peer.close(code, reason)
      this.dirty.delete(room)
      this.rooms.delete(docKey(room.workshopId, room.docName))
      this.presence.forget(room)
      this.link.unloaded(room)
      room.destroy()
    }
    this.metrics.rooms = this.rooms.size
  }

  /**
   * Starts the board's history afresh: a new document with the same content and none of the
   * deletions Yjs keeps of everything ever written (a board churned to its size limit is
   * mostly those). The room's clients are closed first: the app's with 1001, so that it comes
   * back, waits here and is then told 4410 (or syncs as before, if the renewal failed); stock
   * clients, which could only sync their old copy into the new generation, with 4410 at once.
   * Server-side work on the room is waited for, everything received is stored, and the store
   * swaps the generation in one transaction (`DocStore.renewDoc`), keeping the old state for
   * browsers that still hold unsent changes to it (the app carries them over:
   * client/sync/renewal.ts). Whoever opens the board meanwhile waits and gets the new one.
   * What the old room still takes in meanwhile (a message already on its way, with a networked
   * store) is not stored as the old generation's: it is carried over into the new one.
   */
  async renew(workshopId: string, code: number, reason: string, committed: (generation: number) => void = () => {}): Promise<Renewal> {
    const key = docKey(workshopId, BOARD_DOC)
    if (this.renewing.has(key)) throw new Error('the board is already starting afresh')
    const renewal = this.renewNow(workshopId, key, code, reason)
    this.renewing.set(key, renewal)
    let done: Awaited<typeof renewal>
    try {
      done = await renewal
    } finally {
      this.renewing.delete(key)
    }
    const { old, previous, ...result } = done
    committed(result.generation)
    if (old.pending.length > 0) {
      // Onto the stored state, not the room's: that may lack what another instance stored and
      // Redis had not brought here yet, which the carry-over would otherwise take as deleted.
      // The renewal is done either way: a failure here is the server's own change lost, said in the log.
      await this.carryIntoBoard(workshopId, previous, old.pending).catch((error: unknown) =>
        this.logger.error({ workshop: workshopId, err: error }, 'a change made during the renewal could not be carried into the new board'),
      )
    }
    old.destroy()
    return result
  }

  private async renewNow(workshopId: string, key: string, code: number, reason: string): Promise<Renewal & { old: Room; previous: Uint8Array }> {
    const room = await this.openNow(key, workshopId, BOARD_DOC)
    for (const peer of [...room.peers]) peer.close(peer.wantsExtensions ? CloseCode.goingAway : code, reason)
    for (let waited = 0; this.held.has(room); waited += 10) {
      if (waited > HELD_WAIT_MS) throw new Error('server-side work on the board did not end; nothing was changed')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await this.settle()
    if (!this.storeHealthy || room.pending.length > 0) throw new Error('the board could not be stored; nothing was changed')
    // From here on, what the room takes in is carried over, not stored as the old generation's.
    room.retired = true
    let generation: number
    let previous: Uint8Array
    let freshState: Uint8Array
    try {
      // The stored rows are the room's state (everything received is stored), and rebuilding a
      // whole board is Yjs work for the load pool's worker: ~280 ms of this thread at 8.6 MB.
      const stored = await this.store.load(workshopId, BOARD_DOC)
      ;({ previous, fresh: freshState } = await loadPool.renewBoard(stored.updates, RENEW_BUDGET_FACTOR * this.limits.loadRowBudgetMs))
      generation = await this.store.renewDoc(workshopId, BOARD_DOC, room.generation, stored.lastSeq, freshState, previous)
    } catch (error) {
      room.retired = false
      if (room.pending.length > 0) this.markDirty(room)
      throw error
    }
    this.forget(room)
    return { generation, bytesBefore: previous.byteLength, bytesAfter: freshState.byteLength, old: room, previous }
  }

  /**
   * Another instance started this board's history afresh (`generation` is the new one): its
   * clients here are closed and the room forgotten without storing what it holds. Stored now,
   * an update of the old generation would land in the new one's log; unstored, a client's is
   * still in its browser, which carries it over. Server-side work still holding the room (a
   * reveal landing cards) ends first, and what it wrote from here on is carried over.
   */
  async discardBoard(workshopId: string, generation: number, code: number, reason: string): Promise<void> {
    const room = this.loaded(workshopId, BOARD_DOC)
    if (!room || room.generation >= generation) return
    room.retired = true
    for (const peer of [...room.peers]) peer.close(code, reason)
    this.forget(room)
    if (this.held.has(room)) {
      const base = newDoc()
      Y.applyUpdate(base, Y.encodeStateAsUpdate(room.doc))
      const pendingBefore = room.pending.length
      for (let waited = 0; this.held.has(room) && waited < HELD_WAIT_MS; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10))
      if (room.pending.length > pendingBefore) await this.withRoom(workshopId, BOARD_DOC, (renewed) => carryOver(renewed.doc, base, room.doc))
      base.destroy()
    }
    room.destroy()
  }

  /**
   * The store kept none of this board's rows (PostgreSQL: a generation another instance has
   * replaced). Nothing of them was acknowledged or sent on: the room is discarded as on the news
   * (its clients carry their changes over), and the rows are carried onto the old generation's
   * last state into the new one, for the changes the server itself made.
   */
  private async discardUnstored(room: Room, updates: Uint8Array[]): Promise<void> {
    const { workshopId } = room
    try {
      const current = (await this.store.getWorkshop(workshopId))?.boardGeneration
      if (current === undefined) return
      const previous = await this.store.previousGeneration(workshopId, BOARD_DOC, room.generation)
      await this.discardBoard(workshopId, current, CloseCode.renewed, BOARD_RENEWED_REASON)
      if (previous) await this.carryIntoBoard(workshopId, previous, updates)
    } catch (error) {
      this.logger.error({ workshop: workshopId, err: error }, 'changes to a board started afresh elsewhere could not be carried into the new one')
    }
  }

  /**
   * Writes into the board's current generation what `updates` changed from `previous` (an old
   * generation's last state), as the app does with what it had not sent (shared/doc `carryOver`).
   */
  private async carryIntoBoard(workshopId: string, previous: Uint8Array, updates: readonly Uint8Array[]): Promise<void> {
    const [base, edited] = [newDoc(), newDoc()]
    try {
      Y.applyUpdate(base, previous)
      Y.applyUpdate(edited, previous)
      for (const update of updates) Y.applyUpdate(edited, update)
      await this.withRoom(workshopId, BOARD_DOC, (renewed) => carryOver(renewed.doc, base, edited))
    } finally {
      base.destroy()
      edited.destroy()
    }
  }

  /** `discardBoard` for every loaded board whose generation is older than the stored one. */
  async discardStaleBoards(code: number, reason: string): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      if (room.kind !== 'board') continue
      const stored = (await this.store.getWorkshop(room.workshopId))?.boardGeneration
      if (stored !== undefined) await this.discardBoard(room.workshopId, stored, code, reason)
    }
  }

  /** Takes a room out of memory without storing it (what it received is stored already). */
  private forget(room: Room): void {
    this.dirty.delete(room)
    this.rooms.delete(docKey(room.workshopId, room.docName))
    this.presence.forget(room)
    this.link.unloaded(room)
    this.metrics.rooms = this.rooms.size
    clearTimeout(room.idleTimer)
  }

  /** Stores everything, compacts every room and forgets them (shutdown). */
  async closeAll(): Promise<void> {
    clearInterval(this.expiryTimer)
    this.presence.close()
    clearTimeout(this.retryTimer)
    await this.settle()
    for (const room of this.rooms.values()) {
      if (room.logLength > 0 && this.storeHealthy) await this.compact(room)
      room.destroy()
    }
    this.rooms.clear()
    this.metrics.rooms = 0
  }
}
