import * as Y from 'yjs'
import type { DocKind, Role } from '../../shared/protocol.ts'
import { binaryFrame, messageOfFrame } from './frame.ts'
import { syncStep1Of, syncStep2, syncStep2InHeadroom, syncUpdateHeader, updateOfSyncStep2 } from './messages.ts'
import { PresenceTable } from './presence.ts'
import { newDoc } from '../../shared/doc/newDoc.ts'

/**
 * Origin of changes another instance stored and passed on (server/cluster): they reach this
 * instance's clients but are not stored again.
 */
/** The state vector of a client that has nothing (no clients: the single byte 0). */
const NOTHING_KNOWN = new Uint8Array([0])

export const RELAYED = Symbol('relayed from another instance')

/** What a room needs of a connection: who it is and how to reach it. */
export interface Peer {
  readonly role: Role
  /** Whether the client asked for our extension messages (`?ext=1`). */
  readonly wantsExtensions: boolean
  send(message: Uint8Array): void
  /** Sends a message already framed by `binaryFrame` (a broadcast: the same bytes for everyone). */
  sendFrame(frame: Buffer, message: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes waiting in its socket (a cold room's apply waits for the first answer to leave). */
  readonly queuedBytes: number
}

/**
 * One loaded document and the peers editing it.
 *
 * Updates applied to `doc` are collected by the doc's own `update` event (so what we store is
 * exactly what Yjs integrated, encoded by Yjs) and wait in `pending` until the registry stores and
 * broadcasts the turn's batch.
 */
export class Room {
  private readonly ydoc = newDoc()
  /**
   * A stored state folded by the load pool and not yet applied to `doc` (see `loadState`), with
   * its state vector and what is to run once it is applied.
   */
  private loaded: { state: Uint8Array; stateVector: Uint8Array } | undefined
  private readonly onLoaded: (() => void)[] = []
  readonly presence = new PresenceTable()
  readonly peers = new Set<Peer>()
  /** Applied to `doc`, not yet stored. */
  pending: Uint8Array[] = []
  /** Bytes in `pending`: applied, not yet stored (or counted in `storedBytes`). */
  pendingBytes = 0
  /** Peers whose writes are in `pending` (server-side changes have no peer). */
  writers = new Set<Peer | null>()
  /** The board's generation as stored when the room was loaded (see RoomRegistry.renew); 0 for other documents. */
  generation = 0
  /**
   * Its generation is being replaced (RoomRegistry.renew): nothing more of it is stored or
   * compacted; what it still takes in is carried over into the new generation.
   */
  retired = false
  /** Sequence of the last stored update and how long the log is since the last snapshot. */
  lastSeq = 0
  logLength = 0
  /** When the log was last compacted (`performance.now()`; never, since the room was loaded). */
  compactedAt = Number.NEGATIVE_INFINITY
  /** Approximate stored size, to refuse documents growing past the configured limit. */
  storedBytes = 0
  /** What the room holds against its size limit: stored, and applied but not yet stored (a turn's burst is one batch). */
  get heldBytes(): number {
    return this.storedBytes + this.pendingBytes
  }
  /** The content when last measured (-1: never), and when (`performance.now()`): see RoomRegistry.hasRoomFor. */
  measuredContent = -1
  measuredTime = 0
  /** Whether a change applied since the last measure deleted anything: only a deletion can shrink the content. */
  deletedSinceMeasure = false
  /**
   * The document's contention as the update guard counts it (`maxContention`): counted by the
   * load's fold, then each admitted update's added, and each update relayed from another instance
   * (RoomLink). Changes the server makes itself are not counted here; the next load counts them.
   */
  contention = 0
  idleTimer: NodeJS.Timeout | undefined
  /**
   * The answer to "send me everything" from a client that has nothing (sync step 2 for an empty
   * state vector), kept until the document changes. Every joining client asks for it, and for a
   * 5 MB board encoding it costs ~100 ms: a join storm or a class reconnecting after a restart
   * pays it once. Set at load from the state the load pool already encoded.
   */
  fullSync: Uint8Array | undefined

  constructor(
    readonly workshopId: string,
    readonly docName: string,
    readonly kind: DocKind,
    private readonly onChange: (room: Room) => void,
    private readonly onRelayed: (room: Room, update: Uint8Array) => void = () => {},
  ) {
    this.ydoc.on('update', this.collect)
    this.ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0) this.deletedSinceMeasure = true
    })
  }

  /**
   * The document. Reading it first applies a loaded state still waiting, so no one (a guard
   * check, a listener, a server-side reaction, an update from a client) ever sees a half-loaded
   * document, and whatever is applied to it comes after the stored state, in arrival order.
   */
  get doc(): Y.Doc {
    if (this.loaded) this.applyLoaded()
    return this.ydoc
  }

  private readonly collect = (update: Uint8Array, origin: unknown): void => {
    this.fullSync = undefined
    if (origin === RELAYED) {
      this.onRelayed(this, update)
      return
    }
    this.pending.push(update)
    this.pendingBytes += update.byteLength
    this.writers.add(isPeer(origin) ? origin : null)
    this.onChange(this)
  }

  /**
   * Takes the stored state the load pool folded (the whole document as one update, with
   * `ANSWER_HEADROOM` free before it). With its state vector, applying it waits (`applyLoaded`):
   * the first client's sync step 1 and step 2 are answered from the state itself, and the
   * main thread's apply of a 5 MB board (~40 ms) then overlaps with the client's own, instead of
   * coming before it. Without one it is applied at once.
   */
  loadState(state: Uint8Array, stateVector?: Uint8Array): void {
    // The worker encoded exactly what the document will hold: the first client's answer is ready.
    this.fullSync = syncStep2InHeadroom(state)
    if (stateVector) this.loaded = { state, stateVector }
    else this.applyState(state)
  }

  /**
   * Applies the loaded state into the empty document (once; reading `doc` calls it too). Loading
   * is not a change, so it is not collected, and without an `update` listener Yjs does not encode
   * the 5 MB again just to report it. Rows waiting for changes that never arrived are left out.
   */
  applyLoaded(): void {
    const loaded = this.loaded
    if (!loaded) return
    this.loaded = undefined
    this.applyState(loaded.state)
    for (const run of this.onLoaded.splice(0)) run()
  }

  private applyState(state: Uint8Array): void {
    this.ydoc.off('update', this.collect)
    try {
      Y.applyUpdate(this.ydoc, state)
    } finally {
      this.ydoc.on('update', this.collect)
    }
    this.ydoc.store.pendingStructs = null
    this.ydoc.store.pendingDs = null
  }

  /** Whether a loaded state waits to be applied. */
  get loading(): boolean {
    return this.loaded !== undefined
  }

  /** Runs `run` once the loaded state is applied (at once when nothing waits). */
  afterLoad(run: () => void): void {
    if (this.loaded) this.onLoaded.push(run)
    else run()
  }

  /** Sync step 1 (our state vector), without applying a loaded state that waits. */
  syncStep1(): Uint8Array {
    return syncStep1Of(this.loaded ? this.loaded.stateVector : Y.encodeStateVector(this.ydoc))
  }

  /**
   * The document's whole state as one update: exports render it in a worker thread from these
   * bytes. It is kept, framed, as the full-sync answer until the document changes, so sixty phones
   * taking the report home from a quiet board cost one encoding (45–130 ms at 7.9 MB), not sixty,
   * and the next client with nothing gets the same bytes. Callers must not change or move them.
   */
  wholeState(): Uint8Array {
    return updateOfSyncStep2(this.fullSyncAnswer())
  }

  /** Sync step 2 for a client that has nothing (`fullSync`), encoded once until the document changes. */
  fullSyncAnswer(): Uint8Array {
    this.fullSync ??= syncStep2(this.doc, NOTHING_KNOWN)
    return this.fullSync
  }

  /** Takes the batch waiting to be stored; the room starts collecting a new one. */
  takePending(): { updates: Uint8Array[]; writers: Set<Peer | null> } {
    const taken = { updates: this.pending, writers: this.writers }
    this.pending = []
    this.pendingBytes = 0
    this.writers = new Set()
    return taken
  }

  /** Puts a batch the store refused back in front of anything collected since. */
  restorePending(batch: { updates: Uint8Array[]; writers: Set<Peer | null> }): void {
    this.pending = [...batch.updates, ...this.pending]
    for (const update of batch.updates) this.pendingBytes += update.byteLength
    for (const writer of this.writers) batch.writers.add(writer)
    this.writers = batch.writers
  }

  broadcast(message: Uint8Array, except?: Peer): void {
    if (this.hasReceivers(except)) this.sendToAll(binaryFrame(message), except)
  }

  /** Sends a document update to every peer but `except`, framed with its message header in one copy. */
  broadcastUpdate(update: Uint8Array, except?: Peer): void {
    if (this.hasReceivers(except)) this.sendToAll(binaryFrame(update, syncUpdateHeader(update)), except)
  }

  private hasReceivers(except: Peer | undefined): boolean {
    return this.peers.size - (except && this.peers.has(except) ? 1 : 0) > 0
  }

  private sendToAll(frame: Buffer, except: Peer | undefined): void {
    const message = messageOfFrame(frame)
    for (const peer of this.peers) if (peer !== except) peer.sendFrame(frame, message)
  }

  destroy(): void {
    clearTimeout(this.idleTimer)
    this.loaded = undefined
    this.onLoaded.length = 0
    this.ydoc.destroy()
  }
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'wantsExtensions' in origin && 'send' in origin
}
