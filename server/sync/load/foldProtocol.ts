import type { DocKind } from '../../../shared/protocol.ts'
import { DEFAULT_GUARD, type GuardLimits } from '../updateGuard.ts'

/** The messages between the load pool and its worker threads. */
export interface FoldJob {
  id: number
  kind: DocKind
  rows: Uint8Array[]
  /** Rows already found to take too long: not tried again. */
  skip: number[]
  /** One cell: the index of the row being applied, -1 when none. */
  progress: Int32Array
}

export interface FoldReply {
  id: number
  /** The document's whole state as one update. */
  state: Uint8Array
  /** Rows refused by the guard or that did not decode. */
  left: LeftOut[]
}

/** A worker's first message says which thread it is (Linux), so that its CPU can be read. */
export type WorkerMessage = { thread: number | undefined } | FoldReply

export interface LeftOut {
  index: number
  reason: string
}

/** Stored rows were accepted once; only what no live update can build is left out at load. */
export const STORED_GUARD: GuardLimits = {
  maxStructs: Number.POSITIVE_INFINITY,
  // A compacted snapshot holds every writer of the room at once; a few hundred at one spot is a
  // busy hall, thousands is a bomb that would freeze the load.
  maxWritersPerPosition: 400,
  maxScan: 2 * DEFAULT_GUARD.maxScan,
  maxCost: Number.POSITIVE_INFINITY,
}
