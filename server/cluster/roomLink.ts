import type { Logger } from '../log.ts'
import * as Y from 'yjs'
import { docKey, type DocStore } from '../store/docStore.ts'
import { STORED_GUARD } from '../sync/load/foldProtocol.ts'
import { loadPool } from '../sync/load/loadPool.ts'
import { RELAYED, type Room } from '../sync/room.ts'
import { checkUpdate } from '../sync/updateGuard.ts'
import { applySlices } from './catchUp.ts'
import { soloRelay, type Relay } from './relay.ts'

const UPDATE = 0
const PRESENCE = 1

export interface LinkedRooms {
  loaded(workshopId: string, docName: string): Room | undefined
  rooms(): Iterable<Room>
  /** Presence states another instance passed on changed in this room. */
  notePresence(room: Room, changed: readonly number[]): void
}

/**
 * Keeps this instance's rooms in step with the same rooms on other instances: each stored batch
 * and each presence broadcast goes out on the document's channel, and what arrives is applied to
 * the local document with the RELAYED origin (passed on to local clients, never stored again:
 * the instance that received it stored it before publishing).
 *
 * A room subscribes before it reads the store, and whatever arrives while it loads is applied
 * once it has loaded: an update committed after the read is never missed.
 */
export class RoomLink {
  private readonly early = new Map<string, Buffer[]>()

  constructor(
    private readonly relay: Relay,
    private readonly store: DocStore,
    private readonly rooms: LinkedRooms,
    private readonly logger: Logger,
    /** CPU a stored row may take to apply in a catch-up, as at load (`loadRowBudgetMs`). */
    private readonly rowBudgetMs: number,
  ) {
    relay.onMessage((channel, message) => this.receive(channel, message))
    relay.onResync(() => void this.resync())
  }

  async beforeLoad(workshopId: string, docName: string): Promise<void> {
    const key = docKey(workshopId, docName)
    this.early.set(key, [])
    try {
      await this.relay.subscribe(key)
    } catch (error) {
      this.early.delete(key)
      throw error
    }
  }

  afterLoad(room: Room): void {
    const key = docKey(room.workshopId, room.docName)
    const arrived = this.early.get(key) ?? []
    this.early.delete(key)
    for (const message of arrived) this.apply(room, message)
  }

  loadFailed(workshopId: string, docName: string): void {
    const key = docKey(workshopId, docName)
    this.early.delete(key)
    this.relay.unsubscribe(key)
  }

  unloaded(room: Room): void {
    this.relay.unsubscribe(docKey(room.workshopId, room.docName))
  }

  publishUpdate(room: Room, update: Uint8Array): void {
    // Alone, nothing is passed on: not even the copy that frames it (one per stored batch).
    if (this.relay === soloRelay) return
    this.relay.publish(docKey(room.workshopId, room.docName), frame(UPDATE, update))
  }

  publishPresence(room: Room, update: Uint8Array): void {
    if (this.relay === soloRelay) return
    this.relay.publish(docKey(room.workshopId, room.docName), frame(PRESENCE, update))
  }

  private receive(channel: string, message: Buffer): void {
    const slash = channel.indexOf('/')
    // Channels without a document (news about whole workshops) are for other listeners.
    if (slash < 0) return
    const room = this.rooms.loaded(channel.slice(0, slash), channel.slice(slash + 1))
    if (room) this.apply(room, message)
    else this.early.get(channel)?.push(message)
  }

  private apply(room: Room, message: Buffer): void {
    const body = message.subarray(1)
    try {
      if (message[0] === UPDATE) this.applyUpdate(room, body)
      else if (message[0] === PRESENCE) this.rooms.notePresence(room, room.presence.applyRelayed(body, Date.now()))
    } catch (error) {
      this.logger.warn({ workshop: room.workshopId, doc: room.kind, err: error }, 'a relayed message did not apply')
    }
  }

  /**
   * A change another instance admitted is applied as it is (refusing it here would split the
   * instances' documents), and its contested positions are counted as that instance counted them:
   * each instance's total is then the document's, and the guard's budget (`maxContention`) is one
   * per document, not one per instance an attacker connects to.
   */
  private applyUpdate(room: Room, update: Uint8Array): void {
    try {
      const counted = checkUpdate(room.doc, room.kind, update, STORED_GUARD)
      if (counted.ok) room.contention += counted.contention
      else this.logger.warn({ workshop: room.workshopId, doc: room.kind, reason: counted.reason }, 'a relayed update is applied uncounted')
    } catch (error) {
      this.logger.warn({ workshop: room.workshopId, doc: room.kind, err: error }, 'a relayed update is applied uncounted')
    }
    Y.applyUpdate(room.doc, update, RELAYED)
  }

  /**
   * After the link was down: reads every open room back from the store. The stored rows are
   * checked and folded in the load pool's worker threads (a whole document's log merged here would
   * hold the loop for as long as a cold load), which answer with only what the room lacks, in
   * slices applied a few at a time (catchUp.ts).
   */
  private async resync(): Promise<void> {
    for (const room of [...this.rooms.rooms()]) {
      try {
        const stored = await this.store.load(room.workshopId, room.docName)
        if (stored.updates.length === 0) continue
        const { slices, left, contention } = await loadPool.fold(room.kind, stored.updates, this.rowBudgetMs, Y.encodeStateVector(room.doc))
        await applySlices(room.doc, slices ?? [], RELAYED)
        // What was missed is in the stored document's count; changes made here meanwhile are in ours.
        room.contention = Math.max(room.contention, contention)
        // The room's next load moves them to the quarantine and says which they are.
        if (left.length > 0) this.logger.warn({ workshop: room.workshopId, doc: room.kind }, `${left.length} stored rows left out of a catch-up`)
      } catch (error) {
        this.logger.error({ workshop: room.workshopId, doc: room.kind, err: error }, 'reloading after the Redis link returned failed')
      }
    }
  }
}

function frame(type: number, payload: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(payload.byteLength + 1)
  message[0] = type
  message.set(payload, 1)
  return message
}
