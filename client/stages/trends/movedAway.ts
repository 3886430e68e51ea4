/**
 * Cards this person moved into a trend that someone else moved elsewhere at the same moment
 * (`useSettleConcurrentMoves`): the later move stands, so the card leaves the trend it was just
 * put in, with no move of theirs. The trend says where it went, where the person is looking,
 * for `SHOWN_MS` or until they dismiss it; the screen reader hears it at once.
 */
import { create } from 'zustand'

/** Long enough to look back at the trend after the drop, short enough not to linger as news. */
export const SHOWN_MS = 15_000

export interface MovedAwayNote {
  /** Unique per note: a later note about the same trend replaces the earlier. */
  id: number
  text: string
}

interface MovedAway {
  /** By the trend the card left. */
  notes: ReadonlyMap<string, MovedAwayNote>
  note(trendId: string, text: string): void
  dismiss(trendId: string, id?: number): void
}

let nextId = 1

export const useMovedAway = create<MovedAway>()((set, get) => ({
  notes: new Map(),
  note(trendId, text) {
    const id = nextId++
    set({ notes: new Map(get().notes).set(trendId, { id, text }) })
    setTimeout(() => get().dismiss(trendId, id), SHOWN_MS)
  },
  /** With `id`, only that note: a timer must not take away a newer one. */
  dismiss(trendId, id) {
    const shown = get().notes.get(trendId)
    if (!shown || (id !== undefined && shown.id !== id)) return
    const notes = new Map(get().notes)
    notes.delete(trendId)
    set({ notes })
  },
}))
