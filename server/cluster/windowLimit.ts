import { RateLimiter } from '../http/rateLimit.ts'

/**
 * A limit of `max` attempts per key (an address, a workshop) in a fixed window. Asynchronous
 * because with several instances the count lives in Redis, where every instance sees it.
 */
export interface WindowLimit {
  /** Counts one attempt; false when the key is over its limit for this window. */
  take(key: string): Promise<boolean>
  /** How long until the key may try again: 0 while under its limit. Counts nothing. */
  blockedFor(key: string): Promise<number>
}

/** Names a limit and its size; `name` keeps different limits' counts apart in Redis. */
export interface WindowLimitSpec {
  name: string
  max: number
  windowMs: number
}

/** The count kept in this process: one instance alone, or the fallback while Redis is away. */
export function localWindowLimit({ max, windowMs }: WindowLimitSpec): WindowLimit {
  const limiter = new RateLimiter(max, windowMs)
  return {
    take: async (key) => limiter.take(key),
    blockedFor: async (key) => limiter.blockedFor(key),
  }
}
