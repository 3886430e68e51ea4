/**
 * The plain, immutable views of the documents that screens, exports and the server read. Records
 * are frozen; after a change only the touched collections and records are new objects, so
 * `snapshot.trends === previous.trends` tells a selector nothing it shows has changed.
 */
import type { DraftOwner, Meta, Session, Signal, Stage } from '../schema/index'
import type { BoardRecords } from './collections'
import type { BoardCollection } from './roots'

export type BoardSnapshot = {
  /** `null` for a document nobody initialised yet. */
  readonly schemaVersion: number | null
} & { readonly [K in BoardCollection]: ReadonlyMap<string, BoardRecords[K]> }

/** Meta, the stages in order, and the session fields at the top level. */
export type ControlSnapshot = {
  readonly schemaVersion: number | null
  readonly meta: Meta
  /** Sorted by `order`, then id. */
  readonly stages: readonly Stage[]
} & Readonly<Session>

export interface DraftSnapshot {
  readonly owner: DraftOwner | null
  readonly signals: ReadonlyMap<string, Signal>
}

/** The shape `useSyncExternalStore` wants: same object until something changes. */
export interface Watcher<S> {
  getSnapshot(): S
  /** Calls `listener` after each transaction that changed the snapshot; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
  /** Stops observing the document; the last snapshot stays readable. */
  destroy(): void
}
