/**
 * Routing without a router library: the app has four kinds of page, all decided by
 * `location.pathname`, so a pure `parseRoute` plus a `useSyncExternalStore` over `popstate`
 * is all we need.
 *
 *   /                              home
 *   /join, /join/<code>, /join#<code>   join by the short code the projector shows
 *   /w/<id>/join#key=…             participant
 *   /w/<id>/facilitate#key=…       facilitator
 *   /w/<id>/screen#key=…           projector
 *
 * `navigate()` pushes a history entry and fires a synthetic `popstate`, so in-app navigation and
 * the browser's back/forward buttons travel the same path. The fragment (`#key=…`) is kept in the
 * address bar on purpose: people copy the link from there.
 */
import { useMemo, useSyncExternalStore } from 'react'
import { ID_PATTERN, type Role } from '../../shared/protocol.ts'

export type Route =
  | { name: 'home' }
  /** The code typed into the address (`/join/K7F-3QX`), else '' (the page reads a `#K7F-3QX` fragment itself). */
  | { name: 'join'; code: string }
  | { name: 'workshop'; workshopId: string; role: Role }
  | { name: 'notFound' }

const ROLE_BY_SEGMENT: Record<string, Role> = {
  join: 'participant',
  facilitate: 'facilitator',
  screen: 'screen',
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { name: 'home' }
  const join = /^\/join(?:\/([^/]*))?$/i.exec(path)
  if (join) return { name: 'join', code: safeDecode(join[1] ?? '') }
  const match = /^\/w\/([^/]+)\/([^/]+)$/.exec(path)
  if (match) {
    const [, workshopId = '', segment = ''] = match
    const role = ROLE_BY_SEGMENT[segment]
    if (role && ID_PATTERN.test(workshopId)) return { name: 'workshop', workshopId, role }
  }
  return { name: 'notFound' }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  return () => window.removeEventListener('popstate', onChange)
}

const getPathname = () => window.location.pathname

/** The current route; re-renders on back/forward and on `navigate()`. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, getPathname, () => '/')
  return useMemo(() => parseRoute(pathname), [pathname])
}

/**
 * Goes to `href`. Same-origin http(s) targets stay inside the SPA (history entry, no reload);
 * other http(s) origins are a normal page load; anything else (javascript:, data:) is refused.
 * Returns false when refused.
 */
export function navigate(href: string): boolean {
  let url: URL
  try {
    url = new URL(href, window.location.href)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href)
    return true
  }
  window.history.pushState(null, '', url.pathname + url.search + url.hash)
  window.dispatchEvent(new PopStateEvent('popstate'))
  window.scrollTo?.(0, 0)
  return true
}
