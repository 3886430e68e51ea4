import type { CreateWorkshopBody } from '../../shared/api.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'

/**
 * Writes a new workshop's first content (meta, stages from the template) into its documents,
 * through the registry, so it is stored like any other change before anyone connects.
 */
export async function initialiseWorkshop(registry: RoomRegistry, id: string, body: CreateWorkshopBody): Promise<void> {
  void registry
  void id
  void body
}
