/**
 * What every export reads: the two shared documents as plain snapshots, plus the story bodies
 * as blocks. Reading once and rendering many formats from the same snapshot keeps the formats
 * consistent with each other, and lets the browser and the server produce the same bytes.
 */
import type * as Y from 'yjs'
import { getStoryBody, readBoard, readControl, type BoardSnapshot, type ControlSnapshot } from '../doc/index'
import { readStoryBody, type Block } from './storyBody'

/** The live documents of a workshop. Drafts are private to their authors and never exported. */
export interface ExportInput {
  readonly board: Y.Doc
  readonly control: Y.Doc
}

/** Plain, immutable data read from an `ExportInput`. */
export interface ExportSnapshot {
  readonly board: BoardSnapshot
  readonly control: ControlSnapshot
  /** Story id → its body as blocks; stories without a body are absent. */
  readonly bodies: ReadonlyMap<string, readonly Block[]>
}

export interface ExportOptions {
  /** Whether participants' names appear (the list on the cover, authors in the CSV). */
  readonly includeParticipants: boolean
  /** The date printed in the document and its filename; an input, so exports stay pure. */
  readonly generatedAt: Date
}

/** Either the documents, or a snapshot already read from them. */
export type ExportSource = ExportInput | ExportSnapshot

/**
 * Reads the documents once into a snapshot every format can render.
 *
 * @example
 * const snapshot = readExportSnapshot({ board: boardDoc, control: controlDoc })
 * const md = exportMarkdown(snapshot, { includeParticipants: true, generatedAt: new Date() })
 */
export function readExportSnapshot(input: ExportInput): ExportSnapshot {
  const board = readBoard(input.board)
  const bodies = new Map<string, readonly Block[]>()
  for (const id of board.stories.keys()) {
    const body = getStoryBody(input.board, id)
    if (body) bodies.set(id, readStoryBody(body))
  }
  return { board, control: readControl(input.control), bodies }
}

export function toSnapshot(source: ExportSource): ExportSnapshot {
  return 'bodies' in source ? source : readExportSnapshot(source)
}
