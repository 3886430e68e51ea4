import { useEffect } from 'react'

/**
 * The projector laptop must not dim or sleep while it shows the workshop: nobody is at its
 * keyboard. While shown, the screen asks the system to stay awake (where the browser allows it).
 * Coming back after a sleep anyway is every role's concern: `client/sync/wake.ts`.
 */
export function useStayAwake(): void {
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
