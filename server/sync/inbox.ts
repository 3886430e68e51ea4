/**
 * How long handling messages may hold the event loop in one turn before the rest wait for the
 * next turn. libuv reads up to 2 MiB from one socket at once and `ws` hands over every message in
 * it before returning: an honest burst (a paragraph pasted, a client catching up after a dropped
 * Wi-Fi) handled in one go held the loop 100–300 ms of CPU, and `/healthz`, the timers and every
 * other workshop waited. Counted is the time spent handling messages (wall clock, so on a loaded
 * machine it only yields sooner), not the turn's other work: measuring from the turn's first
 * message would let an HTTP request or a store write in between starve the messages.
 */
const SLICE_MS = 15

/** Bytes waiting in one inbox at which its socket stops being read (TCP then slows the sender). */
const PAUSE_AT_BYTES = 1024 * 1024
/** Bytes waiting at which a paused socket is read again. */
const RESUME_AT_BYTES = 256 * 1024

/** What an inbox needs of its socket to push back on a sender it cannot keep up with. */
export interface FlowControl {
  pause(): void
  resume(): void
}

/**
 * One connection's messages, handled in the order they arrived, a few at a time: within the
 * turn's slice a message is handled at once, as before; past it, it waits and every waiting inbox
 * is served in turn (one message each, round robin) in the check phase, a slice per turn.
 * A message's own cost is bounded elsewhere (frame size, the update guard); this bounds how many
 * of them one turn runs.
 */
export class Inbox {
  private messages: Uint8Array[] = []
  /** When each waiting message was read from the socket (`performance.now()`), beside `messages`. */
  private arrivals: number[] = []
  private head = 0
  private bytes = 0
  private paused = false
  private drained: (() => void) | undefined

  constructor(
    private readonly handle: (message: Uint8Array) => void,
    private readonly flow: FlowControl,
    /** Held: messages wait until `release` (the document is still loading). */
    private held = true,
    private readonly turn: TurnBudget = sharedTurn,
  ) {}

  /**
   * When the message being handled (or the last one handled) was read from the socket: the start
   * of the server's own share of a delay (s2s_presence_delay_seconds), waiting here included.
   */
  arrivedAt = 0

  get size(): number {
    return this.messages.length - this.head
  }

  push(message: Uint8Array): void {
    const now = performance.now()
    if (!this.held && this.size === 0 && this.turn.hasTime()) {
      this.arrivedAt = now
      return this.turn.timed(this.handle, message)
    }
    this.messages.push(message)
    this.arrivals.push(now)
    this.bytes += message.byteLength
    if (!this.paused && this.bytes >= PAUSE_AT_BYTES) {
      this.paused = true
      this.flow.pause()
    }
    if (!this.held) this.turn.enqueue(this)
  }

  /** Starts handling: what waited is served from the next check phase, in order. */
  release(): void {
    this.held = false
    if (this.size > 0) this.turn.enqueue(this)
  }

  /** Handles the oldest waiting message; whether more wait. */
  step(): boolean {
    const message = this.messages[this.head]
    if (!message) return false
    this.arrivedAt = this.arrivals[this.head]!
    this.messages[this.head++] = EMPTY
    this.bytes -= message.byteLength
    if (this.size === 0) this.reset()
    else if (this.head > 1024) this.compactArray()
    if (this.paused && this.bytes <= RESUME_AT_BYTES) {
      this.paused = false
      this.flow.resume()
    }
    this.handle(message)
    if (this.size > 0) return true
    const drained = this.drained
    this.drained = undefined
    drained?.()
    return false
  }

  /** Handles everything waiting now, in this turn: only when the server itself closes the connection. */
  drainNow(): void {
    while (!this.held && this.step()) {
      // each step handles one message
    }
  }

  /** Calls `callback` once nothing waits (at once if nothing does). */
  whenDrained(callback: () => void): void {
    if (this.held || this.size === 0) return callback()
    this.drained = callback
  }

  /** Drops what waits: the connection was refused, or closed before its document loaded. */
  clear(): void {
    this.reset()
    this.drained = undefined
    this.turn.forget(this)
  }

  private reset(): void {
    this.messages = []
    this.arrivals = []
    this.head = 0
    this.bytes = 0
  }

  private compactArray(): void {
    this.messages = this.messages.slice(this.head)
    this.arrivals = this.arrivals.slice(this.head)
    this.head = 0
  }
}

const EMPTY = new Uint8Array(0)

/**
 * The time messages have used in the current turn of the event loop, shared by every inbox of
 * the process, and the inboxes that wait for the next slice.
 */
export class TurnBudget {
  /** Milliseconds spent handling messages in this turn; undefined before the turn's first. */
  private spentMs: number | undefined
  /** In service order: an inbox served and still waiting moves to the back. */
  private readonly waiting = new Set<Inbox>()
  private scheduled = false
  /** The last turn's slice was spent before anything waiting was served. */
  private starved = false

  constructor(private readonly sliceMs = SLICE_MS) {}

  /** Whether a message may be handled now without taking this turn past its slice. */
  hasTime(): boolean {
    if (this.spentMs === undefined) {
      this.spentMs = 0
      // The turn's slice ends in its check phase (`serve`): the next turn starts a fresh one.
      this.schedule()
    }
    return this.spentMs < this.sliceMs
  }

  /** Handles one message and counts its time against the slice. */
  timed(handle: (message: Uint8Array) => void, message: Uint8Array): void {
    const started = performance.now()
    handle(message)
    this.spentMs = (this.spentMs ?? 0) + performance.now() - started
  }

  enqueue(inbox: Inbox): void {
    this.waiting.add(inbox)
    this.schedule()
  }

  forget(inbox: Inbox): void {
    this.waiting.delete(inbox)
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => this.serve())
  }

  /**
   * Serves waiting inboxes round robin for what is left of this turn's slice (the poll phase may
   * have used it: a second heavy message then waits for the next turn rather than doubling this
   * one). An inbox that got nothing in one turn gets at least one message in the next, so fresh
   * connections handled at once cannot starve those that wait.
   */
  private serve(): void {
    this.scheduled = false
    let spent = this.spentMs ?? 0
    let served = 0
    while (this.waiting.size > 0 && ((this.starved && served === 0) || spent < this.sliceMs)) {
      const [inbox] = this.waiting
      this.waiting.delete(inbox!)
      const started = performance.now()
      if (inbox!.step()) this.waiting.add(inbox!)
      spent += performance.now() - started
      served++
    }
    this.starved = this.waiting.size > 0 && served === 0
    this.spentMs = undefined
    if (this.waiting.size > 0) this.schedule()
  }
}

const sharedTurn = new TurnBudget()
