/**
 * The private draft's id: made once per workshop per browser and kept in localStorage. Knowing a
 * draft's name is what grants access to it (see `DRAFT_DOC_PREFIX`), so the id stays on this
 * device: it never goes into the board, awareness, a URL or a log.
 */
import { ID_PATTERN } from '../../../shared/protocol.ts'
import { randomId } from '../../../shared/util/ids.ts'
import { browserStorage, type KeyValueStore } from '../../sync/browserStorage.ts'

export const draftStorageKey = (workshopId: string) => `s2s:draft:${workshopId}`

/** The remembered draft id, or null when this browser has not written privately here yet. */
export function loadDraftId(workshopId: string, store: KeyValueStore | null = browserStorage()): string | null {
  try {
    const stored = store?.getItem(draftStorageKey(workshopId)) ?? null
    return stored !== null && ID_PATTERN.test(stored) ? stored : null
  } catch {
    return null
  }
}

/** The remembered draft id, made and remembered now when there is none. */
export function ensureDraftId(workshopId: string, store: KeyValueStore | null = browserStorage()): string {
  const existing = loadDraftId(workshopId, store)
  if (existing) return existing
  const created = randomId()
  try {
    store?.setItem(draftStorageKey(workshopId), created)
  } catch {
    // Not remembered: this tab still writes to it; a reload would start a new, empty draft.
  }
  return created
}
