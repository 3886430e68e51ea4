/** The gate is full: `waiting` requests already wait. The API answers 503 with Retry-After. */
export class GateFullError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} requests are already waiting`)
  }
}

interface Waiter {
  turn(): void
  refuse(error: GateFullError): void
}

/**
 * Admission for work that is expensive but may wait its turn (exports): at most `concurrency`
 * pieces of work run at once, at most `maxWaiting` more wait, and beyond that a request is refused
 * at once rather than held. Refusing early keeps a burst from one public key from piling up memory
 * and sockets on the server.
 *
 * Fair between owners (workshops): the waiting take turns owner by owner, each owner's in order,
 * so a newcomer waits for one turn per other owner, not behind everything one owner queued. And
 * when the queue is full, a newcomer takes the place of the newest waiter of the owner holding
 * the most places (that one is refused instead), unless its own owner holds as many: a burst with
 * one workshop's key (public, on the wall) never shuts the others out, while a workshop alone may
 * use the whole queue (sixty phones taking the report home at once all wait their turn).
 *
 * @example
 * const gate = new Gate(2, 100)
 * const bytes = await gate.run(() => render(board), workshopId) // GateFullError when it cannot wait
 */
export class Gate {
  private active = 0
  /** Waiters per owner, oldest first; the map's order is the order owners take their turns. */
  private readonly queues = new Map<string, Waiter[]>()
  private waitingCount = 0

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** Pieces of work running now. */
  get running(): number {
    return this.active
  }

  /** Pieces of work waiting for a turn. */
  get waiting(): number {
    return this.waitingCount
  }

  /** Runs `work` when a turn is free; throws `GateFullError` when it may not wait (at once, or when a newcomer takes its place). */
  async run<T>(work: () => Promise<T>, owner = ''): Promise<T> {
    await this.enter(owner)
    try {
      return await work()
    } finally {
      this.leave()
    }
  }

  private enter(owner: string): Promise<void> {
    if (this.active < this.concurrency && this.waitingCount === 0) {
      this.active++
      return Promise.resolve()
    }
    if (this.waitingCount >= this.maxWaiting && !this.makeRoomFor(owner)) return Promise.reject(new GateFullError(this.waitingCount))
    // The turn is handed over in `leave`: `active` stays counted for the one that takes it.
    return new Promise<void>((turn, refuse) => {
      const queue = this.queues.get(owner)
      if (queue) queue.push({ turn, refuse })
      else this.queues.set(owner, [{ turn, refuse }])
      this.waitingCount++
    })
  }

  /** Refuses the newest waiter of the owner holding the most places, if that owner holds more than `owner` would. */
  private makeRoomFor(owner: string): boolean {
    let largest: [string, Waiter[]] | undefined
    for (const entry of this.queues) if (!largest || entry[1].length > largest[1].length) largest = entry
    const own = this.queues.get(owner)?.length ?? 0
    if (!largest || largest[1].length <= own + 1) return false
    const [loudest, queue] = largest
    queue.pop()!.refuse(new GateFullError(this.waitingCount))
    this.waitingCount--
    if (queue.length === 0) this.queues.delete(loudest)
    return true
  }

  private leave(): void {
    const next = this.queues.entries().next()
    if (next.done) {
      this.active--
      return
    }
    const [owner, queue] = next.value
    const waiter = queue.shift()!
    this.waitingCount--
    // This owner goes to the back of the line of owners; the next turn is another's.
    this.queues.delete(owner)
    if (queue.length > 0) this.queues.set(owner, queue)
    waiter.turn()
  }
}
