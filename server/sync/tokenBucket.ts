/** `burst` at once, refilled at `perSecond`: a budget that lets honest bursts through and stops floods. */
export class TokenBucket {
  private tokens: number
  private refilledAt = Date.now()

  /** `maxDebt`: how far `spend` may overdraw (default one burst); Infinity owes all of it. */
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxDebt = burst,
  ) {
    this.tokens = burst
  }

  /** Spends `cost` (default one token); false when the budget is exhausted. */
  take(cost = 1, now = Date.now()): boolean {
    this.refill(now)
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }

  /** Spends `cost` of work already done, into debt if need be (at most `maxDebt` deep, repaid by the refill). */
  spend(cost: number, now = Date.now()): void {
    this.refill(now)
    this.tokens = Math.max(-this.maxDebt, this.tokens - cost)
  }

  /**
   * Whether `cost` may be spent: `now` while it leaves at most `overdraft` owed (a small change goes
   * through as soon as a little has refilled); `later` once it has refilled enough; `never` past a
   * full bucket plus `overdraft`.
   */
  fits(cost: number, overdraft: number, now = Date.now()): 'now' | 'later' | 'never' {
    if (cost > this.burst + overdraft) return 'never'
    this.refill(now)
    return cost <= this.tokens + overdraft ? 'now' : 'later'
  }

  /** Whether it has refilled completely: nothing spent lately, nothing owed. */
  isFull(now = Date.now()): boolean {
    this.refill(now)
    return this.tokens >= this.burst
  }

  /** Whether everything is spent (or owed). */
  isEmpty(now = Date.now()): boolean {
    this.refill(now)
    return this.tokens <= 0
  }

  /** What is left now: negative while something is owed. */
  level(now = Date.now()): number {
    this.refill(now)
    return this.tokens
  }

  /** How long until it is full again, in ms. */
  msUntilFull(now = Date.now()): number {
    return ((this.burst - this.level(now)) / this.perSecond) * 1000
  }

  /** Lowers it to `level`, as another copy of it was at `at` and has refilled since; never raises it. */
  lowerTo(level: number, at: number, now = Date.now()): void {
    this.refill(now)
    const refilled = level + (Math.max(0, now - at) / 1000) * this.perSecond
    this.tokens = Math.max(-this.maxDebt, Math.min(this.tokens, refilled))
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond)
    this.refilledAt = now
  }
}
