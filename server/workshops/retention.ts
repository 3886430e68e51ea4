import { CloseCode } from '../../shared/protocol.ts'
import type { WorkshopEvents } from '../cluster/workshopEvents.ts'
import type { DocStore } from '../store/docStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const SWEEP_EVERY_MS = 60 * 60 * 1000

/**
 * The retention setting (RETENTION_DAYS, off by default): a workshop nobody has changed for that
 * many days is deleted with all its data, once an hour. A workshop someone has open on this
 * instance is kept; other instances are told of a deletion and close what they had open.
 * Returns a stop function.
 */
export function startRetention(
  days: number,
  store: DocStore,
  registry: RoomRegistry,
  log: (line: string) => void,
  events?: Pick<WorkshopEvents, 'deleted'>,
): () => void {
  if (days <= 0) return () => {}
  const sweep = async () => {
    for (const id of await store.listUntouchedSince(Date.now() - days * DAY_MS)) {
      if (registry.hasPeers(id)) continue
      await registry.drop(id, () => true, CloseCode.forbidden, 'this workshop was deleted')
      await store.deleteWorkshop(id)
      events?.deleted(id)
      log(`workshop ${id} deleted: unchanged for ${days} days (RETENTION_DAYS)`)
    }
  }
  const run = () => void sweep().catch((error: unknown) => log(`retention sweep failed: ${String(error)}`))
  const timer = setInterval(run, SWEEP_EVERY_MS)
  timer.unref()
  run()
  return () => clearInterval(timer)
}
