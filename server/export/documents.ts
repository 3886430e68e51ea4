import type { ExportInput } from '../../shared/export/index.ts'
import { BOARD_DOC, CONTROL_DOC, type Role } from '../../shared/protocol.ts'
import type { DocStore } from '../store/docStore.ts'
import type { ImportedFile } from '../sync/load/foldProtocol.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import type { WorkshopHistory } from '../workshops/history.ts'
import type { WorkshopService } from '../workshops/workshopService.ts'

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
 * Creates a workshop (new id, new keys) holding imported documents, as the load pool's worker read
 * and checked them (`loadPool.readImport`): each state is written as its document's snapshot row
 * and the packed first history snapshot beside it. No room is opened: the rooms load them through
 * the pool when someone first opens the workshop, so an import of any size costs this thread only
 * the store's writes. Records keep their ids: they live inside the new workshop only. If a write
 * fails, the workshop is deleted again (nothing is left of a failed import) and the error thrown.
 */
export async function createImportedWorkshop(
  store: DocStore,
  workshops: WorkshopService,
  history: WorkshopHistory,
  imported: Extract<ImportedFile, { ok: true }>,
): Promise<{ id: string; keys: Record<Role, string> }> {
  const created = await workshops.create(imported.title)
  try {
    await store.compact(created.id, CONTROL_DOC, imported.control, 0)
    await store.compact(created.id, BOARD_DOC, imported.board, 0)
    await history.saveImported(created.id, imported.history)
  } catch (error) {
    await store.deleteWorkshop(created.id).catch(() => {})
    throw error
  }
  return created
}
