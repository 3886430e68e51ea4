import * as Y from 'yjs'
import type { DocKind, Role } from '../../shared/protocol.ts'
import { binaryFrame } from './frame.ts'
import { syncStep2Of } from './messages.ts'
import { PresenceTable } from './presence.ts'

/**
 * Origin of changes another instance stored and passed on (server/cluster): they reach this
 * instance's clients but are not stored again.
 */
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
}

/**
 * One loaded document and the peers editing it.
 *
 * Updates applied to `doc` are collected by the doc's own `update` event (so what we store is
 * exactly what Yjs integrated, encoded by Yjs) and wait in `pending` until the registry stores and
 * broadcasts the turn's batch.
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly presence = new PresenceTable()
  readonly peers = new Set<Peer>()
  /** Applied to `doc`, not yet stored. */
  pending: Uint8Array[] = []
  /** Peers whose writes are in `pending` (server-side changes have no peer). */
  writers = new Set<Peer | null>()
  /** Presence entries changed since the last presence broadcast. */
  readonly presenceDirty = new Set<number>()
  /** Sequence of the last stored update and how long the log is since the last snapshot. */
  lastSeq = 0
  logLength = 0
  /** Approximate stored size, to refuse documents growing past the configured limit. */
  storedBytes = 0
  /** `storedBytes` when the content was last measured (see RoomRegistry.hasRoomFor). */
  measuredAt = -1
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
    this.doc.on('update', this.collect)
  }

  private readonly collect = (update: Uint8Array, origin: unknown): void => {
    this.fullSync = undefined
    if (origin === RELAYED) {
      this.onRelayed(this, update)
      return
    }
    this.pending.push(update)
    this.writers.add(isPeer(origin) ? origin : null)
    this.onChange(this)
  }

  /**
   * Applies the stored state into the empty document. Loading is not a change, so it is not
   * collected, and without an `update` listener Yjs does not encode the 5 MB again just to
   * report it. Rows waiting for changes that never arrived are left out.
   */
  loadState(state: Uint8Array): void {
    this.doc.off('update', this.collect)
    try {
      Y.applyUpdate(this.doc, state)
    } finally {
      this.doc.on('update', this.collect)
    }
    this.doc.store.pendingStructs = null
    this.doc.store.pendingDs = null
    // The worker encoded exactly what the document now holds: the first client's answer is ready.
    this.fullSync = syncStep2Of(state)
  }

  /** The document's whole state as one update: exports render it in a worker thread from these bytes. */
  wholeState(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  /** Takes the batch waiting to be stored; the room starts collecting a new one. */
  takePending(): { updates: Uint8Array[]; writers: Set<Peer | null> } {
    const taken = { updates: this.pending, writers: this.writers }
    this.pending = []
    this.writers = new Set()
    return taken
  }

  /** Puts a batch the store refused back in front of anything collected since. */
  restorePending(batch: { updates: Uint8Array[]; writers: Set<Peer | null> }): void {
    this.pending = [...batch.updates, ...this.pending]
    for (const writer of this.writers) batch.writers.add(writer)
    this.writers = batch.writers
  }

  broadcast(message: Uint8Array, except?: Peer): void {
    const receivers = this.peers.size - (except && this.peers.has(except) ? 1 : 0)
    if (receivers === 0) return
    const frame = binaryFrame(message)
    for (const peer of this.peers) if (peer !== except) peer.sendFrame(frame, message)
  }

  destroy(): void {
    clearTimeout(this.idleTimer)
    this.doc.destroy()
  }
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'wantsExtensions' in origin && 'send' in origin
}
