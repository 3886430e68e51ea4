import type { Room } from './room.ts'

interface RoomBatch {
  /** Client ids whose newest state waits to be sent, each with when the server received it (`performance.now()`). */
  changed: Map<number, number>
  /** When this room's presence was last sent. */
  sentAt: number
  timer: NodeJS.Timeout | undefined
  immediate: NodeJS.Immediate | undefined
}

/** What a batch is handed to: the room, the client ids whose states it carries, when each was received. */
export type SendPresence = (room: Room, changed: ReadonlyMap<number, number>) => void

/**
 * Presence of each room, sent at most once per `intervalMs`: a change that arrives after the room
 * was quiet for a whole interval goes out at the end of this event-loop turn (the leading edge,
 * with whatever else this turn read), later ones wait for the interval's end and go out together,
 * each client's newest state once. Waiting for a tick even after a quiet spell added up to a whole
 * interval to every lone cursor move, the common case in a workshop.
 */
export class PresenceBatches {
  private readonly rooms = new Map<Room, RoomBatch>()

  constructor(
    private readonly intervalMs: number,
    private readonly send: SendPresence,
  ) {}

  /** Notes changed states of a room, received at `receivedAt` (`performance.now()`). */
  note(room: Room, changed: readonly number[], receivedAt = performance.now()): void {
    if (changed.length === 0) return
    let batch = this.rooms.get(room)
    if (!batch) {
      batch = { changed: new Map(), sentAt: -Infinity, timer: undefined, immediate: undefined }
      this.rooms.set(room, batch)
    }
    // The newest state replaces an older one still waiting; its receipt is what its delay counts from.
    for (const id of changed) batch.changed.set(id, receivedAt)
    if (batch.timer || batch.immediate) return
    const wait = batch.sentAt + this.intervalMs - performance.now()
    // setImmediate, not at once: every message read in this turn joins the same batch.
    if (wait <= 0) batch.immediate = setImmediate(() => this.flush(room))
    else batch.timer = setTimeout(() => this.flush(room), wait)
  }

  private flush(room: Room): void {
    const batch = this.rooms.get(room)
    if (!batch) return
    batch.timer = undefined
    batch.immediate = undefined
    batch.sentAt = performance.now()
    const changed = batch.changed
    batch.changed = new Map()
    this.send(room, changed)
  }

  /** The room is unloaded: nothing more is sent for it. */
  forget(room: Room): void {
    const batch = this.rooms.get(room)
    if (!batch) return
    clearTimeout(batch.timer)
    clearImmediate(batch.immediate)
    this.rooms.delete(room)
  }

  /** The server closes: every pending batch is dropped. */
  close(): void {
    for (const room of [...this.rooms.keys()]) this.forget(room)
  }
}
