/**
 * Jittered reconnect backoff for y-websocket.
 *
 * y-websocket schedules the next attempt itself, right after emitting `connection-close`:
 *   delay = min(2^attempts × 100 ms, provider.maxBackoffTime)
 * where `attempts` is `wsUnsuccessfulReconnects` after its increment. `maxBackoffTime` is a
 * public, mutable field, so in our `connection-close` listener we set it to a jittered value no
 * larger than that exponential term; the provider's `min()` then picks exactly our value.
 * This is "equal jitter" (half fixed, half random): sixty laptops that lost the server at the same
 * moment do not all come back in the same millisecond.
 *
 * For "server busy / store unavailable" closes we also raise the attempt counter to a floor, so
 * that the first retry is not 200 ms later into a server that just told us it is struggling.
 */
export const MAX_BACKOFF_MS = 10_000
const BASE_MS = 100
/** Attempt floor for 4503/4508 closes: 2^5 × 100 ms ≈ 1.6–3.2 s before the first retry. */
const SLOW_ATTEMPT_FLOOR = 5

export interface BackoffTarget {
  wsUnsuccessfulReconnects: number
  maxBackoffTime: number
}

/** The delay y-websocket will use for attempt number `attempt` (1-based), with jitter. */
export function jitteredDelay(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(2 ** attempt * BASE_MS, MAX_BACKOFF_MS)
  return Math.max(BASE_MS, Math.round(exponential * (0.5 + random() * 0.5)))
}

/** Call from the provider's `connection-close` listener, before it schedules the next attempt. */
export function applyJitter(provider: BackoffTarget, slow: boolean, random: () => number = Math.random): void {
  if (slow && provider.wsUnsuccessfulReconnects + 1 < SLOW_ATTEMPT_FLOOR) {
    provider.wsUnsuccessfulReconnects = SLOW_ATTEMPT_FLOOR - 1
  }
  provider.maxBackoffTime = jitteredDelay(provider.wsUnsuccessfulReconnects + 1, random)
}
