import * as Y from 'yjs'
import { docKey, type DocStore } from '../store/docStore.ts'
import { RELAYED, type Room } from '../sync/room.ts'
import type { Relay } from './relay.ts'

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
    private readonly log: (line: string) => void,
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
    this.relay.publish(docKey(room.workshopId, room.docName), frame(UPDATE, update))
  }

  publishPresence(room: Room, update: Uint8Array): void {
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
      if (message[0] === UPDATE) Y.applyUpdate(room.doc, body, RELAYED)
      else if (message[0] === PRESENCE) this.rooms.notePresence(room, room.presence.applyRelayed(body, Date.now()))
    } catch (error) {
      this.log(`a relayed message for ${room.workshopId} did not apply: ${String(error)}`)
    }
  }

  /** After the link was down: reads every open room back from the store; Yjs skips what it has. */
  private async resync(): Promise<void> {
    for (const room of [...this.rooms.rooms()]) {
      try {
        const stored = await this.store.load(room.workshopId, room.docName)
        if (stored.updates.length > 0) Y.applyUpdate(room.doc, Y.mergeUpdates(stored.updates), RELAYED)
      } catch (error) {
        this.log(`reloading ${room.workshopId} after the Redis link returned failed: ${String(error)}`)
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
