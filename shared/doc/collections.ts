/**
 * The board's record collections: for each, its root, validator, key and set fields, plus the
 * typed accessors every command and reader goes through.
 */
import * as Y from 'yjs'
import type * as z from 'zod/mini'
import {
  AssessmentSchema,
  MembershipSchema,
  ParticipantSchema,
  PersonaSchema,
  PlusOneSchema,
  ReadySchema,
  SignalSchema,
  StorySchema,
  TakeawaySchema,
  TrendSchema,
  VoteSchema,
  WheelNodeSchema,
  type Assessment,
  type Membership,
  type Participant,
  type Persona,
  type PlusOne,
  type Ready,
  type Signal,
  type Story,
  type Takeaway,
  type Trend,
  type Vote,
  type WheelNode,
} from '../schema/index'
import { pairKey } from '../util/ids'
import { compareOrder, isOrderKey, orderAfterAll, orderBefore } from '../util/order'
import { ignoreInvalid, insertEntry, parseEntry, writeFields, type OnInvalid, type SetFields } from './codec'
import { BOARD_ROOTS, boardCollection, type BoardCollection } from './roots'

/** The record type stored in each board collection. */
export interface BoardRecords {
  signals: Signal
  trends: Trend
  memberships: Membership
  assessments: Assessment
  votes: Vote
  wheelNodes: WheelNode
  personas: Persona
  stories: Story
  takeaways: Takeaway
  plusOnes: PlusOne
  participants: Participant
  ready: Ready
}

export interface RecordSpec<T> {
  readonly root: string
  readonly schema: z.ZodMiniType<T, unknown>
  /** The key a valid record must be stored under; an entry under another key is invalid. */
  readonly keyOf: (record: T) => string
  readonly setFields: SetFields
}

function spec<T>(root: string, schema: z.ZodMiniType<T>, keyOf: (record: T) => string, setFields: string[] = []): RecordSpec<T> {
  return { root, schema, keyOf, setFields: new Set(setFields) }
}

const byId = (record: { id: string }) => record.id

export const BOARD_SPECS: { readonly [K in BoardCollection]: RecordSpec<BoardRecords[K]> } = {
  signals: spec(BOARD_ROOTS.signals, SignalSchema, byId, ['authorIds', 'sources']),
  trends: spec(BOARD_ROOTS.trends, TrendSchema, byId),
  memberships: spec(BOARD_ROOTS.memberships, MembershipSchema, (m) => membershipKey(m.trendId, m.signalId)),
  assessments: spec(BOARD_ROOTS.assessments, AssessmentSchema, (a) => assessmentKey(a.trendId, a.participantId)),
  votes: spec(BOARD_ROOTS.votes, VoteSchema, byId),
  wheelNodes: spec(BOARD_ROOTS.wheelNodes, WheelNodeSchema, byId),
  personas: spec(BOARD_ROOTS.personas, PersonaSchema, byId),
  stories: spec(BOARD_ROOTS.stories, StorySchema, byId, ['trendIds', 'wheelNodeIds', 'signalIds']),
  takeaways: spec(BOARD_ROOTS.takeaways, TakeawaySchema, byId, ['storyIds', 'trendIds']),
  plusOnes: spec(BOARD_ROOTS.plusOnes, PlusOneSchema, (p) => plusOneKey(p.takeawayId, p.participantId)),
  participants: spec(BOARD_ROOTS.participants, ParticipantSchema, byId),
  ready: spec(BOARD_ROOTS.ready, ReadySchema, (r) => readyKey(r.stageId, r.participantId)),
}

export const BOARD_COLLECTIONS = Object.keys(BOARD_SPECS) as BoardCollection[]

export const membershipKey = (trendId: string, signalId: string) => pairKey(trendId, signalId)
export const assessmentKey = (trendId: string, participantId: string) => pairKey(trendId, participantId)
export const plusOneKey = (takeawayId: string, participantId: string) => pairKey(takeawayId, participantId)
export const readyKey = (stageId: string, participantId: string) => pairKey(stageId, participantId)

/** Validates one stored entry of a collection root; `null` when missing or invalid. */
export function parseRecord<T>(root: Y.Map<unknown>, spec: RecordSpec<T>, key: string, onInvalid: OnInvalid = ignoreInvalid): T | null {
  const raw = root.get(key)
  if (raw === undefined) return null
  const record = parseEntry(raw, spec.schema, spec.setFields, { root: spec.root, key }, onInvalid)
  if (record === null) return null
  if (spec.keyOf(record) !== key) {
    // A record filed under another record's key would let one peer shadow another's entry.
    onInvalid({ root: spec.root, key, reason: `stored under the wrong key (expected ${spec.keyOf(record)})` })
    return null
  }
  return record
}

export function getRecord<K extends BoardCollection>(doc: Y.Doc, name: K, key: string): BoardRecords[K] | null {
  return parseRecord(boardCollection(doc, name), BOARD_SPECS[name], key)
}

export function hasRecord(doc: Y.Doc, name: BoardCollection, key: string): boolean {
  return getRecord(doc, name, key) !== null
}

/** Every valid record of a collection, in key order of the map (callers sort as they need). */
export function listRecords<K extends BoardCollection>(doc: Y.Doc, name: K): BoardRecords[K][] {
  const root = boardCollection(doc, name)
  const records: BoardRecords[K][] = []
  for (const key of root.keys()) {
    const record = parseRecord(root, BOARD_SPECS[name], key)
    if (record !== null) records.push(record)
  }
  return records
}

/**
 * Validates and stores a whole record under its key. Throws when the record is invalid: what a
 * command writes must pass the same validator every reader applies.
 */
export function insertRecord<K extends BoardCollection>(doc: Y.Doc, name: K, record: BoardRecords[K]): BoardRecords[K] {
  const spec = BOARD_SPECS[name]
  const valid = spec.schema.parse(record)
  insertEntry(boardCollection(doc, name), spec.keyOf(valid), valid, spec.setFields)
  return valid
}

/** Writes the changed fields of a record; `false` when there is no such record. */
export function patchRecord<K extends BoardCollection>(doc: Y.Doc, name: K, key: string, patch: Partial<BoardRecords[K]>): boolean {
  const entry = entryMap(doc, name, key)
  const current = getRecord(doc, name, key)
  if (!entry || !current) return false
  const spec = BOARD_SPECS[name]
  // Validate the record as it will read back, so a patch cannot make an entry invalid.
  spec.schema.parse({ ...current, ...definedFields(patch) })
  writeFields(entry, patch, spec.setFields)
  return true
}

export function deleteRecord(doc: Y.Doc, name: BoardCollection, key: string): boolean {
  const root = boardCollection(doc, name)
  if (!root.has(key)) return false
  root.delete(key)
  return true
}

function definedFields(patch: object): object {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
}

/** The raw entry map, for the few commands that add to a set field. */
export function entryMap(doc: Y.Doc, name: BoardCollection, key: string): Y.Map<unknown> | null {
  const entry = boardCollection(doc, name).get(key)
  return entry instanceof Y.Map ? entry : null
}

/** Where a record goes in its list: before another record (by key), or at the end. */
export interface Placement {
  /** Key of the record to land before; `null` or missing = at the end. */
  readonly before?: string | null
  /** The record being moved, left out so it does not count as its own neighbour. */
  readonly exclude?: string
  /** Limits the list (e.g. memberships of one trend). */
  readonly where?: (entry: Y.Map<unknown>) => boolean
}

/**
 * An order key for a record placed in a collection's list. Reads only the `order` field of each
 * entry, not the whole record: appending a card to a wall of 1,000 stays cheap.
 */
export function orderFor(doc: Y.Doc, name: BoardCollection, placement: Placement = {}): string {
  return orderInRoot(boardCollection(doc, name), placement)
}

export function orderInRoot(root: Y.Map<unknown>, { before = null, exclude, where }: Placement): string {
  const list: { key: string; order: string }[] = []
  for (const [key, entry] of root.entries()) {
    if (key === exclude || !(entry instanceof Y.Map) || (where && !where(entry))) continue
    const order = entry.get('order')
    if (typeof order === 'string' && isOrderKey(order)) list.push({ key, order })
  }
  // Appending needs only the largest key; sorting is for placing before a neighbour.
  if (before === null) return orderAfterAll(list.map((item) => item.order))
  list.sort((a, b) => compareOrder(a.order, a.key, b.order, b.key))
  const index = list.findIndex((item) => item.key === before)
  return orderBefore(
    list.map((item) => item.order),
    index === -1 ? list.length : index,
  )
}
