/**
 * Starts the service worker (serviceWorker.ts) in the built app, and names the app files this
 * page loaded before the worker could see them, so that a reload while the server is down opens
 * the app. Not in development: Vite's dev server serves modules no worker should keep.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = performance.getEntriesByType('resource').map((entry) => entry.name)
        registration.active?.postMessage({ kind: 'keep', urls })
      })
      // No worker (a private window, storage off): the app works as before, online.
      .catch(() => {})
  })
}
