import type { ImportErrorCode } from '../../../shared/export/importWorkshop.ts'
import type { DocKind } from '../../../shared/protocol.ts'
import { DEFAULT_GUARD, type GuardLimits } from '../updateGuard.ts'
import type { Rendered, RenderRequest } from '../../export/render.ts'

/** The messages between the load pool and its worker threads. */
export interface FoldJob {
  id: number
  /** Rows are checked with the stored-log guard, for this kind's roots too when given. */
  kind?: DocKind
  rows: Uint8Array[]
  /** Rows already found to take too long: not tried again. */
  skip: number[]
  /** One cell: the index of the row being applied, -1 when none. */
  progress: Int32Array
  /** A state vector: the reply then holds only what it lacks (catching a loaded room up). */
  since?: Uint8Array
}

export interface FoldReply {
  id: number
  /**
   * The document's whole state as one update (an empty one with `since`: see `slices`). A room's
   * load (a kind, no `since`) gets it at offset `ANSWER_HEADROOM` of its buffer, so that the first
   * client's sync step 2 is framed in place (messages.ts, `syncStep2InHeadroom`), without copying 5 MB.
   */
  state: Uint8Array
  /** A room's load: the state vector of `state`, so the room can send step 1 before applying it. */
  stateVector?: Uint8Array
  /** With `since`: what it lacks, as updates of a few clients each (server/cluster/catchUp.ts). */
  slices?: Uint8Array[]
  /** Rows refused by the guard or that did not decode. */
  left: LeftOut[]
  /** The stored document's contention, the guard's count (updateGuard.ts, `maxContention`). */
  contention?: number
}

/** An import file's bytes, read and checked in a worker (see server/export/importFile.ts). */
export interface ImportJob {
  id: number
  importFile: Uint8Array
  /** As in FoldJob: 0 while the file is being read, -1 when done. */
  progress: Int32Array
}

/**
 * What an import file holds, ready to store as the new workshop's documents: their whole states
 * (each its document's snapshot row) and the first history snapshot, packed (gzip and summary);
 * or why the file is refused.
 */
export type ImportedFile =
  | { ok: true; title: string; board: Uint8Array; control: Uint8Array; history: { docs: Map<string, Uint8Array>; summary: string } }
  | { ok: false; code: ImportErrorCode; message: string }

export interface ImportReply {
  id: number
  imported: ImportedFile
}

/**
 * Bytes left free before a loaded state: room for a sync message's header (message type, sync
 * step, the update's length as a varuint: at most 1 + 1 + 5).
 */
export const ANSWER_HEADROOM = 8

/** An export rendered from the documents' bytes (see server/export/render.ts). */
export interface RenderJob {
  id: number
  render: RenderRequest
  /** As in FoldJob: 0 while rendering, -1 when done. */
  progress: Int32Array
}

export interface RenderReply {
  id: number
  rendered: Rendered
}

/**
 * A board's stored rows, folded and written afresh into a new document without the traces of
 * what was deleted (RoomRegistry.renew): a whole board's worth of Yjs work, off the main thread.
 */
export interface RenewJob {
  id: number
  renewRows: Uint8Array[]
  /** As in FoldJob: 0 while working, -1 when done. */
  progress: Int32Array
}

/** The board's state as stored (`previous`) and written afresh (`fresh`), or why a row did not fold. */
export type RenewedBoard = { ok: true; previous: Uint8Array; fresh: Uint8Array } | { ok: false; reason: string }

export interface RenewReply {
  id: number
  renewed: RenewedBoard
}

export type PoolJob = FoldJob | ImportJob | RenderJob | RenewJob

/** A worker's first message says which thread it is (Linux), so that its CPU can be read. */
export type WorkerMessage = { thread: number | undefined } | FoldReply | ImportReply | RenderReply | RenewReply

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
  // As the live guard counts them: a log that grew one position past it row by row loses only
  // the rows that did so, not the snapshot that would hold them all later.
  maxWritersInAll: DEFAULT_GUARD.maxWritersInAll,
  maxLookup: Number.POSITIVE_INFINITY,
  maxScan: 2 * DEFAULT_GUARD.maxScan,
  maxCost: Number.POSITIVE_INFINITY,
  // Counted, not refused: a board stored before the count existed loads whole, and only its
  // further contested writes are refused (the room starts from the count the fold reports).
  maxContention: Number.POSITIVE_INFINITY,
  maxSplitMoves: Number.POSITIVE_INFINITY,
}

/**
 * An imported document becomes a stored one, but it comes from anyone with a file, not from
 * updates the live guard admitted one by one: it is held to what a board built live can hold,
 * its contested positions counted in all included, so that its first load is as cheap as any.
 */
export const IMPORTED_GUARD: GuardLimits = { ...STORED_GUARD, maxContention: DEFAULT_GUARD.maxContention, maxSplitMoves: DEFAULT_GUARD.maxSplitMoves }
