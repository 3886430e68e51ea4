import { useEffect, useState } from 'react'
import type { Role } from '../../../../shared/protocol.ts'
import { checkAccess, type BadLinkReason } from './checkAccess.ts'

/** How long a slow network may hold the page before the workshop opens from this device's copy. */
export const ACCESS_WAIT_MS = 2500

export type AccessState =
  /** Still asking (shown as a quiet "Opening…"). */
  | { kind: 'checking' }
  /** Open the workshop with this role (the server's when it answered, else the link's). */
  | { kind: 'open'; role: Role }
  | { kind: 'bad'; reason: BadLinkReason }

/**
 * The link check, without ever blocking an offline start: offline, or after `ACCESS_WAIT_MS`,
 * the workshop opens with the link's role. An answer that arrives later still counts: a bad link
 * replaces the page, and the server's role replaces the link's.
 */
export function useAccessCheck(workshopId: string, key: string | null, linkRole: Role, fetchImpl?: typeof fetch): AccessState {
  const [state, setState] = useState<AccessState>(() => (key && isOffline() ? { kind: 'open', role: linkRole } : { kind: 'checking' }))
  useEffect(() => {
    if (!key) return
    const controller = new AbortController()
    const fallback = setTimeout(() => setState((s) => (s.kind === 'checking' ? { kind: 'open', role: linkRole } : s)), isOffline() ? 0 : ACCESS_WAIT_MS)
    void checkAccess(workshopId, key, fetchImpl, controller.signal).then((result) => {
      if (controller.signal.aborted) return
      clearTimeout(fallback)
      if (result.kind === 'ok') setState({ kind: 'open', role: result.role })
      else if (result.kind === 'unknown') setState((s) => (s.kind === 'checking' ? { kind: 'open', role: linkRole } : s))
      else setState({ kind: 'bad', reason: result.kind })
    })
    return () => {
      controller.abort()
      clearTimeout(fallback)
    }
  }, [workshopId, key, linkRole, fetchImpl])
  return state
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}
