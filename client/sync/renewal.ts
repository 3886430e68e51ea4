/**
 * The board's history started afresh (the facilitator's "Start the board afresh"): the server
 * closed this copy with `CloseCode.renewed`, and a copy of the old generation must never sync into
 * the new one (it would bring back every record as a second copy). What this device had not sent
 * yet is carried over as ordinary changes instead:
 *
 *   1. `prepareCarryOver`: the old generation's last state (`previous`, from the server) is the
 *      base; this copy's changes beyond it (unsent, or sent and lost with the old socket) are put
 *      onto a copy of it, the edited version.
 *   2. The new generation loads into a new document, kept in memory only: the old copy stays in
 *      IndexedDB, and the generation noted beside it stays the old one.
 *   3. Once it has synced, what changed from base to edited is written into it (shared/doc
 *      `carryOver`) and goes to the server as this person's changes; once the server has stored
 *      them, the old copy is deleted, the new generation noted, and the new document kept in
 *      IndexedDB in its place (client/state/useRenewal.ts). A tab closed before that finds the
 *      old copy next time.
 *
 * The generation this device's copy belongs to is noted beside it (`GenerationStore`) and offered
 * when connecting: a copy with content but nothing noted is taken as generation 0 (made before
 * generations existed); an empty copy offers what is noted, or nothing, and syncs with the current
 * generation when nothing is noted.
 */
import type * as Y from 'yjs'
import { boardGenerationPath } from '../../shared/protocol.ts'
import type { KeyValueStore } from './browserStorage.ts'

/** Where a device notes the generation of its copy of a workshop's board. */
export interface GenerationStore {
  get(): number | null
  set(generation: number): void
  /**
   * While a renewed board's new generation loads beside the old copy (still stored, with what it
   * had unsent): the new copy offers no generation, and the note keeps the old one until
   * `release`, so a tab closed meanwhile finds the old copy, refused again, and carries it over.
   */
  hold(): void
  /** The old copy is gone: notes the generation the server named since `hold`. */
  release(): void
}

export function generationStore(storage: KeyValueStore | null, workshopId: string): GenerationStore {
  const name = `s2s:${workshopId}:board:generation`
  let held = false
  let named: number | null = null
  const write = (generation: number) => storage?.setItem(name, String(generation))
  return {
    get() {
      if (held) return null
      const value = storage?.getItem(name)
      return value && /^\d+$/.test(value) ? Number(value) : null
    },
    set(generation) {
      if (held) named = generation
      else write(generation)
    },
    hold() {
      held = true
      named = null
    },
    release() {
      held = false
      if (named !== null) write(named)
    },
  }
}

/** The generation to offer for this copy: its own, 0 for content from before generations, none when empty. */
export function offeredGeneration(doc: Y.Doc, noted: number | null): number | null {
  if (noted !== null) return noted
  return doc.store.clients.size > 0 ? 0 : null
}

/**
 * The carrying over (client/sync/carryOver.ts, with the story merge) is a chunk of its own: a
 * phone needs it only at a renewal, not to show its first stage. Loaded a little after the board
 * opens (`preloadCarryOver`), so it is there when a renewal comes; one promise per page.
 */
let carrying: Promise<typeof import('./carryOver.ts')> | null = null

export function loadCarryOver(): Promise<typeof import('./carryOver.ts')> {
  carrying ??= import('./carryOver.ts').catch((error: unknown) => {
    carrying = null // a dropped connection must not break the next try
    throw error
  })
  return carrying
}

/** `loadCarryOver`, tried again like `fetchPreviousBoard` (a busy server, a dropped network); throws at the last. */
export async function loadCarryOverPatiently(waits: readonly number[] = PREVIOUS_BOARD_RETRIES_MS): Promise<typeof import('./carryOver.ts')> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadCarryOver()
    } catch (error) {
      if (attempt >= waits.length) throw error
      await new Promise((resolve) => setTimeout(resolve, waits[attempt]))
    }
  }
}

/** Waits between tries of `fetchPreviousBoard` (a server busy or restarting, a network dropping). */
const PREVIOUS_BOARD_RETRIES_MS = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000]

/**
 * The old generation's last state from the server, or null when the server no longer keeps it
 * (404): the caller then carries over what it can without it. Anything else (a busy server, a
 * dropped network) is tried again a few times over a minute, since without it a change to an
 * existing record could not be carried; null after that too.
 */
export async function fetchPreviousBoard(
  workshopId: string,
  key: string,
  generation: number,
  fetchImpl: typeof fetch = fetch,
  waits: readonly number[] = PREVIOUS_BOARD_RETRIES_MS,
): Promise<Uint8Array | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetchImpl(boardGenerationPath(workshopId, generation), { headers: { authorization: `Bearer ${key}` }, cache: 'no-store' })
      if (response.ok) return new Uint8Array(await response.arrayBuffer())
      if (response.status === 404) return null
    } catch {
      // tried again below
    }
    if (attempt >= waits.length) return null
    await new Promise((resolve) => setTimeout(resolve, waits[attempt]))
  }
}
