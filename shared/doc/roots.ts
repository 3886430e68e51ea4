/**
 * The names of the Yjs root types, and the only code that asks a Y.Doc for them by name. Renaming
 * one of these strings orphans every stored workshop, so they change only through a migration.
 *
 * Every collection root is a `Y.Map` keyed by record id (or by a composite key such as
 * `trendId|signalId`); each entry is a nested `Y.Map` of fields, so two people editing different
 * fields of one record both keep their edit.
 */
import type * as Y from 'yjs'

export const BOARD_ROOTS = {
  /** Document facts: `schemaVersion`. */
  info: 'info',
  signals: 'signals',
  trends: 'trends',
  memberships: 'memberships',
  assessments: 'assessments',
  votes: 'votes',
  wheelNodes: 'wheelNodes',
  personas: 'personas',
  stories: 'stories',
  /** `Y.Map<storyId, Y.XmlFragment>`: story texts, edited by the client's rich-text binding. */
  storyBodies: 'storyBodies',
  takeaways: 'takeaways',
  plusOnes: 'plusOnes',
  participants: 'participants',
  ready: 'ready',
} as const

export const CONTROL_ROOTS = {
  /** Meta fields, `schemaVersion`, and the nested `themes` map. */
  meta: 'meta',
  stages: 'stages',
  session: 'session',
} as const

export const DRAFT_ROOTS = {
  /** Same name and shape as the board's, so signal commands work on a draft unchanged. */
  signals: BOARD_ROOTS.signals,
  /** `participantId`, `name` and `schemaVersion`. */
  owner: 'owner',
} as const

/** The facilitator's signal bank is board-shaped: held-back signals and the schema version. */
export const BANK_ROOTS = {
  signals: BOARD_ROOTS.signals,
  info: BOARD_ROOTS.info,
} as const

/** Key of the themes map nested in the meta root (`Y.Map<themeId, Y.Map<field>>`). */
export const META_THEMES_KEY = 'themes'
/** Key of the schema version in `info`, `meta` and `owner`. */
export const SCHEMA_VERSION_KEY = 'schemaVersion'

/** The board roots that hold records (everything but `info` and the story texts). */
export type BoardCollection = Exclude<keyof typeof BOARD_ROOTS, 'info' | 'storyBodies'>

/**
 * A root of records. Values are typed `unknown` on purpose: a peer may have written anything, so
 * every read goes through a validator (see `codec.ts`).
 */
export type RecordRoot = Y.Map<unknown>

export function boardCollection(doc: Y.Doc, name: BoardCollection): RecordRoot {
  return doc.getMap(BOARD_ROOTS[name])
}

export function boardInfo(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOTS.info)
}

export function storyBodiesRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(BOARD_ROOTS.storyBodies)
}

export function controlMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_ROOTS.meta)
}

export function controlStages(doc: Y.Doc): RecordRoot {
  return doc.getMap(CONTROL_ROOTS.stages)
}

export function controlSession(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CONTROL_ROOTS.session)
}

export function draftOwnerRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DRAFT_ROOTS.owner)
}

/** Every board root, for the undo manager and the watcher. */
export function boardRootTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return Object.values(BOARD_ROOTS).map((name) => doc.getMap(name))
}
