/**
 * The server's clock, as estimated in this browser. Timers store instants in server time
 * (`endsAt`), so a laptop whose clock is minutes off must not count down to its own idea of
 * "now": everything timer-related reads `serverNow()` = `Date.now()` + offset.
 *
 * The offset is estimated like NTP does it, from `GET /api/time`: for a request sent at local
 * `t0` and answered at local `t1`, the server read its clock about half-way, so
 * offset ≈ serverTime − (t0 + t1) / 2, with an error of at most half the round trip. Of several
 * samples the one with the shortest round trip is the most trustworthy (the first often pays for
 * a TCP handshake). Re-sampled every few minutes, on reconnect and when the page wakes up.
 */
import { useEffect } from 'react'
import type { DocConnection } from './docConnection.ts'

export interface TimeSample {
  /** Local `Date.now()` when the request left. */
  sentAt: number
  /** Local `Date.now()` when the answer arrived. */
  receivedAt: number
  /** The server's clock in the answer. */
  serverTime: number
}

export interface OffsetEstimate {
  /** Add to `Date.now()` to get server time. */
  offsetMs: number
  /** The round trip of the sample used: the estimate is good to half of it. */
  roundTripMs: number
}

/**
 * The offset from the sample with the smallest round trip; null when no sample is usable.
 *
 * @example
 * estimateOffset([{ sentAt: 1000, receivedAt: 1040, serverTime: 301_020 }]) // { offsetMs: 300_000, roundTripMs: 40 }
 */
export function estimateOffset(samples: readonly TimeSample[]): OffsetEstimate | null {
  let best: OffsetEstimate | null = null
  for (const { sentAt, receivedAt, serverTime } of samples) {
    const roundTripMs = receivedAt - sentAt
    // A negative round trip means the local clock was set back mid-request: the sample says nothing.
    if (!Number.isFinite(serverTime) || !Number.isFinite(roundTripMs) || roundTripMs < 0) continue
    if (best === null || roundTripMs < best.roundTripMs) best = { offsetMs: Math.round(serverTime - (sentAt + receivedAt) / 2), roundTripMs }
  }
  return best
}

export interface ServerClockOptions {
  /** Asks the server for its clock (ms); throws when it cannot. */
  fetchServerTime?: () => Promise<number>
  localNow?: () => number
  /** Requests per estimate. */
  samples?: number
  resampleEveryMs?: number
}

export interface ServerClock {
  /** The server's time now, by the latest estimate (local time until the first one). */
  now(): number
  offsetMs(): number
  /** Takes a fresh estimate; concurrent calls share one. Keeps the old offset when all samples fail. */
  resample(): Promise<void>
  /** Called when the offset changes. */
  subscribe(listener: () => void): () => void
  /** Keeps the estimate fresh (first sample now, then periodically) until the returned stop is called. */
  start(): () => void
}

export const SAMPLES_PER_ESTIMATE = 5
export const RESAMPLE_EVERY_MS = 5 * 60_000

async function fetchServerTimeOverHttp(): Promise<number> {
  const response = await fetch('/api/time', { cache: 'no-store' })
  if (!response.ok) throw new Error(`GET /api/time answered ${response.status}`)
  const body: unknown = await response.json()
  const now = body && typeof body === 'object' ? (body as { now?: unknown }).now : undefined
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new Error('GET /api/time gave no time')
  return now
}

export function createServerClock(options: ServerClockOptions = {}): ServerClock {
  const fetchServerTime = options.fetchServerTime ?? fetchServerTimeOverHttp
  const localNow = options.localNow ?? (() => Date.now())
  const sampleCount = options.samples ?? SAMPLES_PER_ESTIMATE
  const resampleEveryMs = options.resampleEveryMs ?? RESAMPLE_EVERY_MS
  let offset = 0
  let inFlight: Promise<void> | null = null
  let users = 0
  let stopKeeping: (() => void) | null = null
  const listeners = new Set<() => void>()

  const takeEstimate = async () => {
    const samples: TimeSample[] = []
    // One after another: parallel requests would queue behind each other and inflate round trips.
    for (let i = 0; i < sampleCount; i++) {
      const sentAt = localNow()
      try {
        const serverTime = await fetchServerTime()
        samples.push({ sentAt, receivedAt: localNow(), serverTime })
      } catch {
        // offline or a hiccup: the other samples (or the previous estimate) will do
      }
    }
    const estimate = estimateOffset(samples)
    if (estimate && estimate.offsetMs !== offset) {
      offset = estimate.offsetMs
      listeners.forEach((listener) => listener())
    }
  }

  const clock: ServerClock = {
    now: () => localNow() + offset,
    offsetMs: () => offset,
    resample() {
      inFlight ??= takeEstimate().finally(() => {
        inFlight = null
      })
      return inFlight
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      users++
      if (users === 1) {
        void clock.resample()
        const interval = setInterval(() => void clock.resample(), resampleEveryMs)
        // A laptop that slept may have had its clock corrected meanwhile.
        const onWake = () => {
          if (typeof document === 'undefined' || document.visibilityState === 'visible') void clock.resample()
        }
        const target = typeof window === 'undefined' ? null : window
        target?.addEventListener('online', onWake)
        target?.document.addEventListener('visibilitychange', onWake)
        stopKeeping = () => {
          clearInterval(interval)
          target?.removeEventListener('online', onWake)
          target?.document.removeEventListener('visibilitychange', onWake)
        }
      }
      let stopped = false
      return () => {
        if (stopped) return
        stopped = true
        users--
        if (users === 0) {
          stopKeeping?.()
          stopKeeping = null
        }
      }
    },
  }
  return clock
}

/** The app's one server clock. */
export const serverClock = createServerClock()

/** The server's time now (ms): use this, never `Date.now()`, for anything timer-related. */
export const serverNow = (): number => serverClock.now()

/**
 * Keeps the server clock estimate fresh while a workshop is open, and takes a new one each time
 * the connection comes back (the network path, and with it the round trip, may have changed).
 */
export function useServerClockSync(connection: DocConnection | null, clock: ServerClock = serverClock): void {
  useEffect(() => clock.start(), [clock])
  useEffect(() => {
    if (!connection) return
    let wasConnected = connection.getState().status === 'connected'
    return connection.subscribe(() => {
      const connected = connection.getState().status === 'connected'
      if (connected && !wasConnected) void clock.resample()
      wasConnected = connected
    })
  }, [connection, clock])
}
