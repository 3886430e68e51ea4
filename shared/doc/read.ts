/**
 * One-off full reads of the documents (exports, the server, tests), and the per-part readers
 * the watchers reuse. Invalid entries are skipped and reported through `onInvalid`.
 */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import {
  DraftOwnerSchema,
  META_DEFAULTS,
  SESSION_DEFAULTS,
  StageSchema,
  ThemeSchema,
  metaFields,
  sessionFields,
  type DraftOwner,
  type Meta,
  type Session,
  type Stage,
  type Theme,
} from '../schema/index'
import { byOrderThenId } from '../util/order'
import { ignoreInvalid, parseEntry, parseFields, type OnInvalid } from './codec'
import { BOARD_COLLECTIONS, BOARD_SPECS, parseRecord, type RecordSpec } from './collections'
import {
  CONTROL_ROOTS,
  DRAFT_ROOTS,
  META_THEMES_KEY,
  SCHEMA_VERSION_KEY,
  boardCollection,
  boardInfo,
  controlMeta,
  controlSession,
  controlStages,
  draftOwnerRoot,
  type BoardCollection,
} from './roots'
import type { BoardSnapshot, ControlSnapshot, DraftSnapshot } from './snapshot'

export interface ReadOptions {
  /** Told about every stored entry that fails validation and is skipped. Default: ignore. */
  readonly onInvalid?: OnInvalid
}

export const STAGE_SPEC: RecordSpec<Stage> = {
  root: CONTROL_ROOTS.stages,
  schema: StageSchema,
  keyOf: (stage) => stage.id,
  setFields: new Set(),
}
const THEME_SPEC: RecordSpec<Theme> = { root: `${CONTROL_ROOTS.meta}.${META_THEMES_KEY}`, schema: ThemeSchema, keyOf: (t) => t.id, setFields: new Set() }
/** Session fields stored as sets (`Y.Map<id, true>`), so two facilitators' toggles merge. */
export const SESSION_SET_FIELDS: ReadonlySet<string> = new Set(['keyDrivers'])

/** Every valid record of a root, by key. */
export function readCollection<T>(root: Y.Map<unknown>, spec: RecordSpec<T>, onInvalid: OnInvalid = ignoreInvalid): Map<string, T> {
  const records = new Map<string, T>()
  for (const key of root.keys()) {
    const record = parseRecord(root, spec, key, onInvalid)
    if (record !== null) records.set(key, record)
  }
  return records
}

/**
 * The whole board as a plain snapshot.
 *
 * @example
 * const board = readBoard(doc)
 * for (const signal of board.signals.values()) console.log(signal.title)
 */
export function readBoard(doc: Y.Doc, { onInvalid = ignoreInvalid }: ReadOptions = {}): BoardSnapshot {
  const collections = Object.fromEntries(
    BOARD_COLLECTIONS.map((name) => [name, readCollection(boardCollection(doc, name), BOARD_SPECS[name] as RecordSpec<unknown>, onInvalid)]),
  ) as { [K in BoardCollection]: Map<string, never> }
  return Object.freeze({ schemaVersion: readVersion(boardInfo(doc)), ...collections })
}

export function readControl(doc: Y.Doc, { onInvalid = ignoreInvalid }: ReadOptions = {}): ControlSnapshot {
  return Object.freeze({
    schemaVersion: readVersion(controlMeta(doc)),
    meta: readMeta(doc, onInvalid),
    stages: readStages(doc, onInvalid),
    ...readSession(doc, onInvalid),
  })
}

export function readDraft(doc: Y.Doc, { onInvalid = ignoreInvalid }: ReadOptions = {}): DraftSnapshot {
  return Object.freeze({
    owner: readDraftOwner(doc, onInvalid),
    signals: readCollection(boardCollection(doc, 'signals'), BOARD_SPECS.signals, onInvalid),
  })
}

export function readMeta(doc: Y.Doc, onInvalid: OnInvalid = ignoreInvalid): Meta {
  const root = controlMeta(doc)
  const scalars = parseFields(root, metaFields, stripThemes(META_DEFAULTS), new Set(), CONTROL_ROOTS.meta, onInvalid)
  const themesRoot = root.get(META_THEMES_KEY)
  const themes = themesRoot instanceof Y.Map ? [...readCollection(themesRoot, THEME_SPEC, onInvalid).values()].sort(byOrderThenId) : []
  return Object.freeze({ ...scalars, themes: Object.freeze(themes) as Theme[] })
}

export function readStages(doc: Y.Doc, onInvalid: OnInvalid = ignoreInvalid): readonly Stage[] {
  return Object.freeze([...readCollection(controlStages(doc), STAGE_SPEC, onInvalid).values()].sort(byOrderThenId))
}

export function readSession(doc: Y.Doc, onInvalid: OnInvalid = ignoreInvalid): Session {
  return parseFields(controlSession(doc), sessionFields, SESSION_DEFAULTS, SESSION_SET_FIELDS, CONTROL_ROOTS.session, onInvalid)
}

export function readDraftOwner(doc: Y.Doc, onInvalid: OnInvalid = ignoreInvalid): DraftOwner | null {
  const root = draftOwnerRoot(doc)
  if (root.size === 0) return null
  return parseEntry(root, DraftOwnerSchema, new Set(), { root: DRAFT_ROOTS.owner, key: '' }, onInvalid)
}

/** The schema version stored in a document's info/meta/owner map; `null` when absent or garbled. */
export function readVersion(map: Y.Map<unknown>): number | null {
  const result = z.int().check(z.positive()).safeParse(map.get(SCHEMA_VERSION_KEY))
  return result.success ? result.data : null
}

function stripThemes({ themes: _themes, ...scalars }: Meta): Omit<Meta, 'themes'> {
  return scalars
}
