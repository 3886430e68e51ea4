import { localWindowLimit, type WindowLimit, type WindowLimitSpec } from './windowLimit.ts'

/**
 * What several instances share besides the database: a channel per document to pass on what
 * each stored (and its presence), leases so that server-side work runs on one instance, and the
 * counts behind rate limits.
 * One instance alone uses `soloRelay`, which passes nothing on and grants every lease.
 */
export interface Relay {
  /** Starts receiving a channel; resolves once messages published from now on will arrive. */
  subscribe(channel: string): Promise<void>
  unsubscribe(channel: string): void
  /** Best effort: a message lost while Redis is away is made good by `onResync`. */
  publish(channel: string, message: Buffer): void
  onMessage(handler: (channel: string, message: Buffer) => void): void
  /** Called after the link to the other instances came back: messages may have been missed. */
  onResync(handler: () => void): void
  /**
   * Runs `work` if no other instance holds the lease `name`, holding it meanwhile (for at most
   * `ttlMs`, so a killed holder cannot keep it). Resolves to false when another instance holds it.
   * With `keep`, the lease is not given back after the work: it throttles ("once per ttl").
   */
  withLease(name: string, ttlMs: number, work: () => Promise<void>, keep?: boolean): Promise<boolean>
  /** Keeps `value` under `key` for `ttlMs`, best effort (lost while Redis is away). */
  remember(key: string, value: string, ttlMs: number): void
  /** What `remember` last kept under `key`: null when it expired, was never kept, or Redis cannot answer. */
  recall(key: string): Promise<string | null>
  /** A rate limit counted across every instance (in this process alone for `soloRelay`). */
  limiter(spec: WindowLimitSpec): WindowLimit
  /** Whether the link works right now (for /healthz); always true alone. */
  readonly healthy: boolean
  close(): Promise<void>
}

export const soloRelay: Relay = {
  subscribe: async () => {},
  unsubscribe: () => {},
  publish: () => {},
  onMessage: () => {},
  onResync: () => {},
  withLease: async (_name, _ttlMs, work) => {
    await work()
    return true
  },
  remember: () => {},
  recall: async () => null,
  limiter: localWindowLimit,
  healthy: true,
  close: async () => {},
}
