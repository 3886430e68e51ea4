/**
 * Reconnect on wake, for every role. Phones sleep between stages, laptop lids close, the
 * projector's Wi-Fi drops: when the page is shown again, the network comes back, the page is
 * restored from the back/forward cache or the window gets focus, every open document connection
 * is nudged (`DocConnection.nudge`): it connects now instead of at the end of its backoff
 * (up to 10 s), replaces a socket that went quiet while asleep, or asks for anything it missed.
 *
 * One set of window listeners serves all connections; it is installed with the first
 * connection and removed with the last, so tests and pages without connections carry none.
 */
import type { DocConnection } from './docConnection.ts'

type Nudgeable = Pick<DocConnection, 'nudge'>

const live = new Set<Nudgeable>()

/** Nudges every open connection of this page. A hidden page is left asleep. */
export function nudge(): void {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return
  for (const connection of live) connection.nudge()
}

const WINDOW_EVENTS = ['online', 'pageshow', 'focus'] as const

function listen(add: boolean): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return
  const method = add ? 'addEventListener' : 'removeEventListener'
  document[method]('visibilitychange', nudge)
  for (const event of WINDOW_EVENTS) window[method](event, nudge)
}

/** Keeps `connection` in the set `nudge()` reaches; returns the function that takes it out. */
export function watchWake(connection: Nudgeable): () => void {
  if (live.size === 0) listen(true)
  live.add(connection)
  return () => {
    if (!live.delete(connection)) return
    if (live.size === 0) listen(false)
  }
}
