import type { CreateWorkshopBody } from '../../shared/api.ts'
import { createWorkshopControl, initBoard } from '../../shared/doc/index.ts'
import { getTemplate } from '../../shared/method/templates.ts'
import { BOARD_DOC, CONTROL_DOC } from '../../shared/protocol.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'

/**
 * Writes a new workshop's first content (meta, stages from the template, schema versions) into its
 * documents through the registry, so it is stored like any other change before anyone connects.
 */
export async function initialiseWorkshop(registry: RoomRegistry, id: string, body: CreateWorkshopBody): Promise<void> {
  const { template, ...meta } = body
  await registry.withRooms(id, [CONTROL_DOC, BOARD_DOC], async ([control, board]) => {
    createWorkshopControl(control!.doc, meta, getTemplate(template ?? 'signals-to-stories'))
    initBoard(board!.doc)
    await registry.settle()
  })
}
