/**
 * The service worker: the app opens while the server cannot be reached. Wi-Fi in a workshop room
 * drops, and a server restarts; the board's changes already wait in IndexedDB, but a reload in
 * that moment showed the browser's "This site can't be reached" instead of the app saying
 * "Offline — changes stay on this device".
 *
 * What it keeps, and how:
 * - **The page** (index.html, the same for every route): from the network whenever it answers,
 *   so a new version is never held back; the last one served is kept and answers when not.
 * - **The app's files** (`/assets/`, named by their content, so never changed): kept as they
 *   are fetched, from this worker's start on; the files the page loaded before it started are
 *   named by the page (`keep` message, see registerServiceWorker.ts). Stage code not opened yet on this
 *   device is not fetched ahead: sixty phones fetching every stage at once would slow the room's
 *   Wi-Fi for what one outage may need; a stage that cannot load says so and retries.
 * - Nothing else: the API, the sync socket and the health check always go to the network.
 *
 * A new page (a new version) starts the files afresh, so old versions' files do not pile up.
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

const isAppFile = (url: URL) => url.origin === scope.location.origin && url.pathname.startsWith('/assets/')

// The page that started the worker came before it: the worker fetches it once more to keep it.
scope.addEventListener('install', (event) => event.waitUntil(Promise.all([scope.skipWaiting(), fetchPage()])))
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()))

scope.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== scope.location.origin) return
  if (request.mode === 'navigate') event.respondWith(page(request))
  else if (isAppFile(url)) event.respondWith(appFile(request))
})

scope.addEventListener('message', (event) => {
  const data = event.data as { kind?: unknown; urls?: unknown } | null
  if (data?.kind !== 'keep' || !Array.isArray(data.urls)) return
  const urls = data.urls.slice(0, MAX_KEPT).flatMap((href) => {
    try {
      const url = new URL(String(href), scope.location.origin)
      return isAppFile(url) ? [url.href] : []
    } catch {
      return []
    }
  })
  event.waitUntil(keepFiles(urls))
})

async function page(request: Request): Promise<Response> {
  try {
    const response = await fetch(request)
    if (response.ok && response.headers.get('content-type')?.startsWith('text/html')) await keepPage(response.clone())
    return response
  } catch {
    const kept = await (await caches.open(PAGE_CACHE)).match(PAGE_KEY)
    return kept ?? Response.error()
  }
}

async function fetchPage(): Promise<void> {
  const response = await fetch(PAGE_KEY, { cache: 'no-cache' }).catch(() => null)
  if (response?.ok) await keepPage(response)
}

/** Keeps the page; a different page is a new version, whose files are kept afresh. */
async function keepPage(response: Response): Promise<void> {
  const pages = await caches.open(PAGE_CACHE)
  const body = await response.clone().text()
  const kept = await pages.match(PAGE_KEY)
  if (kept && (await kept.text()) !== body) await caches.delete(FILES_CACHE)
  await pages.put(PAGE_KEY, response)
}

async function appFile(request: Request): Promise<Response> {
  const files = await caches.open(FILES_CACHE)
  const kept = await files.match(request)
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok) await files.put(request, response.clone())
  return response
}

async function keepFiles(urls: readonly string[]): Promise<void> {
  const files = await caches.open(FILES_CACHE)
  for (const url of urls) {
    if (await files.match(url)) continue
    // From the browser's own cache, mostly: the page has just loaded it.
    const response = await fetch(url).catch(() => null)
    if (response?.ok) await files.put(url, response)
  }
}
