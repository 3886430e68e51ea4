/**
 * Checks a workshop link before connecting: `GET /api/workshops/<id>/access` with the key as a
 * Bearer token answers 200 `{ role }`, 401 (wrong key), 404 (no such workshop) or 400 (malformed).
 * Anything else (offline, a timeout, a 5xx) is "unknown": the workshop opens from this device's
 * copy and the sync connection has the last word.
 */
import { API_WORKSHOPS, ROLES, type Role } from '../../../../shared/protocol.ts'

export type AccessResult = { kind: 'ok'; role: Role } | { kind: 'wrongKey' } | { kind: 'noWorkshop' } | { kind: 'malformed' } | { kind: 'unknown' }

export type BadLinkReason = 'wrongKey' | 'noWorkshop' | 'malformed'

export async function checkAccess(workshopId: string, key: string, fetchImpl: typeof fetch = fetch, signal?: AbortSignal): Promise<AccessResult> {
  let response: Response
  try {
    response = await fetchImpl(`${API_WORKSHOPS}/${encodeURIComponent(workshopId)}/access`, {
      headers: { authorization: `Bearer ${key}` },
      cache: 'no-store',
      signal,
    })
  } catch {
    return { kind: 'unknown' }
  }
  switch (response.status) {
    case 200: {
      const body: unknown = await response.json().catch(() => null)
      const role = body && typeof body === 'object' ? (body as { role?: unknown }).role : undefined
      return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? { kind: 'ok', role: role as Role } : { kind: 'unknown' }
    }
    case 401:
      return { kind: 'wrongKey' }
    case 404:
      return { kind: 'noWorkshop' }
    case 400:
      return { kind: 'malformed' }
    default:
      return { kind: 'unknown' }
  }
}
