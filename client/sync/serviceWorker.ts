/**
 * The service worker: the app opens while the server cannot be reached. Wi-Fi in a workshop room
 * drops, and a server restarts; the board's changes already wait in IndexedDB, but a reload in
 * that moment showed the browser's "This site can't be reached" instead of the app saying
 * "Offline — changes stay on this device".
 *
 * What it keeps, and how:
 * - **The page** (index.html, the same for every route): from the network whenever it answers,
 *   so a new version is never held back; the last one served is kept and answers when the
 *   network does not, or a proxy answers for a server that is down (5xx). Only the app's page is
 *   kept: not an HTML export opened from `/api/`, nor a captive portal's page.
 * - **The app's files** (`/assets/`, named by their content, so never changed): kept as they
 *   are fetched, from this worker's start on; the files the page loaded before it started are
 *   named by the page (`keep` message, see registerServiceWorker.ts). Stage code not opened yet on this
 *   device is not fetched ahead: sixty phones fetching every stage at once would slow the room's
 *   Wi-Fi for what one outage may need; a stage that cannot load says so and retries.
 * - Nothing else: the API, the sync socket and the health check always go to the network.
 *
 * Files are kept across versions (a new page may come just before the network goes, its own files
 * not fetched yet: the old ones must still be there), the oldest going past `MAX_FILES`.
 * Built as its own entry at `/sw.js` (vite.config.ts); it imports nothing, so it is one file.
 */

/** The parts of the worker's global scope used here (the DOM library types the rest). */
interface WorkerScope {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  respondWith(response: Response | Promise<Response>): void
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown
}

const scope = self as unknown as WorkerScope

const PAGE_CACHE = 's2s-page'
const FILES_CACHE = 's2s-files'
const PAGE_KEY = '/index.html'
/** At most this many files named by one `keep` message (the page loads a few dozen). */
const MAX_KEPT = 200
/** Files kept in all: every stage of two or three versions of the app (one is about 40). */
const MAX_FILES = 150
/** What only the app's own page holds (index.html): an export or a portal's page is not kept. */
const APP_MARK = '<div id="root"></div>'

const isAppFile = (url: URL) => url.origin === scope.location.origin && url.pathname.startsWith('/assets/')

// The page that started the worker came before it: the worker fetches it once more to keep it.
scope.addEventListener('install', (event) => event.waitUntil(Promise.all([scope.skipWaiting(), fetchPage()])))
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()))

scope.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== scope.location.origin) return
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) event.respondWith(page(request, event))
  else if (isAppFile(url)) event.respondWith(appFile(request, event))
})

scope.addEventListener('message', (event) => {
  const data = event.data as { kind?: unknown; urls?: unknown } | null
  if (data?.kind !== 'keep' || !Array.isArray(data.urls)) return
  const urls = data.urls
    .flatMap((href) => {
      try {
        const url = new URL(String(href), scope.location.origin)
        return isAppFile(url) ? [url.href] : []
      } catch {
        return []
      }
    })
    .slice(0, MAX_KEPT)
  event.waitUntil(keepFiles(urls))
})

async function page(request: Request, event: ExtendableEvent): Promise<Response> {
  const response = await fetch(request).catch(() => null)
  if (response && response.status < 500) {
    if (response.ok) event.waitUntil(keepPage(response.clone()))
    return response
  }
  const kept = await (await caches.open(PAGE_CACHE)).match(PAGE_KEY)
  return kept ?? response ?? Response.error()
}

async function fetchPage(): Promise<void> {
  const response = await fetch(PAGE_KEY, { cache: 'no-cache' }).catch(() => null)
  if (response?.ok) await keepPage(response)
}

async function keepPage(response: Response): Promise<void> {
  if (!response.headers.get('content-type')?.startsWith('text/html')) return
  const body = await response.text()
  if (!body.includes(APP_MARK)) return
  await (await caches.open(PAGE_CACHE)).put(PAGE_KEY, new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } }))
}

async function appFile(request: Request, event: ExtendableEvent): Promise<Response> {
  const files = await caches.open(FILES_CACHE)
  const kept = await files.match(request)
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok) event.waitUntil(keepFile(files, request.url, response.clone()))
  return response
}

async function keepFile(files: Cache, url: string, response: Response): Promise<void> {
  await files.put(url, response)
  const keys = await files.keys()
  // The Cache API lists in the order entries were put: the first are the oldest.
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_FILES))) await files.delete(old)
}

async function keepFiles(urls: readonly string[]): Promise<void> {
  const files = await caches.open(FILES_CACHE)
  for (const url of urls) {
    if (await files.match(url)) continue
    // From the browser's own cache, mostly: the page has just loaded it.
    const response = await fetch(url).catch(() => null)
    if (response?.ok) await keepFile(files, url, response)
  }
}
