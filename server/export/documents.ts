import * as Y from 'yjs'
import type { ExportInput } from '../../shared/export/index.ts'
import { BOARD_DOC, CONTROL_DOC, type Role } from '../../shared/protocol.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { WorkshopService } from '../workshops/workshopService.ts'

/** Marks the import's writes; any origin that is not a peer is stored like a server change. */
const IMPORT_ORIGIN = Symbol('import')

/**
 * Runs `read` on a workshop's documents as the registry holds them: a room in use has newer
 * state in memory than the store, so exports read the rooms, never the store. Rooms opened just
 * for this are released again (unloaded after the idle time if nobody joins).
 *
 * `read` is synchronous on purpose: it takes a snapshot while the documents cannot change under
 * it, and slow work (PDF) happens after the rooms are released.
 *
 * @example
 * const markdown = await readWorkshopDocuments(registry, id, (docs) => exportMarkdown(docs, options))
 */
export function readWorkshopDocuments<T>(registry: RoomRegistry, workshopId: string, read: (docs: ExportInput) => T): Promise<T> {
  return registry.withRooms(workshopId, [BOARD_DOC, CONTROL_DOC], ([board, control]) => read({ board: board!.doc, control: control!.doc }))
}

/**
 * Creates a workshop (new id, new keys) holding imported documents (their full states, checked
 * by `importWorkshop`). Each is written into its new room as one update and stored before this
 * resolves, as a change from a client would be. Records keep their ids: they live inside the
 * new workshop only.
 */
export async function createImportedWorkshop(
  registry: RoomRegistry,
  workshops: WorkshopService,
  title: string,
  states: { readonly board: Uint8Array; readonly control: Uint8Array },
): Promise<{ id: string; keys: Record<Role, string> }> {
  const created = await workshops.create(title)
  await registry.withRooms(created.id, [CONTROL_DOC, BOARD_DOC], async ([control, board]) => {
    Y.applyUpdate(control!.doc, states.control, IMPORT_ORIGIN)
    Y.applyUpdate(board!.doc, states.board, IMPORT_ORIGIN)
    await registry.settle()
  })
  return created
}
