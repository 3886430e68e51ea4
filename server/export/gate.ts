/** The gate is full: `waiting` requests already wait. The API answers 503 with Retry-After. */
export class GateFullError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} requests are already waiting`)
  }
}

/** One owner (a workshop) already has `underWay` pieces of work running or waiting. The API answers 429 with Retry-After. */
export class OwnerBusyError extends Error {
  constructor(readonly underWay: number) {
    super(`${underWay} are already under way`)
  }
}

/**
 * Admission for work that is expensive but may wait its turn (exports): at most `concurrency`
 * pieces of work run at once, at most `maxWaiting` more wait in order, and beyond that a
 * request is refused at once rather than held. Refusing early keeps a burst from one public key
 * from piling up memory and sockets on the server; those who wait are served first come, first
 * served. And one owner may have at most `maxPerOwner` running or waiting: a burst with one
 * workshop's key fills that workshop's share, never the queue every other workshop waits in.
 *
 * @example
 * const gate = new Gate(2, 100, 2)
 * // throws OwnerBusyError when this workshop has 2 under way, GateFullError when 100 wait in all
 * const bytes = await gate.run(() => render(board), workshopId)
 */
export class Gate {
  private active = 0
  private readonly queue: (() => void)[] = []
  /** Pieces of work running or waiting, per owner that has any. */
  private readonly perOwner = new Map<string, number>()

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    readonly maxPerOwner = Number.POSITIVE_INFINITY,
  ) {}

  /** Pieces of work running now. */
  get running(): number {
    return this.active
  }

  /** Pieces of work waiting for a turn. */
  get waiting(): number {
    return this.queue.length
  }

  /**
   * Runs `work` when a turn is free; throws at once `OwnerBusyError` when `owner` has its share
   * under way, `GateFullError` when the queue is full.
   */
  async run<T>(work: () => Promise<T>, owner?: string): Promise<T> {
    const underWay = owner === undefined ? 0 : (this.perOwner.get(owner) ?? 0)
    if (underWay >= this.maxPerOwner) throw new OwnerBusyError(underWay)
    if (owner !== undefined) this.perOwner.set(owner, underWay + 1)
    try {
      await this.enter()
      try {
        return await work()
      } finally {
        this.leave()
      }
    } finally {
      if (owner !== undefined) this.release(owner)
    }
  }

  private release(owner: string): void {
    const left = this.perOwner.get(owner)! - 1
    if (left === 0) this.perOwner.delete(owner)
    else this.perOwner.set(owner, left)
  }

  private enter(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++
      return Promise.resolve()
    }
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new GateFullError(this.queue.length))
    // The turn is handed over in `leave`: `active` stays counted for the one that takes it.
    return new Promise<void>((resolve) => this.queue.push(resolve))
  }

  private leave(): void {
    const next = this.queue.shift()
    if (next) next()
    else this.active--
  }
}
