/**
 * Workshop keys. A key arrives in the link's fragment (`#key=…`), which browsers never send to a
 * server. We read it once per page load and keep it in sessionStorage per workshop and role, so a
 * reload or an in-app navigation without the fragment still works in this tab.
 *
 * The key leaves the browser only as the WebSocket `key` query parameter and as an
 * `Authorization: Bearer` header. Never put it in a fetch URL, a log line or awareness.
 */
import { KEY_PATTERN, type Role } from '../../shared/protocol.ts'

const storageKey = (workshopId: string, role: Role) => `s2s:key:${workshopId}:${role}`

/** The key in a fragment such as `#key=abc…`, or null when absent or malformed. */
export function keyFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const key = params.get('key')
  return key && KEY_PATTERN.test(key) ? key : null
}

export function rememberKey(workshopId: string, role: Role, key: string): void {
  try {
    sessionStorage.setItem(storageKey(workshopId, role), key)
  } catch {
    // storage blocked: the key still works for this page load
  }
}

export function storedKey(workshopId: string, role: Role): string | null {
  try {
    const key = sessionStorage.getItem(storageKey(workshopId, role))
    return key && KEY_PATTERN.test(key) ? key : null
  } catch {
    return null
  }
}

/** Reads the key for this page: the fragment wins (and is remembered), else this tab's memory. */
export function resolveWorkshopKey(workshopId: string, role: Role, hash: string): string | null {
  const fromFragment = keyFromFragment(hash)
  if (fromFragment) {
    rememberKey(workshopId, role, fromFragment)
    return fromFragment
  }
  return storedKey(workshopId, role)
}
