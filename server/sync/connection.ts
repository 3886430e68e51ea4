import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import { BOARD_RENEWED_REASON, CloseCode, MessageType, UPDATE_PIECE_STRUCTS, type DocKind, type RefusalKind, type Role } from '../../shared/protocol.ts'
import type { Limits } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import { awarenessMessage, generationMessage, noticeMessage, permissionDenied, syncStep2 } from './messages.ts'
import { changesNothing } from './changesNothing.ts'
import type { Peer, Room } from './room.ts'
import { RoomsFullError, type RoomRegistry } from './roomRegistry.ts'
import { writeFrame } from './frame.ts'
import { Inbox } from './inbox.ts'
import { TokenBucket } from './tokenBucket.ts'
import { ownThreadCpuMs } from '../threadCpu.ts'
import { DEFAULT_GUARD, checkUpdate, type GuardLimits } from './updateGuard.ts'

export interface ConnectionTarget {
  workshopId: string
  docName: string
  kind: DocKind
  role: Role
  wantsExtensions: boolean
  /** The participant id this connection proved with a server-signed token, or null. */
  participantId: string | null
  /** The board generation the client's copy belongs to, when it offered one (GENERATION_SUBPROTOCOL_PREFIX). */
  generation?: number | null
}

/** Decides, per write, whether this connection may change this document right now. */
export type WritePolicy = (
  role: Role,
  room: Room,
) => { allowed: true } | { allowed: false; reason: string; refusal: Extract<RefusalKind, 'locked' | 'readOnly'> }

class ProtocolError extends Error {}

const BINARY = { binary: true } as const
/** A message this large is checked against its address's shared queue budget. */
const LARGE_MESSAGE_BYTES = 64 * 1024

/** Bytes of updates a connection may send that wait on changes the server does not have. */
const PENDING_BUDGET_BYTES = 64 * 1024
/**
 * The guard while a connection's workshop or address has spent its share of integration time:
 * what one everyday edit needs (a card, a paragraph pasted, letters typed where others type, a
 * piece of a larger change from the app: UPDATE_PIECE_STRUCTS), a few ms at most.
 */
const STRAINED_GUARD: GuardLimits = { ...DEFAULT_GUARD, maxStructs: 500, maxScan: 5_000, maxCost: 5_000, maxLookup: 50_000 }

/** What a connection shares with the others from its address and to its workshop. */
interface SharedBudgets {
  /** Every open connection from this connection's address, this one included. */
  neighbours: ReadonlySet<Connection>
  /** Integration time shared with the workshop's connections, and with the address's. */
  workshopIntegration?: TokenBucket
  addressIntegration?: TokenBucket
  /** A participant's writing allowance in this workshop, shared by their documents and tabs. */
  writing?: TokenBucket
  /** What all participants of the workshop may write together (a participant's connections only). */
  workshopWriting?: TokenBucket
  /** What the person may write while the workshop's is spent. */
  writingShare?: TokenBucket
  /** The content (not the records) the workshop's facilitators may write together (a facilitator's connections only). */
  facilitatorContent?: TokenBucket
}

/**
 * Records a change may add past what is left of its writer's allowance: one of the app's pieces.
 * A piece adds at most about twice its structs (letters typed inside words), within a full
 * allowance, so an honest change always fits once the allowance has refilled; the overdraft only
 * spares it most of that wait.
 */
const WRITING_OVERDRAFT = UPDATE_PIECE_STRUCTS
/**
 * Bytes of content (a string's UTF-8 bytes, a value's JSON size: see the guard's `contentBytes`) a
 * writing allowance charges as one record. Content is what people write, and the size limit
 * bounds what a document keeps of it; what a writer churns through (set, then deleted) stays in
 * the log on disk until the next compaction, and is bounded only by this: a workshop's allowance
 * is then 20 MiB of content at once, 2 MiB a minute, a person's 1 MiB and 60 KiB. A busy
 * participant types some 20 KiB in a workshop.
 */
const CONTENT_BYTES_PER_RECORD = 1024

/** Integration time per update that is not charged to the connection's budget. */
const FREE_INTEGRATION_MS = 10
/** The main thread's own CPU clock (connections live on it), in ms: see callingThreadCpuMs. */
const mainThreadCpuMs = ownThreadCpuMs

/**
 * One WebSocket speaking the y-websocket protocol for one document.
 *
 * Messages wait in an `Inbox`: while the room is still loading, so the first answer is always
 * computed from the stored document, and when a burst would hold the event loop past its slice.
 */
export class Connection implements Peer {
  readonly role: Role
  readonly wantsExtensions: boolean
  readonly participantId: string | null
  private room: Room | undefined
  private readonly inbox: Inbox
  private closed = false
  private presenceTokens: number
  private presenceRefilledAt = Date.now()
  /** A write of this connection's was refused (the board locked): ask for it again once writing is allowed. */
  private owesResync = false
  /** Updates this connection sent that wait on changes the server does not have (keepOwnPending). */
  private waiting: Uint8Array | undefined
  /**
   * What the guard counts of `waiting` (recounted against the document after each apply): it was
   * charged when it came, and is merged into each later update until it can be applied, where it
   * is counted again; so much of each is not charged, or added to the room's contention, twice.
   */
  private waitingCount: Counted = NOTHING_COUNTED
  private readonly requests: TokenBucket
  private readonly refusals: TokenBucket
  /** Milliseconds of Yjs integration this connection may cost: 10 s worth, refilled continuously. */
  private readonly integration: TokenBucket
  /** The live guard with this server's struct limit (made once: it is read on every update). */
  private readonly guardLimits: GuardLimits
  private presenceWindowStart = 0
  private presenceInWindow = 0
  private deferredPresence: { update: Uint8Array; receivedAt: number } | undefined
  private presenceTimer: NodeJS.Timeout | undefined
  alive = true

  constructor(
    private readonly ws: WebSocket,
    private readonly target: ConnectionTarget,
    private readonly registry: RoomRegistry,
    private readonly metrics: Metrics,
    private readonly limits: Limits,
    private readonly mayWrite: WritePolicy,
    /** Kept only to find this connection when its key is rotated away; never logged. */
    private readonly key: string,
    private readonly shared: SharedBudgets = { neighbours: new Set() },
  ) {
    this.role = target.role
    this.wantsExtensions = target.wantsExtensions
    this.participantId = target.participantId
    this.presenceTokens = limits.presenceBurst
    this.requests = new TokenBucket(limits.requestsPerSecond, limits.requestBurst)
    this.refusals = new TokenBucket(limits.refusedPerSecond, limits.refusedBurst)
    this.integration = new TokenBucket(limits.integrationMsPer10s / 10, limits.integrationMsPer10s)
    this.guardLimits = { ...DEFAULT_GUARD, maxStructs: limits.maxStructsPerUpdate }
    metrics.connections++
    this.inbox = new Inbox((message) => this.handle(message), ws)
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary))
    ws.on('pong', () => (this.alive = true))
    // What the client sent before it hung up is still handled (and stored): it may be the last
    // words of a story typed just before the tab closed.
    ws.on('close', () => (this.room ? this.inbox.whenDrained(() => this.dispose()) : this.dispose()))
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.metrics.reject('too_large', target, { code: 1009, detail: error.message })
      else this.metrics.reject('socket_error', target, { detail: error.message })
    })
    void this.start()
  }

  private async start(): Promise<void> {
    const { workshopId, docName } = this.target
    let room: Room
    try {
      room = await this.registry.join(workshopId, docName, this)
    } catch (error) {
      if (error instanceof RoomsFullError) this.reject('rooms_full', CloseCode.busy, 'server busy: too many open documents, retrying')
      else this.reject('load_failed', CloseCode.storeUnavailable, 'document could not be loaded')
      return
    }
    if (this.closed) {
      this.registry.leave(room, this)
      return
    }
    if (room.kind === 'board' && this.target.generation != null && this.target.generation !== room.generation) {
      // Checked here, on the room joined: a renewal under way when the socket opened has finished.
      this.registry.leave(room, this)
      this.close(CloseCode.renewed, BOARD_RENEWED_REASON)
      return
    }
    this.room = room
    if (room.kind === 'board' && this.wantsExtensions) this.send(generationMessage(room.generation))
    // From the loaded state's vector: the state itself may still wait to be applied (Room.loadState).
    this.send(room.syncStep1())
    const presence = room.presence.encode()
    if (presence) this.send(awarenessMessage(presence))
    this.inbox.release()
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.metrics.messagesIn++
    this.metrics.bytesIn += data.byteLength
    if (this.closed) return
    if (!isBinary) {
      this.reject('bad_message', CloseCode.badMessage, 'expected a binary y-websocket message')
      return
    }
    this.inbox.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  }

  private handle(message: Uint8Array): void {
    if (this.closed) return
    const started = performance.now()
    if (this.owesResync) this.askForRefused()
    this.dispatch(message)
    this.metrics.loop.held(started)
  }

  private dispatch(message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.sync:
          this.handleSync(decoder)
          break
        case MessageType.awareness:
          this.handlePresence(decoding.readVarUint8Array(decoder), this.inbox.arrivedAt)
          break
        case MessageType.queryAwareness: {
          if (!this.requests.take()) return this.reject('request_flood', CloseCode.rateLimited, 'too many presence requests')
          const presence = this.room!.presence.encode()
          if (presence) this.send(awarenessMessage(presence))
          break
        }
        case MessageType.auth:
          break
        default:
          throw new ProtocolError(`unknown message type ${type}`)
      }
    } catch (error) {
      // lib0 throws plain Errors on truncated input, Yjs on malformed updates: both are the
      // client's fault, and only this connection pays for it.
      const detail = error instanceof Error ? error.message : String(error)
      this.reject('bad_message', CloseCode.badMessage, `malformed message: ${detail}`.slice(0, 120))
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const room = this.room!
    const step = decoding.readVarUint(decoder)
    if (step === syncProtocol.messageYjsSyncStep1) {
      // "Send me everything" costs a full encoding of the document: an honest client asks once
      // per connection, so a steady stream of them is a flood.
      if (!this.requests.take()) return this.reject('request_flood', CloseCode.rateLimited, 'too many sync requests')
      this.send(this.answerStep1(room, decoding.readVarUint8Array(decoder)))
      return
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(`unknown sync step ${step}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    // Every client's answer to our step 1 when it has nothing (each phone of a join storm): no
    // change, so no policy, guard, size or CPU clock (a system call) to spend on it.
    if (!this.waiting && isEmptyUpdate(update)) return
    const verdict = this.mayWrite(this.role, room)
    if (!verdict.allowed) return this.refuseWrite(room, update, verdict.reason, verdict.refusal)
    // CPU time of this thread, not wall time: on a busy machine a cheap update may wait for a
    // core. Nor the whole process's: while this thread waits, V8's collector and compiler
    // threads and the load pool's workers run, and their time would be charged to the writer (an
    // honest writer closed for good by 4429, see callingThreadCpuMs). The clock is read a second
    // time only when the wall clock (never less than this thread's CPU time) says the update may
    // have cost more than the free allowance. Charged from here: merging what waits, the guard
    // and the apply are all this update's work.
    const startedCpuMs = mainThreadCpuMs()
    const startedWall = performance.now()
    // A reconnect's answer carries the document's whole delete set again: no change, nothing to
    // guard, store or refuse (a full document), once checked (charged: it walks the deletions).
    if (!this.waiting && changesNothing(room.doc, update)) return this.charge(startedCpuMs, startedWall)
    if (!this.registry.storeHealthy) {
      if (this.wantsExtensions) this.send(noticeMessage({ code: 'storeUnavailable', message: 'changes cannot be saved right now' }))
      return this.reject('store_unavailable', CloseCode.storeUnavailable, 'changes could not be saved; retrying')
    }
    // What this connection sent earlier that waits on changes the server does not have yet is
    // retried with each of its new updates, never with anyone else's (see keepOwnPending).
    const incoming = this.waiting ? Y.mergeUpdates([this.waiting, update]) : update
    // Per-person records by the shared rule: a participant writes only their own, a facilitator anyone's.
    const writer = { role: this.role, participantId: this.participantId }
    // Many sockets, each within its own budget, would together cost what none may alone: once a
    // workshop or an address has spent its share, everyday edits still pass, anything costlier
    // waits (4529, retried in a few seconds) until the share refills, refused before any work.
    // A facilitator is held only to the address's share: cleaning up after whoever spent the
    // workshop's must not wait for them, and anyone can make a workshop to be its facilitator.
    const { workshopIntegration, addressIntegration } = this.shared
    const strained = (this.role !== 'facilitator' && workshopIntegration?.isEmpty() === true) || addressIntegration?.isEmpty() === true
    const guard = checkUpdate(room.doc, room.kind, incoming, strained ? STRAINED_GUARD : this.guardLimits, writer, room.contention)
    if (!guard.ok && strained && !guard.forbidden)
      return this.reject('integration_share', CloseCode.slowDown, 'too much work from this workshop or address; retry shortly')
    if (!guard.ok && guard.forbidden) {
      this.waiting = undefined
      this.waitingCount = NOTHING_COUNTED
      this.refuseForeign(guard.reason, guard.forbidden)
      // The check may have walked a long way to refuse (a whole story's deletion): the same bytes
      // sent again would cost as much again, so it is charged like an apply.
      return this.charge(startedCpuMs, startedWall)
    }
    if (!guard.ok) return this.reject('update_refused', CloseCode.badMessage, `update refused: ${guard.reason}`)
    // What the document keeps for good, charged to the person: overwriting values by the hundred
    // (tombstones, about 10 bytes each) would fill a board in seconds; and what it brings to the
    // log on disk, a record per KiB of content (CONTENT_BYTES_PER_RECORD). A change may overdraw what
    // is left by one of the app's pieces; past that it waits (4529: the app retries with its
    // changes) until the allowance has refilled. Checked before the size, spent only when applied.
    // The workshop's allowance, which all its participants share, bounds what many identities
    // (the key on the wall mints them by the hundred) bring together; while it is spent, each
    // person still writes a little on a share of their own, so no one can stop the room.
    const { writing, workshopWriting, writingShare, facilitatorContent } = this.shared
    // At most one piece's worth of that is credited: no one update lands much more than the
    // allowance admits in one, whatever was saved up waiting.
    const cost = Math.max(0, writingCost(guard) - Math.min(writingCost(this.waitingCount), WRITING_OVERDRAFT))
    // A facilitator is charged the content alone, so that deleting never waits.
    const contentCost = Math.max(0, guard.bytes - this.waitingCount.bytes) / CONTENT_BYTES_PER_RECORD
    const personFit = writing && cost > 0 ? writing.fits(cost, WRITING_OVERDRAFT) : 'now'
    const facilitatorFit = facilitatorContent && contentCost > 0 ? facilitatorContent.fits(contentCost, WRITING_OVERDRAFT) : 'now'
    const workshopFit = workshopWriting && cost > 0 ? workshopWriting.fits(cost, WRITING_OVERDRAFT) : 'now'
    const onOwnShare = workshopFit === 'later' && writingShare?.fits(cost, WRITING_OVERDRAFT) === 'now'
    // (A facilitator's one message cannot hold their allowance's 64 MiB: it waits at most.)
    if (personFit === 'never' || workshopFit === 'never') {
      const most = Math.min(this.limits.writeBurstPerPerson, this.limits.writeBurstPerWorkshop) + WRITING_OVERDRAFT
      return this.reject('update_refused', CloseCode.badMessage, `update refused: over ${most} new records (a record per KiB of content) in one update`)
    }
    const waitsFor =
      personFit === 'later'
        ? PERSON_PAUSE
        : workshopFit === 'later' && !onOwnShare
          ? WORKSHOP_PAUSE
          : facilitatorFit === 'later'
            ? FACILITATORS_PAUSE
            : undefined
    if (waitsFor) {
      // The check was work, and the same bytes come back with the retry: charged like an apply.
      this.charge(startedCpuMs, startedWall)
      if (this.wantsExtensions) this.send(noticeMessage({ code: waitsFor.notice, message: `more changes than ${waitsFor.who}; they wait` }))
      return this.reject(waitsFor.metric, CloseCode.slowDown, `more changes than ${waitsFor.who}; retry shortly`)
    }
    if (!this.registry.hasRoomFor(room, incoming.byteLength, this.role)) {
      // The answer may have cost a measure of the whole document: charged like an apply.
      this.charge(startedCpuMs, startedWall)
      if (this.wantsExtensions) this.send(noticeMessage({ code: 'docTooLarge', message: 'this document has reached its size limit' }))
      return this.reject('doc_too_large', CloseCode.rateLimited, 'document size limit reached')
    }
    writing?.spend(cost)
    facilitatorContent?.spend(contentCost)
    if (onOwnShare) writingShare?.spend(cost)
    else workshopWriting?.spend(cost)
    Y.applyUpdate(room.doc, incoming, this)
    room.contention += Math.max(0, guard.contention - this.waitingCount.contention)
    this.keepOwnPending(room)
    this.waitingCount = this.waiting ? counted(room, this.waiting, this.guardLimits) : NOTHING_COUNTED
    this.charge(startedCpuMs, startedWall)
  }

  /** Charges the work since `startedCpuMs` (this thread's CPU clock) to the integration budget. */
  private charge(startedCpuMs: number, startedWall: number): void {
    if (this.closed || performance.now() - startedWall <= FREE_INTEGRATION_MS) return
    // Ordinary updates cost a millisecond or two and are never charged; only the excess counts.
    const excessMs = Math.max(0, mainThreadCpuMs() - startedCpuMs - FREE_INTEGRATION_MS)
    this.shared.workshopIntegration?.spend(excessMs)
    this.shared.addressIntegration?.spend(excessMs)
    if (!this.integration.take(excessMs)) {
      this.reject('integration_budget', CloseCode.slowDown, 'updates cost too much work; slow down')
    }
  }

  /** Sync step 2 for `stateVector`; a client that has nothing gets the room's kept answer. */
  private answerStep1(room: Room, stateVector: Uint8Array): Uint8Array {
    // An empty state vector is the single byte 0 (no clients); anything else is computed.
    if (stateVector.byteLength !== 1 || stateVector[0] !== 0) return syncStep2(room.doc, stateVector)
    return room.fullSyncAnswer()
  }

  /**
   * A client reconnecting after a crash legitimately sends, for a moment, updates that build on
   * its own earlier edits still on their way; Yjs integrates both once they land. Yjs keeps such
   * leftovers on the document, where they would be retried with (and charged to) everyone's
   * updates: here they move to the connection that sent them, within a small budget.
   */
  private keepOwnPending(room: Room): void {
    const { pendingStructs, pendingDs } = room.doc.store
    room.doc.store.pendingStructs = null
    room.doc.store.pendingDs = null
    // Yjs keeps what waits in its v2 encoding; everything here (the merge, the guard, the apply) reads v1.
    const left = [pendingStructs?.update, pendingDs ?? undefined]
      .filter((part): part is Uint8Array => part !== undefined)
      .map((part) => Y.convertUpdateFormatV2ToV1(part))
    this.waiting = left.length === 0 ? undefined : left.length === 1 ? left[0] : Y.mergeUpdates(left)
    if (this.waiting && this.waiting.byteLength > PENDING_BUDGET_BYTES) {
      this.waiting = undefined
      this.waitingCount = NOTHING_COUNTED
      throw new ProtocolError('updates depend on changes this document does not have')
    }
  }

  /**
   * Every client answers the server's step 1 with what it has; for a reader that is nothing new
   * and is ignored. Only an update that brings changes is a refused write, answered once, in time
   * proportional to the update, and within a budget after which the connection is closed.
   */
  private refuseWrite(room: Room, update: Uint8Array, reason: string, refusal: RefusalKind): void {
    if (!bringsNewStructs(room.doc, update)) return
    this.owesResync = true
    this.metrics.reject('write_forbidden', this.target, { detail: reason })
    this.answerRefusal(reason, refusal)
  }

  /**
   * Once this connection may write again (the board unlocked), asks its client for what the
   * server lacks (our sync step 1; the client answers with step 2), which brings back the writes
   * refused meanwhile. Without it, the card a phone wrote offline while the board was locked was
   * dropped at the lock, and everything the person wrote after the unlock built on it, so it
   * waited on the server for a change that never came: their screen said "Connected" while nobody
   * saw their cards until they reloaded. Asked at their next message, at most every 15 s
   * (presence renewal), once.
   */
  private askForRefused(): void {
    const room = this.room
    if (!room || !this.mayWrite(this.role, room).allowed) return
    this.owesResync = false
    this.send(room.syncStep1())
  }

  /**
   * An update writing another person's record (or a person's record without an identity) is
   * dropped whole and answered, within the refusal budget: a forger is closed, and an honest
   * client that met it (a stale copy) hears why and goes on.
   */
  private refuseForeign(reason: string, refusal: RefusalKind): void {
    this.metrics.reject('not_owner', this.target, { detail: reason })
    this.answerRefusal(reason, refusal)
  }

  /**
   * Stock clients hear the reason (y-protocols' auth message); ours hear its kind, to say it in the
   * person's language: first, so the page never shows a plainer reason for a moment before it.
   */
  private answerRefusal(reason: string, refusal: RefusalKind): void {
    if (!this.refusals.take()) return this.reject('refused_flood', CloseCode.rateLimited, 'too many refused writes')
    if (this.wantsExtensions) this.send(noticeMessage({ code: 'writeRejected', message: reason, refusal }))
    this.send(permissionDenied(reason))
  }

  /** `receivedAt`: when the message was read from the socket (`performance.now()`). */
  private handlePresence(update: Uint8Array, receivedAt: number): void {
    const room = this.room!
    if (this.countPresence() > this.limits.presenceFloodPerSecond) {
      this.reject('presence_flood', CloseCode.rateLimited, `presence flood: over ${this.limits.presenceFloodPerSecond} updates a second`)
      return
    }
    // A screen is read-only in every way; its presence is of no use to anyone.
    if (this.role === 'screen') return
    // Echoes of the room's own batches (stock clients re-send what they receive) change nothing:
    // dropped here, before the budget, so they neither cost a token nor displace a deferred state.
    if (!room.presence.bringsChange(update, this)) return
    if (!this.takePresenceToken()) {
      // Over the sustained rate (a caret dragged fast): keep only the newest state and apply it
      // when the budget allows. The cursor is smoothed, the person is never cut off.
      this.metrics.reject('presence_coalesced', this.target)
      this.deferredPresence = { update, receivedAt }
      this.presenceTimer ??= setTimeout(() => {
        this.presenceTimer = undefined
        const latest = this.deferredPresence
        this.deferredPresence = undefined
        if (latest && !this.closed) this.handlePresence(latest.update, latest.receivedAt)
      }, 1000 / this.limits.presencePerSecond)
      return
    }
    const { changed, spoofed } = room.presence.apply(update, this, { role: this.role, participantId: this.participantId }, Date.now())
    if (spoofed) this.metrics.reject('presence_spoofed', this.target)
    this.registry.notePresence(room, changed, receivedAt)
  }

  /** Presence messages received in the current one-second window, this one included. */
  private countPresence(): number {
    const now = Date.now()
    if (now - this.presenceWindowStart >= 1000) {
      this.presenceWindowStart = now
      this.presenceInWindow = 0
    }
    return ++this.presenceInWindow
  }

  /** Token bucket: `presenceBurst` at once, refilled at `presencePerSecond`. */
  private takePresenceToken(): boolean {
    const now = Date.now()
    const refill = ((now - this.presenceRefilledAt) / 1000) * this.limits.presencePerSecond
    this.presenceTokens = Math.min(this.limits.presenceBurst, this.presenceTokens + refill)
    this.presenceRefilledAt = now
    if (this.presenceTokens < 1) return false
    this.presenceTokens--
    return true
  }

  /** Counts and logs the refusal (one line, with the close code) and closes the connection. */
  private reject(reason: string, code: number, message: string): void {
    if (this.closed) return
    this.metrics.reject(reason, this.target, { code, detail: message })
    this.shut(code, message)
  }

  send(message: Uint8Array): void {
    if (!this.mayQueue(message.byteLength)) return
    this.ws.send(message, BINARY)
  }

  sendFrame(frame: Buffer, message: Uint8Array): void {
    if (!this.mayQueue(message.byteLength)) return
    if (!writeFrame(this.ws, frame)) this.ws.send(message, BINARY)
  }

  /** Whether a message of this size may be queued for this connection (counted if so). */
  private mayQueue(bytes: number): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false
    if (this.ws.bufferedAmount + bytes > this.limits.maxSendBufferBytes) {
      // A reader that stopped reading would make the server hold everything meant for it.
      this.metrics.reject('slow_reader', this.target, { detail: `over ${this.limits.maxSendBufferBytes} bytes waiting to be read` })
      this.ws.terminate()
      this.dispose()
      return false
    }
    if (bytes >= LARGE_MESSAGE_BYTES && this.queuedAtAddress() + bytes > this.limits.maxQueuedBytesPerIp) {
      // A hall behind one address may hold thousands of connections; what they may make the server
      // hold at once is shared. A client closed here retries after a backoff, when the rest drained.
      this.reject('address_queue_full', CloseCode.busy, 'server busy: too much waiting for this address; retrying')
      return false
    }
    this.metrics.messagesOut++
    this.metrics.bytesOut += bytes
    return true
  }

  /** Bytes waiting in this connection's socket. */
  get queuedBytes(): number {
    return this.ws.bufferedAmount
  }

  /**
   * Bytes waiting to be sent to every connection from this address. Summed only for large
   * messages (a document sent whole on joining): they are what one connection costs alone, while
   * a broadcast is one buffer shared by all its sockets.
   */
  private queuedAtAddress(): number {
    let queued = 0
    for (const neighbour of this.shared.neighbours) queued += neighbour.ws.bufferedAmount
    return queued
  }

  /** Closes for a reason that is no refusal (a restart, a rotated key, the round is over), logged. */
  close(code: number, reason: string): void {
    // Not a refusal: what this client sent before is its work, handled and stored first.
    this.inbox.drainNow()
    if (this.closed) return
    // A restart or a round's end closes a whole room at once: one line each only when debugging.
    this.metrics.closed(this.target, code, reason, code === CloseCode.goingAway ? 'debug' : 'info')
    this.shut(code, reason)
  }

  private shut(code: number, reason: string): void {
    this.ws.close(code, reason)
    this.dispose()
  }

  opens(workshopId: string, key: string): boolean {
    return this.target.workshopId === workshopId && this.key === key
  }

  /** Called by the keep-alive sweep: a connection that did not answer the last ping is dead. */
  ping(): void {
    if (!this.alive) {
      this.metrics.closed(this.target, 1006, 'no answer to the last ping', 'debug')
      this.ws.terminate()
      return
    }
    this.alive = false
    this.ws.ping()
  }

  private dispose(): void {
    if (this.closed) return
    this.closed = true
    // A refused connection's later messages are not handled (nor kept).
    this.inbox.clear()
    clearTimeout(this.presenceTimer)
    // What it left waiting dies with it; a client that reconnects sends it again with everything
    // it builds on.
    this.waiting = undefined
    this.waitingCount = NOTHING_COUNTED
    this.metrics.connections--
    if (this.room) this.registry.leave(this.room, this)
  }
}

/** Whose writing allowance a change waits for: the notice the app shows, the close's words, the metric. */
const PERSON_PAUSE = { notice: 'writingPaused', who: 'a person makes', metric: 'writing_allowance' } as const
const FACILITATORS_PAUSE = { notice: 'writingPaused', who: "this workshop's facilitators write", metric: 'facilitator_content_allowance' } as const
const WORKSHOP_PAUSE = { notice: 'workshopBusy', who: 'this workshop takes in', metric: 'workshop_writing_allowance' } as const

/** The records, content bytes and contention `update` adds to the room's document, as the guard counts them (none for one it refuses). */
interface Counted {
  records: number
  bytes: number
  contention: number
}

const NOTHING_COUNTED: Counted = { records: 0, bytes: 0, contention: 0 }

function counted(room: Room, update: Uint8Array, limits: GuardLimits): Counted {
  const verdict = checkUpdate(room.doc, room.kind, update, limits)
  return verdict.ok ? { records: verdict.records, bytes: verdict.bytes, contention: verdict.contention } : NOTHING_COUNTED
}

/** What a change costs a writing allowance: its records, and its content a record per KiB (fractions kept). */
function writingCost({ records, bytes }: Pick<Counted, 'records' | 'bytes'>): number {
  return records + bytes / CONTENT_BYTES_PER_RECORD
}

/** The update of a document with nothing in it: no structs, no deletions (Yjs's first encoding). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/** Whether an update carries structs the document does not have (read from its header, O(update)). */
function bringsNewStructs(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update)
  for (const [client, clock] of to) if (clock > Y.getState(doc.store, client)) return true
  return false
}
