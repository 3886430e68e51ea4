/**
 * The whole workshop as one JSON file, to keep or to continue elsewhere (`importWorkshop`).
 *
 * The documents travel as their full Yjs state (base64), not as records: that is lossless
 * (story bodies, set fields, the order keys and every record's id come back exactly) and
 * stays correct when the schema grows, because importing is the same code path as loading a
 * stored document. A readable summary rides along for people and tools that only peek.
 *
 * Private drafts are not exported: a draft belongs to its author until the facilitator reveals
 * it (its id is the secret that grants access), so cards still private are not in the file.
 * Names of participants are part of the board and travel with it whatever the options say.
 */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { SCHEMA_VERSION, readBoard, readControl, sortedByOrder } from '../doc/index'
import type { ExportInput } from './snapshot'

/** What `format` says in every export file. */
export const EXPORT_FORMAT = 'signals-to-stories'
/** Bumped when the file's shape changes; files from newer code are refused with a clear message. */
export const FORMAT_VERSION = 1

export interface WorkshopSummary {
  readonly counts: Readonly<
    Record<
      | 'signals'
      | 'trends'
      | 'memberships'
      | 'assessments'
      | 'votes'
      | 'wheelNodes'
      | 'stories'
      | 'takeaways'
      | 'plusOnes'
      | 'participants'
      | 'themes'
      | 'keyDrivers',
      number
    >
  >
  readonly trends: readonly string[]
  readonly stories: readonly string[]
}

export interface WorkshopExportFile {
  readonly format: typeof EXPORT_FORMAT
  readonly formatVersion: number
  /** The document schema version the states were written with. */
  readonly schemaVersion: number
  readonly exportedAt: string
  readonly workshop: {
    readonly title: string
    readonly focalQuestion: string
    readonly horizonYear: number
    readonly language: string
    readonly templateId: string
  }
  /** Full Yjs states, base64. */
  readonly documents: { readonly board: string; readonly control: string }
  readonly summary: WorkshopSummary
}

/**
 * The workshop export as an object (see `exportWorkshopJson` for the file).
 *
 * @example
 * const file = workshopExport({ board, control }, { generatedAt: new Date() })
 * file.summary.counts.signals // 27
 */
export function workshopExport(input: ExportInput, { generatedAt }: { readonly generatedAt: Date }): WorkshopExportFile {
  const board = readBoard(input.board)
  const control = readControl(input.control)
  const meta = control.meta
  return {
    format: EXPORT_FORMAT,
    formatVersion: FORMAT_VERSION,
    schemaVersion: Math.max(board.schemaVersion ?? SCHEMA_VERSION, control.schemaVersion ?? SCHEMA_VERSION),
    exportedAt: generatedAt.toISOString(),
    workshop: { title: meta.title, focalQuestion: meta.focalQuestion, horizonYear: meta.horizonYear, language: meta.language, templateId: meta.templateId },
    documents: { board: toBase64(Y.encodeStateAsUpdate(input.board)), control: toBase64(Y.encodeStateAsUpdate(input.control)) },
    summary: {
      counts: {
        signals: board.signals.size,
        trends: board.trends.size,
        memberships: board.memberships.size,
        assessments: board.assessments.size,
        votes: board.votes.size,
        wheelNodes: board.wheelNodes.size,
        stories: board.stories.size,
        takeaways: board.takeaways.size,
        plusOnes: board.plusOnes.size,
        participants: board.participants.size,
        themes: meta.themes.length,
        keyDrivers: control.keyDrivers.length,
      },
      trends: sortedByOrder(board.trends).map((trend) => trend.name),
      stories: sortedByOrder(board.stories).map((story) => story.title),
    },
  }
}

/**
 * The workshop export as JSON text (indented: the summary is meant to be read).
 *
 * @example
 * await writeFile('workshop.json', exportWorkshopJson({ board, control }, { generatedAt: new Date() }))
 */
export function exportWorkshopJson(input: ExportInput, options: { readonly generatedAt: Date }): string {
  return JSON.stringify(workshopExport(input, options), null, 2) + '\n'
}
