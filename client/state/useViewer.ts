/**
 * The person looking, as the shared permission rules (`shared/permissions.ts`) take them: one
 * object that keeps its identity until the role, the identity or the lock changes.
 */
import { useMemo } from 'react'
import type { Role } from '../../shared/protocol.ts'
import type { Viewer } from '../../shared/permissions.ts'
import { useContextStore } from './storeContext.ts'

export function useViewer(role: Role): Viewer {
  const participantId = useContextStore((s) => s.participant?.id ?? null)
  const locked = useContextStore((s) => s.control?.locked === true)
  return useMemo(() => ({ role, participantId, locked }), [role, participantId, locked])
}
