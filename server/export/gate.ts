/** The gate is full: `waiting` requests already wait. The API answers 503 with Retry-After. */
export class GateFullError extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} requests are already waiting`)
  }
}

/**
 * Admission for work that is expensive but may wait its turn (exports): at most `concurrency`
 * pieces of work run at once, at most `maxWaiting` more wait in order, and beyond that a
 * request is refused at once rather than held. Refusing early keeps a burst from one public key
 * from piling up memory and sockets on the server; those who wait are served first come, first
 * served.
 *
 * @example
 * const gate = new Gate(2, 100)
 * const bytes = await gate.run(() => render(board)) // throws GateFullError when 100 already wait
 */
export class Gate {
  private active = 0
  private readonly queue: (() => void)[] = []

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
    return this.queue.length
  }

  /** Runs `work` when a turn is free; throws `GateFullError` at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter()
    try {
      return await work()
    } finally {
      this.leave()
    }
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
