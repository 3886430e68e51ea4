import { BOARD_DOC } from '../../shared/protocol.ts'
import type { DocStore } from './docStore.ts'

/** How long a board's previous generation stays in memory after it was last read. */
const KEEP_MS = 10 * 60 * 1000
/** Bytes of previous generations held in memory at most (the largest board is `MAX_DOC_BYTES`). */
const MAX_BYTES = 64 * 1024 * 1024

/**
 * The old boards a renewal leaves (`DocStore.previousGeneration`), read once for everyone.
 *
 * Right after a renewal every app with the board open asks for the same old state at once: sixty
 * of them read an 8 MB row sixty times, each a copy on this thread (and for PostgreSQL a 17 MB
 * hex string to parse), a few hundred MB at the peak. A generation's old state never changes once
 * stored, so one read, shared by the requests waiting for it, serves them all. Kept for
 * `KEEP_MS` after the last read (looked at again every `KEEP_MS`), within `MAX_BYTES` (the least
 * recently read goes first; one still being read is never let go for the budget). A
 * workshop deleted meanwhile is refused before this is asked (its keys are gone), and its entries
 * leave by age.
 */
export class PreviousGenerations {
  private readonly entries = new Map<string, { state: Promise<Uint8Array | undefined>; bytes: number; readAt: number }>()
  private bytes = 0
  private sweep: NodeJS.Timeout | undefined

  constructor(
    private readonly store: Pick<DocStore, 'previousGeneration'>,
    private readonly now: () => number = () => performance.now(),
    private readonly limits = { keepMs: KEEP_MS, maxBytes: MAX_BYTES },
  ) {}

  read(workshopId: string, generation: number): Promise<Uint8Array | undefined> {
    this.dropExpired()
    const key = `${workshopId}@${generation}`
    const cached = this.entries.get(key)
    if (cached) {
      // Most recently read last: the Map's order is the eviction order.
      this.entries.delete(key)
      this.entries.set(key, { ...cached, readAt: this.now() })
      return cached.state
    }
    const state = this.store.previousGeneration(workshopId, BOARD_DOC, generation)
    const entry = { state, bytes: 0, readAt: this.now() }
    this.entries.set(key, entry)
    state.then(
      (bytes) => {
        if (this.entries.get(key)?.state !== state) return
        // Only what the store holds is kept: a generation no longer kept (or not yet) is asked again.
        if (!bytes) return void this.entries.delete(key)
        this.entries.set(key, { ...this.entries.get(key)!, bytes: bytes.byteLength })
        this.bytes += bytes.byteLength
        this.dropOverBudget()
        this.scheduleSweep()
      },
      () => {
        if (this.entries.get(key)?.state === state) this.entries.delete(key)
      },
    )
    return state
  }

  /** Bytes held now. */
  get heldBytes(): number {
    return this.bytes
  }

  /** Lets entries go by age even if no one reads again: one unreferenced timer at a time. */
  private scheduleSweep(): void {
    this.sweep ??= setTimeout(() => {
      this.sweep = undefined
      this.dropExpired()
      if (this.entries.size > 0) this.scheduleSweep()
    }, this.limits.keepMs).unref()
  }

  private dropExpired(): void {
    const oldest = this.now() - this.limits.keepMs
    for (const [key, entry] of this.entries) if (entry.readAt < oldest) this.drop(key)
  }

  private dropOverBudget(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes) return
      // One still being read holds nothing yet, and the readers waiting on it share it.
      if (entry.bytes > 0) this.drop(key)
    }
  }

  private drop(key: string): void {
    this.bytes -= this.entries.get(key)?.bytes ?? 0
    this.entries.delete(key)
  }
}
