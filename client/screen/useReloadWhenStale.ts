import { useEffect } from 'react'
import { CloseCode } from '../../shared/protocol.ts'
import { useStore } from '../state/store.ts'
import { browserStorage } from '../sync/browserStorage.ts'

/** Long enough for the room to read the banner, short enough that the projector is soon back. */
const RELOAD_AFTER_MS = 10_000
/** A server that keeps serving the old app (a botched deploy) gets at most one reload a minute. */
const AT_MOST_EVERY_MS = 60_000
const LAST_RELOAD_KEY = 's2s:screen-reloaded-at'

/**
 * The projector reloads itself when the server says a new version is available: nobody is at its
 * keyboard, and it writes nothing that a reload could lose. People's pages wait for their Reload
 * (a half-typed word would be lost), the projector does not.
 */
export function useReloadWhenStale(): void {
  const stale = useStore((s) => s.connection.board.closeCode === CloseCode.staleClient || s.connection.control.closeCode === CloseCode.staleClient)
  useEffect(() => {
    if (!stale) return
    const storage = browserStorage()
    const last = Number(storage?.getItem(LAST_RELOAD_KEY) ?? 0) || 0
    const wait = Math.max(RELOAD_AFTER_MS, last + AT_MOST_EVERY_MS - Date.now())
    const timer = setTimeout(() => {
      storage?.setItem(LAST_RELOAD_KEY, String(Date.now()))
      window.location.reload()
    }, wait)
    return () => clearTimeout(timer)
  }, [stale])
}
