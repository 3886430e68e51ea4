/**
 * Fixed-window counter per address: enough to stop a script from creating thousands of
 * workshops, without keeping more than one number per address that asked recently.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the address is over its limit for this window. */
  take(address: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) this.forgetOld(now)
    const window = this.windows.get(address)
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(address, { start: now, count: 1 })
      return true
    }
    window.count++
    return window.count <= this.max
  }

  /**
   * How long until the address may try again: 0 while under its limit. Counts nothing, so a
   * limit on failures can refuse even a right answer once the failures ran out (else a guesser
   * would learn from the refusals which answer was right).
   */
  blockedFor(address: string, now = Date.now()): number {
    const window = this.windows.get(address)
    if (!window || now - window.start >= this.windowMs || window.count < this.max) return 0
    return window.start + this.windowMs - now
  }

  private forgetOld(now: number): void {
    for (const [address, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(address)
    }
  }
}
