/** `burst` at once, refilled at `perSecond`: a budget that lets honest bursts through and stops floods. */
export class TokenBucket {
  private tokens: number
  private refilledAt = Date.now()

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst
  }

  /** Spends `cost` (default one token); false when the budget is exhausted. */
  take(cost = 1, now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond)
    this.refilledAt = now
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
