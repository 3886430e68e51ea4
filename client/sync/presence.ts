/**
 * Presence in awareness (never in a document): `{ user: { id, name, color, role, stageId } }` on
 * the board document's awareness. The control document carries no presence, and a screen
 * publishes none (the server ignores a screen's presence anyway).
 */
import { useEffect } from 'react'
import type { Role } from '../../shared/protocol.ts'
import type { DocConnection } from './docConnection.ts'

export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
  stageId: string | null
}

/** Clears a connection's local awareness state: nothing is published or renewed for it. */
export function useNoPresence(connection: DocConnection | null): void {
  useEffect(() => {
    connection?.provider.awareness.setLocalState(null)
  }, [connection])
}

/** Publishes `user` on the connection's awareness, and again whenever a field of it changes. */
export function usePresence(connection: DocConnection | null, user: PresenceUser | null): void {
  const { id, name, color, role, stageId } = user ?? {}
  useEffect(() => {
    if (!connection) return
    const awareness = connection.provider.awareness
    if (!id || !color || !role || role === 'screen') {
      awareness.setLocalState(null)
      return
    }
    awareness.setLocalStateField('user', { id, name: name ?? '', color, role, stageId: stageId ?? null })
  }, [connection, id, name, color, role, stageId])
}
