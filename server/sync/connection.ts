import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebSocket } from 'ws'
import { CloseCode, MessageType, type DocKind, type Role } from '../../shared/protocol.ts'
import type { Limits } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import { awarenessMessage, noticeMessage, permissionDenied, syncStep1, syncStep2 } from './messages.ts'
import type { Peer, Room } from './room.ts'
import { RoomsFullError, type RoomRegistry } from './roomRegistry.ts'

export interface ConnectionTarget {
  workshopId: string
  docName: string
  kind: DocKind
  role: Role
  wantsExtensions: boolean
}

/** Decides, per write, whether this connection may change this document right now. */
export type WritePolicy = (role: Role, room: Room) => { allowed: true } | { allowed: false; reason: string }

class ProtocolError extends Error {}

/** Bytes of updates a connection may send that wait on changes the server does not have. */
const PENDING_BUDGET_BYTES = 1024 * 1024

/**
 * One WebSocket speaking the y-websocket protocol for one document.
 *
 * Messages that arrive while the room is still loading wait in `queue`, so the first answer is
 * always computed from the stored document.
 */
export class Connection implements Peer {
  readonly role: Role
  readonly wantsExtensions: boolean
  private room: Room | undefined
  private queue: Uint8Array[] | undefined = []
  private closed = false
  private presenceTokens: number
  private presenceRefilledAt = Date.now()
  private pendingBytes = 0
  /** This connection sent updates still waiting on missing changes (see handleSync). */
  private leftPending = false
  private presenceWindowStart = 0
  private presenceInWindow = 0
  private deferredPresence: Uint8Array | undefined
  private presenceTimer: NodeJS.Timeout | undefined
  alive = true

  constructor(
    private readonly ws: WebSocket,
    private readonly target: ConnectionTarget,
    private readonly registry: RoomRegistry,
    private readonly metrics: Metrics,
    private readonly limits: Limits,
    private readonly mayWrite: WritePolicy,
  ) {
    this.role = target.role
    this.wantsExtensions = target.wantsExtensions
    this.presenceTokens = limits.presenceBurst
    metrics.connections++
    ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary))
    ws.on('pong', () => (this.alive = true))
    ws.on('close', () => this.dispose())
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.metrics.reject('too_large')
      else this.metrics.reject('socket_error')
    })
    void this.start()
  }

  private async start(): Promise<void> {
    const { workshopId, docName } = this.target
    let room: Room
    try {
      room = await this.registry.join(workshopId, docName, this)
    } catch (error) {
      if (error instanceof RoomsFullError) this.close(CloseCode.busy, 'server busy: too many open documents, retrying')
      else this.close(CloseCode.storeUnavailable, 'document could not be loaded')
      return
    }
    if (this.closed) {
      this.registry.leave(room, this)
      return
    }
    this.room = room
    this.send(syncStep1(room.doc))
    const presence = room.presence.encode()
    if (presence) this.send(awarenessMessage(presence))
    const queued = this.queue ?? []
    this.queue = undefined
    for (const message of queued) this.handle(message)
  }

  private receive(data: Buffer, isBinary: boolean): void {
    this.metrics.messagesIn++
    this.metrics.bytesIn += data.byteLength
    if (this.closed) return
    if (!isBinary) {
      this.reject('bad_message', CloseCode.badMessage, 'expected a binary y-websocket message')
      return
    }
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (this.queue) this.queue.push(message)
    else this.handle(message)
  }

  private handle(message: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(message)
      const type = decoding.readVarUint(decoder)
      switch (type) {
        case MessageType.sync:
          this.handleSync(decoder)
          break
        case MessageType.awareness:
          this.handlePresence(decoding.readVarUint8Array(decoder))
          break
        case MessageType.queryAwareness: {
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
      this.send(syncStep2(room.doc, decoding.readVarUint8Array(decoder)))
      return
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new ProtocolError(`unknown sync step ${step}`)
    }
    const update = decoding.readVarUint8Array(decoder)
    const verdict = this.mayWrite(this.role, room)
    if (!verdict.allowed) {
      // Every client answers the server's step 1 with what it has; for a reader that is nothing
      // new. Only an update that would change the document is a refused write.
      if (Y.snapshotContainsUpdate(Y.snapshot(room.doc), update)) return
      this.metrics.reject('write_forbidden')
      this.send(permissionDenied(verdict.reason))
      if (this.wantsExtensions) this.send(noticeMessage({ code: 'writeRejected', message: verdict.reason }))
      return
    }
    if (!this.registry.storeHealthy) {
      this.metrics.reject('store_unavailable')
      if (this.wantsExtensions) this.send(noticeMessage({ code: 'storeUnavailable', message: 'changes cannot be saved right now' }))
      this.close(CloseCode.storeUnavailable, 'changes could not be saved; retrying')
      return
    }
    if (room.storedBytes + update.byteLength > this.limits.maxDocBytes) {
      this.metrics.reject('doc_too_large')
      if (this.wantsExtensions) this.send(noticeMessage({ code: 'docTooLarge', message: 'this document has reached its size limit' }))
      this.close(CloseCode.rateLimited, 'document size limit reached')
      return
    }
    Y.applyUpdate(room.doc, update, this)
    if (room.doc.store.pendingStructs || room.doc.store.pendingDs) {
      // The update builds on changes the server does not have yet. A client reconnecting after a
      // crash does this legitimately for a moment: it keeps typing while the sync step carrying
      // its earlier edits is still on its way, and Yjs integrates both once it lands. A forged
      // stream would wait forever, so each connection gets a small budget for it.
      this.pendingBytes += update.byteLength
      this.leftPending = true
      if (this.pendingBytes > PENDING_BUDGET_BYTES) {
        room.doc.store.pendingStructs = null
        room.doc.store.pendingDs = null
        throw new ProtocolError('updates depend on changes this document does not have')
      }
    } else {
      this.pendingBytes = 0
    }
  }

  private handlePresence(update: Uint8Array): void {
    const room = this.room!
    if (this.countPresence() > this.limits.presenceFloodPerSecond) {
      this.reject('presence_flood', CloseCode.rateLimited, `presence flood: over ${this.limits.presenceFloodPerSecond} updates a second`)
      return
    }
    // A screen is read-only in every way; its presence is of no use to anyone.
    if (this.role === 'screen') return
    if (!this.takePresenceToken()) {
      // Over the sustained rate (a caret dragged fast): keep only the newest state and apply it
      // when the budget allows. The cursor is smoothed, the person is never cut off.
      this.metrics.reject('presence_coalesced')
      this.deferredPresence = update
      this.presenceTimer ??= setTimeout(() => {
        this.presenceTimer = undefined
        const latest = this.deferredPresence
        this.deferredPresence = undefined
        if (latest && !this.closed) this.handlePresence(latest)
      }, 1000 / this.limits.presencePerSecond)
      return
    }
    const { changed, spoofed } = room.presence.apply(update, this, this.role, Date.now())
    if (spoofed) this.metrics.reject('presence_spoofed')
    this.registry.notePresence(room, changed)
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

  private reject(reason: string, code: number, message: string): void {
    this.metrics.reject(reason)
    this.close(code, message)
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.metrics.messagesOut++
    this.metrics.bytesOut += message.byteLength
    this.ws.send(message, { binary: true })
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.ws.close(code, reason)
    this.dispose()
  }

  /** Called by the keep-alive sweep: a connection that did not answer the last ping is dead. */
  ping(): void {
    if (!this.alive) {
      this.ws.terminate()
      return
    }
    this.alive = false
    this.ws.ping()
  }

  private dispose(): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.presenceTimer)
    // What it left waiting can no longer be completed by it; a client that reconnects sends it
    // again with everything it builds on. Keeping it would make every later update retry it.
    if (this.leftPending && this.room?.doc.store.pendingStructs) {
      this.room.doc.store.pendingStructs = null
      this.room.doc.store.pendingDs = null
    }
    this.metrics.connections--
    if (this.room) this.registry.leave(this.room, this)
  }
}
