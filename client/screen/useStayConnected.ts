import { useEffect } from 'react'
import type { DocConnection } from '../sync/docConnection.ts'
import { serverClock } from '../sync/clock.ts'
import { useWorkshopDocs } from '../sync/workshopDocs.ts'

/**
 * y-websocket notices a dead socket only after 30 s of silence; our resync answers every 12 s,
 * so a connection quiet for longer than this after a wake-up is a leftover from before the sleep.
 */
const STALE_AFTER_MS = 20_000

/**
 * Retries now instead of at the end of the backoff, and replaces a socket that went quiet while
 * the machine slept. A connection closed for good (a bad link) is left alone.
 */
export function nudgeConnection(connection: DocConnection, now: number = Date.now()): void {
  const { provider } = connection
  if (connection.getState().status === 'closed' || !provider.shouldConnect) return
  if (provider.wsconnected) {
    if (now - provider.wsLastMessageReceived > STALE_AFTER_MS) provider.ws?.close()
  } else if (provider.ws === null) {
    provider.connect()
  }
}

/**
 * The projector laptop sleeps, its Wi-Fi drops, the lid closes and opens: the screen must come
 * back by itself, since nobody is at its keyboard. On waking (page visible again, network back,
 * window shown) both documents reconnect at once and the server clock is measured again. While
 * shown, the screen also asks the system not to dim or sleep (where the browser allows it).
 */
export function useStayConnected(): void {
  const { boardConnection, controlConnection } = useWorkshopDocs()

  useEffect(() => {
    const wake = () => {
      if (document.visibilityState !== 'visible') return
      for (const connection of [boardConnection, controlConnection]) if (connection) nudgeConnection(connection)
      void serverClock.resample()
    }
    document.addEventListener('visibilitychange', wake)
    window.addEventListener('online', wake)
    window.addEventListener('pageshow', wake)
    window.addEventListener('focus', wake)
    return () => {
      document.removeEventListener('visibilitychange', wake)
      window.removeEventListener('online', wake)
      window.removeEventListener('pageshow', wake)
      window.removeEventListener('focus', wake)
    }
  }, [boardConnection, controlConnection])

  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } }).wakeLock
    if (!wakeLock) return
    let sentinel: { release(): Promise<void> } | null = null
    let active = true
    // The lock is dropped whenever the page is hidden; ask again each time it is shown.
    const acquire = () => {
      if (document.visibilityState !== 'visible') return
      wakeLock
        .request('screen')
        .then((lock) => {
          if (active) sentinel = lock
          else void lock.release()
        })
        .catch(() => {}) // refused (battery saver, policy): the reconnect above still covers a sleep
    }
    acquire()
    document.addEventListener('visibilitychange', acquire)
    return () => {
      active = false
      document.removeEventListener('visibilitychange', acquire)
      void sentinel?.release().catch(() => {})
    }
  }, [])
}
