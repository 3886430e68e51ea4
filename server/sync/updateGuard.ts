import * as Y from 'yjs'
import { BANK_ROOTS, BOARD_ROOTS, CONTROL_ROOTS, DRAFT_ROOTS } from '../../shared/doc/roots.ts'
import type { DocKind, RefusalKind } from '../../shared/protocol.ts'
import { countStructs } from '../../shared/doc/structCount.ts'
import { changesAnyRecord, type Writer } from '../../shared/permissions.ts'
import { isStoryMarkFormat } from '../../shared/schema/storyBody.ts'
import { checkOwnership } from './ownership.ts'
import { Placement, type Parent, type Place } from './placement.ts'

/**
 * Checks an untrusted Yjs update before it is applied, in time proportional to the update.
 *
 * Yjs orders concurrent inserts at one position by scanning all of them for each new one, so a
 * few kilobytes of inserts from thousands of invented client ids at one spot cost seconds of
 * CPU. People never do that: a position sees a handful of concurrent writers. So an update may
 * bring at most `maxWritersPerPosition` writers to one position, none where the document
 * already holds `maxScan` concurrent items, and at most `maxCost` steps of such scanning in
 * all; it may only touch the roots its document kind has, each as the map the app reads; and it
 * may carry at most `maxStructs` structs (counted from the headers, before decoding).
 *
 * Many small updates can do what one big one may not: each brings its 16 writers to the same
 * position. So a position's writers are also counted in all, those the document already holds
 * there and the update's, against `maxWritersInAll`: the document then never holds what the
 * stored-log guard would refuse to load (see STORED_GUARD), and what it holds costs a bounded
 * time to merge wherever it goes (a restart, a compaction, another instance).
 *
 * And many updates can do at many positions what none may do at one: 25 updates of 16 writers at
 * each of 60 keys put 400 writers at every one of them, and the next start applied that board in
 * one piece on the main thread for 0.4–1.2 s. So the document's contention (every contested
 * position's writers, squared: what integrating them all costs) is counted too, the room keeping
 * its running total, against `maxContention`.
 */
export interface GuardLimits {
  maxStructs: number
  maxWritersPerPosition: number
  /** Distinct writers at one position, the document's and the update's together. */
  maxWritersInAll: number
  /** Items the in-all count may walk for one update, all its positions together. */
  maxLookup: number
  maxScan: number
  /** Steps of Yjs' conflict scan one update may cost, bounded before applying (see placement.ts). */
  maxCost: number
  /**
   * The document's contention in all: the square of the writers at each position that has four
   * or more, summed. An update adding to it past this is refused; one adding nothing passes.
   */
  maxContention: number
  /**
   * Array moves the update's deletions may cost Yjs: a deletion starting or ending inside a struct
   * splits it, an insert into its client's array of structs, and the cleanup merges it back.
   * Infinity: not checked (stored rows; their load is timed instead).
   */
  maxSplitMoves: number
}

/**
 * `maxScan` is generous on purpose: when twenty people edit one spot offline, the first item of
 * each returning chain scans past the others' chains once (linear, cheap). What is quadratic is
 * many writers at one position, which `maxWritersPerPosition` and `maxCost` bound.
 */
export const DEFAULT_GUARD: GuardLimits = {
  maxStructs: 100_000,
  maxWritersPerPosition: 16,
  maxWritersInAll: 400,
  // ~4 ms of walking: far above what an honest update's places need (a short run each).
  maxLookup: 400_000,
  maxScan: 50_000,
  maxCost: 100_000,
  // Measured (Yjs applying a whole state, warm): 400 writers at 3 keys (480,000) ~15 ms, 16 at
  // 2,000 keys (512,000) ~75 ms, against 140 ms for 400 at 60 keys (9,600,000) and 0.4–1.2 s on a
  // server's main thread. An honest workshop's is a few thousand: a hall appending at one spot at once.
  maxContention: 500_000,
  // Measured: 12 million ~1.5 ms (600 splits of a 20,000-item array); a selection deleted in a
  // story is two splits of its writer's array, a letter typed inside a word one.
  maxSplitMoves: 50_000_000,
}

/**
 * Items the count of a position's writers walks in the document. A writer further on than this
 * got there by scanning past all of them, at a cost its update was charged (and a later load pays
 * about as much again, once per writer: linear, not the square the count guards against). A
 * longer walk refused honest inserts at a hundred places of a long story (lookups over budget).
 */
const WRITERS_WALK = 1_000

/** Deleted ranges one update may name: each costs the guard two lookups (and Yjs as many). */
const MAX_DELETED_RANGES = 100_000
/** Structs one update's deletions may split: a few µs each, ~25 ms in all. */
const MAX_SPLITS = 5_000
/**
 * Formatting marks one text may hold (a story's paragraph; each bold or italic stretch is two).
 * The editor rebuilds a paragraph from its marks on every change to it from elsewhere: a
 * paragraph of 90,000 one-letter marks cost each browser showing it 0.1–0.5 s per 18-byte update.
 */
const MAX_MARKS_PER_TEXT = 5_000
/**
 * Items one update may delete in all, those it names and those inside the types it deletes or
 * replaces (a story, a record), which Yjs deletes with them at about 1 µs each: ~0.2 s at most.
 */
const MAX_DELETED_ITEMS = 200_000
/**
 * Longest map key an update may write (the app's longest joins three ids, 65 characters). Yjs
 * keeps a key with each value written without a left neighbour, deleted or not: a 1.5 MB key,
 * set and deleted, stayed in the board for good.
 */
const MAX_KEY_LENGTH = 128
/**
 * Yjs' writer ids are 32-bit, and no writer comes near 2^32 changes; a larger id or clock only
 * makes every reference to its writer's structs longer to store (up to 8 bytes each, not 5).
 */
const MAX_CLIENT_ID = 0xffff_ffff
const MAX_CLOCK = 2 ** 32
/** Characters of a stored map key that count as one more record (see `newRecords`). */
const KEY_CHARS_PER_RECORD = 16
/**
 * Records a writer id new to the document counts: the document keeps a run header for it (id,
 * first clock, count) and a state vector entry, about 20 bytes.
 */
const NEW_WRITER_RECORDS = 2

const ROOTS: Record<DocKind, ReadonlySet<string>> = {
  board: new Set(Object.values(BOARD_ROOTS)),
  control: new Set(Object.values(CONTROL_ROOTS)),
  draft: new Set(Object.values(DRAFT_ROOTS)),
  bank: new Set(Object.values(BANK_ROOTS)),
}

/** Yjs does not export the DeleteSet type by name. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/**
 * `forbidden`: a well-formed update that writes what this writer may not (another person's record,
 * or deletions past what one update may make), and which of the two.
 */
export type GuardVerdict = { ok: true } | Refusal
export type Refusal = { ok: false; reason: string; forbidden?: Extract<RefusalKind, 'notYours' | 'tooMuch'> }
/**
 * An admitted update, with the contention it adds to the document (see GuardLimits.maxContention),
 * the records it adds (see `newRecords`) and the bytes of content its new structs bring (see
 * `contentBytes`).
 */
export type UpdateVerdict = { ok: true; contention: number; records: number; bytes: number } | Refusal

/**
 * `writer` is a live connection's role and the participant id it proved (null without one): its
 * update may write only the records the shared rule gives it (see ownership.ts). Left out for
 * stored updates, which were checked when they arrived. `kind` undefined: a document whose kind
 * the caller does not know (a store merging rows it was given), checked for cost only.
 * `contention`: the document's so far (the room keeps it, adding each admitted update's).
 */
export function checkUpdate(
  doc: Y.Doc,
  kind: DocKind | undefined,
  update: Uint8Array,
  limits: GuardLimits = DEFAULT_GUARD,
  writer?: Writer,
  contention = 0,
): UpdateVerdict {
  // Counted from the headers first: decoding a huge update only to refuse it would be the attack.
  // Every struct takes at least a byte, so an update no longer than the limit cannot pass it.
  if (update.byteLength > limits.maxStructs && countStructs(update, limits.maxStructs) > limits.maxStructs) {
    return refuse(`over ${limits.maxStructs} structs in one update`)
  }
  const decoded = Y.decodeUpdate(update)
  const { structs } = decoded
  const runs = runsRefusal(structs)
  if (runs) return refuse(runs)
  const placement = new Placement(doc, structs)
  // Each place the update inserts at: its items (Yjs scans each for the others) and their writers,
  // one (almost always) or the set of them once there are several.
  const places = new Map<string, { place: Place; items: Y.Item[]; writers: number | Set<number> }>()
  // Marks the update adds to each text (by its parent key), with the document's text if it has it.
  const marks = new Map<string, { text: Y.AbstractType<unknown> | null; added: number }>()
  for (const struct of structs) {
    // A live writer's update only: a stored row refused here would drop a whole board at its load.
    if (writer && struct.id.client > MAX_CLIENT_ID) return refuse('a writer id over 32 bits')
    if (writer && struct.id.clock + struct.length > MAX_CLOCK) return refuse('a clock over 32 bits')
    if (!(struct instanceof Y.Item)) continue
    if (writer && struct.parentSub !== null && struct.parentSub.length > MAX_KEY_LENGTH) return refuse(`a map key over ${MAX_KEY_LENGTH} characters`)
    if (kind && struct.content instanceof Y.ContentFormat) {
      if (!isStoryMarkFormat(struct.content.key, struct.content.value)) return refuse(`formatting "${struct.content.key.slice(0, 40)}" is not a story mark`)
      const parent = placement.parentOf(struct)
      // Only where the editor puts marks: anywhere else Yjs would read a list as formatted text.
      if (parent && !isText(placement, parent)) return refuse('formatting outside a text')
      if (parent) {
        const entry = marks.get(parent.key)
        if (entry) entry.added++
        else marks.set(parent.key, { text: parent.type, added: 1 })
      }
    }
    if (kind && typeof struct.parent === 'string') {
      if (!ROOTS[kind].has(struct.parent)) return refuse(`"${struct.parent}" is not a root of a ${kind} document`)
      if (struct.parentSub === null) return refuse(`root "${struct.parent}" is a map`)
    }
    const place = placement.placeOf(struct)
    if (!place) continue // depends on changes the document lacks: it waits, and is checked again
    // Yjs writes a map value with its key and the key's current value as its origin, never so.
    if (!struct.origin && struct.rightOrigin && place.parent?.sub !== null) return refuse('a map value naming only a right neighbour')
    const client = struct.id.client
    const entry = places.get(place.key)
    if (!entry) places.set(place.key, { place, items: [struct], writers: client })
    else {
      entry.items.push(struct)
      if (typeof entry.writers === 'number') {
        if (entry.writers !== client) entry.writers = new Set([entry.writers, client])
      } else {
        entry.writers.add(client)
        if (entry.writers.size > limits.maxWritersPerPosition) return refuse(`over ${limits.maxWritersPerPosition} writers at one position`)
      }
    }
  }
  // What placing them costs Yjs: each item's scan of what the document holds there, and of the
  // update's other items at its place with what follows each (see Placement).
  let cost = 0
  for (const { place, items } of places.values()) {
    const placed = placement.costAt(place, items, limits.maxScan, limits.maxLookup)
    if (placement.walked >= limits.maxLookup) return refuse(`positions taking over ${limits.maxLookup} steps to look up`)
    if (placed.walk >= limits.maxScan) return refuse(`over ${limits.maxScan} concurrent items at one position`)
    cost += placed.cost
    if (cost > limits.maxCost) return refuse(`concurrent inserts costing over ${limits.maxCost} steps`)
  }
  for (const { text, added } of marks.values()) {
    const held = text ? marksIn(text, placement, limits.maxLookup) : 0
    if (placement.walked >= limits.maxLookup) return refuse(`positions taking over ${limits.maxLookup} steps to look up`)
    if (held + added > MAX_MARKS_PER_TEXT) return refuse(`over ${MAX_MARKS_PER_TEXT} formatting marks in one text`)
  }
  let added = 0
  for (const { place, writers } of places.values()) {
    const there = placement.writersAt(place, limits.maxWritersInAll, Math.min(WRITERS_WALK, limits.maxLookup - placement.walked))
    if (placement.walked >= limits.maxLookup) return refuse(`positions taking over ${limits.maxLookup} steps to look up`)
    const before = there.size
    for (const client of typeof writers === 'number' ? [writers] : writers) there.add(client)
    if (there.size > limits.maxWritersInAll) return refuse(`over ${limits.maxWritersInAll} writers at one position in all`)
    added += contested(there.size) - contested(before)
  }
  if (added > 0 && contention + added > limits.maxContention) return refuse(`contested positions costing over ${limits.maxContention} steps in all`)
  const brought = newRecords(doc, placement, structs, decoded.ds)
  const bytes = brought.bytes
  let records = brought.records
  if (limits.maxSplitMoves !== Number.POSITIVE_INFINITY) {
    // Inserts inside an item split it (typing inside a word splits the word once).
    const splits = new Map<number, number>()
    // Each cut adds one record however many of the update's items name it.
    const cuts = new Set<string>()
    let moves = 0
    for (const { items } of places.values())
      for (const item of items)
        placement.splitsFor(item, (client, cost, at) => {
          const count = (splits.get(client) ?? 0) + 1
          splits.set(client, count)
          moves += cost + count
          cuts.add(`${client}:${at}`)
        })
    if (moves > limits.maxSplitMoves) return refuse(`inserts splitting over ${limits.maxSplitMoves} items in all`)
    // A deletion's cut where an insert cuts too (a word replaced) is the same cut.
    const deletions = checkDeletions(doc, placement, decoded.ds, limits.maxSplitMoves - moves, cuts)
    if (deletions) return refuse(deletions)
    records += cuts.size
    if (deletedItems(doc, placement, structs, decoded.ds) > MAX_DELETED_ITEMS) return refuse(`deletes over ${MAX_DELETED_ITEMS} items at once`)
  }
  const owned = writer && kind && !changesAnyRecord(writer) ? checkOwnership(doc, kind, decoded, writer) : undefined
  return owned && !owned.ok ? owned : { ok: true, contention: added, records, bytes }
}

/**
 * The records an update adds that the document keeps apart for good, deleted or not: what a
 * tombstone costs (about 10 bytes each), and what a person's writing allowance counts. Each new
 * struct is one, unless Yjs will merge it into the one before it (letters typed on, a value its
 * writer sets again); each split of a struct (typing or deleting inside a word) adds one; a
 * writer new to the document adds its run header; a map key kept with its value adds one per 16
 * characters. Splits are counted by the caller; a struct the document already holds adds nothing.
 * Beside them, the bytes of content the new structs bring (`contentBytes`).
 */
function newRecords(doc: Y.Doc, placement: Placement, structs: readonly (Y.Item | Y.GC | Y.Skip)[], ds: DeleteSet): { records: number; bytes: number } {
  // What the update's items name as their neighbours: an item lands between another and that
  // one's origin by naming the same origin, or by naming that one as its right neighbour.
  const claims: Claims = { origins: new Map(), rights: new Set() }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if (struct.origin) claims.origins.set(idKey(struct.origin), (claims.origins.get(idKey(struct.origin)) ?? 0) + 1)
    if (struct.rightOrigin) claims.rights.add(idKey(struct.rightOrigin))
  }
  let records = 0
  let bytes = 0
  let newWriter = -1
  for (const struct of structs) {
    const state = Y.getState(doc.store, struct.id.client)
    const held = state - struct.id.clock
    if (struct instanceof Y.Skip || held >= struct.length) continue
    if (struct instanceof Y.Item) bytes += contentBytes(struct.content)
    // Structs come in one run per writer (runsRefusal): its first new one tells whether it is new.
    if (state === 0 && struct.id.client !== newWriter) {
      newWriter = struct.id.client
      records += NEW_WRITER_RECORDS
    }
    // A part the document holds already: Yjs attaches the rest elsewhere than it claims. Counted.
    if (!(held <= 0 && struct instanceof Y.Item && continuesOwn(doc, placement, struct, ds, claims))) records++
    // The key is stored with a value that has no left neighbour, and kept with it, deleted or not.
    if (struct instanceof Y.Item && struct.origin === null && struct.parentSub !== null) records += Math.floor(struct.parentSub.length / KEY_CHARS_PER_RECORD)
  }
  return { records, bytes }
}

/**
 * About what a struct's content takes in the document's log until it is compacted (a deleted
 * one's content is dropped then): a string's UTF-8 bytes, a value's size as its JSON would be. What
 * a writing allowance charges for the bytes an update brings, beside its records: without it, a
 * 1.5 MB string set and deleted cost one record, and one participant key wrote the log on disk
 * at 100 MB a second. Counted without recursion (lib0 decodes values nested thousands deep).
 */
function contentBytes(content: Y.Item['content']): number {
  if (content instanceof Y.ContentString) return utf8Bytes(content.str)
  if (content instanceof Y.ContentBinary) return content.content.byteLength
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return valueBytes(content.arr)
  if (content instanceof Y.ContentEmbed) return valueBytes(content.embed)
  if (content instanceof Y.ContentFormat) return utf8Bytes(content.key) + valueBytes(content.value)
  // A type carries its name (an XML element's, a hook's), a sub-document its id and options:
  // short from Yjs, any length from a script.
  if (content instanceof Y.ContentType) {
    const { type } = content
    return type instanceof Y.XmlElement ? utf8Bytes(type.nodeName) : type instanceof Y.XmlHook ? utf8Bytes(type.hookName) : 0
  }
  if (content instanceof Y.ContentDoc) return utf8Bytes(content.doc?.guid ?? '') + valueBytes(content.opts)
  // Deleted content: a length.
  return 0
}

/** As Yjs stores a string: UTF-8 (a letter of Finnish or Chinese takes two or three bytes). */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function valueBytes(value: unknown): number {
  let bytes = 0
  const waiting: unknown[] = [value]
  while (waiting.length > 0) {
    const next = waiting.pop()
    if (typeof next === 'string') bytes += utf8Bytes(next)
    else if (next instanceof Uint8Array) bytes += next.byteLength
    else if (Array.isArray(next)) for (const inner of next) waiting.push(inner)
    else if (next !== null && typeof next === 'object') {
      // Own keys, as lib0 writes them again (Object.keys).
      for (const key of Object.keys(next)) {
        bytes += utf8Bytes(key)
        waiting.push((next as Record<string, unknown>)[key])
      }
    } else bytes += 8
  }
  return bytes
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`
}

/** How many of an update's items name each id as their origin, and which ids they name as their right neighbour. */
interface Claims {
  origins: Map<string, number>
  rights: Set<string>
}

/** Content Yjs merges into the same content before it (Item.mergeWith); types, marks and embeds never. */
const MERGEABLE = [Y.ContentString, Y.ContentAny, Y.ContentJSON, Y.ContentDeleted] as const

/**
 * Whether Yjs will merge `item` into its writer's previous item: it goes right after it, before
 * the same neighbour, with the same kind of content, and both end up deleted or both live (Yjs
 * never merges a deleted item with a live one). Read from the item's origins, which the sender
 * chooses: an item claiming to go on where it does not is counted, never believed. So is one that
 * may not land right after its origin: something lies between them in the document already, or
 * another of the update's items may land there (`claims`: one going after the same origin, or one
 * going before this item).
 */
function continuesOwn(doc: Y.Doc, placement: Placement, item: Y.Item, ds: DeleteSet, claims: Claims): boolean {
  const { origin, rightOrigin, id } = item
  if (!origin || origin.client !== id.client || origin.clock !== id.clock - 1) return false
  if ((claims.origins.get(idKey(origin)) ?? 0) > 1 || claims.rights.has(idKey(id))) return false
  const before = placement.find(origin)
  if (!before || before.content.constructor !== item.content.constructor) return false
  if (!MERGEABLE.some((kind) => item.content instanceof kind)) return false
  if (before.deleted || Y.isDeleted(ds, origin) !== Y.isDeleted(ds, id)) return false
  const sameRight = rightOrigin === null ? before.rightOrigin === null : before.rightOrigin !== null && Y.compareIDs(rightOrigin, before.rightOrigin)
  if (!sameRight) return false
  // Its origin is the update's own: nothing of the document's lies between them.
  if (Y.getState(doc.store, id.client) !== id.clock) return true
  // Its origin is the document's (its writer's last struct there): what follows it now is what Yjs meets.
  const next = before.right
  return rightOrigin === null ? next === null : next !== null && Y.compareIDs(next.id, rightOrigin)
}

/**
 * Yjs writes each client's structs as one run, in clock order, and of two runs of one client it
 * applies only the last: the guard would look up items Yjs never places.
 */
function runsRefusal(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): string | undefined {
  const seen = new Set<number>()
  let client = -1
  let end = 0
  for (const struct of structs) {
    if (struct.id.client !== client) {
      client = struct.id.client
      if (seen.has(client)) return "a client's changes in two runs"
      seen.add(client)
    } else if (struct.id.clock < end) return "a client's changes out of order"
    end = struct.id.clock + struct.length
  }
  return undefined
}

/**
 * Why the update's deletions would cost Yjs more than marking items, if they would; the cuts
 * they make are added to `cuts` (each a record the document keeps, see `newRecords`). Yjs applies a
 * client's ranges in the order written and splits the struct a range starts or ends inside: each
 * split costs a few µs and an insert into that client's array of structs. Refused: a deletion of
 * nothing (length 0: Yjs never writes one, yet it splits), ranges out of order or overlapping (Yjs
 * always writes them sorted and merged; out of order, each split lands in an array grown by the
 * last), too many ranges, over `MAX_SPLITS` splits, or splits moving over `maxMoves` pointers. An
 * end past what the document holds may split one of the update's own structs: counted as a split.
 */
function checkDeletions(doc: Y.Doc, placement: Placement, ds: DeleteSet, maxMoves: number, cuts: Set<string>): string | undefined {
  let ranges = 0
  let splits = 0
  let moves = 0
  for (const [client, deleted] of ds.clients) {
    ranges += deleted.length
    if (ranges > MAX_DELETED_RANGES) return `over ${MAX_DELETED_RANGES} deleted ranges in one update`
    const structs = doc.store.clients.get(client) ?? []
    let end = -1
    for (const range of deleted) {
      if (range.len <= 0) return 'a deletion of nothing'
      if (range.clock < end) return 'deletions out of order'
      end = range.clock + range.len
      for (const at of [range.clock, end]) {
        const cut = splitAt(placement, structs, client, at)
        if (cut === undefined) continue
        splits++
        moves += cut + splits
        cuts.add(`${client}:${at}`)
      }
      if (splits > MAX_SPLITS) return `deletions splitting over ${MAX_SPLITS} structs`
      if (moves > maxMoves) return `deletions splitting over ${maxMoves} items in all`
    }
  }
  return undefined
}

/**
 * The document items the update deletes, counted up to just past `MAX_DELETED_ITEMS`: those its
 * ranges name, and everything inside the types among them and inside the map values it replaces
 * (a 10-byte update naming only a story's entry deleted all 600,000 items of the story, 0.5 s on
 * the server and in every browser). Yjs deletes a type's current contents, not its history.
 */
function deletedItems(doc: Y.Doc, placement: Placement, structs: readonly (Y.Item | Y.GC | Y.Skip)[], ds: DeleteSet): number {
  let count = 0
  const types = new Set<Y.AbstractType<unknown>>()
  for (const [client, ranges] of ds.clients) {
    const held = Y.getState(doc.store, client)
    const documents = doc.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      if (clock >= held) continue
      for (let index = Y.findIndexSS(documents, clock); index < documents.length && documents[index]!.id.clock < clock + len; index++) {
        if (++count > MAX_DELETED_ITEMS) return count
        const item = documents[index]!
        if (item instanceof Y.Item && !item.deleted && item.content instanceof Y.ContentType) types.add(item.content.type)
      }
    }
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // A map value replaces the one it names as origin (Yjs writes the key's current value there),
    // or, naming none, whatever the key holds; a list's items replace nothing.
    const replaced = struct.origin
      ? placement.find(struct.origin)
      : struct.parentSub !== null
        ? placement.parentOf(struct)?.type?._map.get(struct.parentSub)
        : undefined
    if (replaced && replaced.parentSub !== null && !replaced.deleted && replaced.content instanceof Y.ContentType) types.add(replaced.content.type)
  }
  const inside = [...types]
  while (inside.length > 0) {
    const type = inside.pop()!
    const children: (Y.Item | null)[] = [type._start, ...type._map.values()]
    for (const first of children) {
      // A list's items in order, deleted ones too (Yjs passes them); of a map key its current value.
      for (let item = first; item !== null; item = item.parentSub === null ? item.right : null) {
        if (++count > MAX_DELETED_ITEMS) return count
        if (!item.deleted && item.content instanceof Y.ContentType) inside.push(item.content.type)
      }
    }
  }
  return count
}

/**
 * What deleting from `clock` moves when it splits a struct (see Placement.splitCost): inside a
 * live struct of the document or of the update; undefined at a struct's edge or in a deleted one.
 * Past all Yjs can know of, counted as a split of the document's array.
 */
function splitAt(placement: Placement, structs: (Y.Item | Y.GC)[], client: number, clock: number): number | undefined {
  const last = structs[structs.length - 1]
  const known = last ? last.id.clock + last.length : 0
  if (clock === known) return undefined
  const struct = placement.find(Y.createID(client, clock))
  if (!struct) {
    // At the end of one of the update's own structs: nothing to split.
    const before = clock > 0 ? placement.find(Y.createID(client, clock - 1)) : null
    if (before && before.id.clock + before.length === clock) return undefined
    return clock > known ? structs.length : undefined
  }
  return struct.id.clock < clock && !struct.deleted ? placement.splitCost(struct) : undefined
}

/** The live formatting marks in `text`, walking its items (added to `walked`, at most up to `maxLookup`). */
function marksIn(text: Y.AbstractType<unknown>, placement: Placement, maxLookup: number): number {
  let count = 0
  for (let item = text._start; item !== null && placement.walked < maxLookup; item = item.right) {
    placement.walked++
    if (!item.deleted && item.content instanceof Y.ContentFormat) count++
  }
  return count
}

/** Whether `parent` is a text's list of letters: one the document holds, or one the update makes. */
function isText(placement: Placement, parent: Parent): boolean {
  if (parent.sub !== null) return false
  if (parent.type) return parent.type instanceof Y.Text
  const created = parent.id ? placement.find(parent.id)?.content : undefined
  return created instanceof Y.ContentType && created.type instanceof Y.Text
}

/**
 * A position's share of the document's contention: its writers squared, once there are four.
 * Two or three are what people typing into each other's text make everywhere (and cost Yjs a
 * step or two); counting them let one writer's contested keys use up the board's budget and lock
 * everyone else's everyday edits out.
 */
function contested(writers: number): number {
  return writers > 3 ? writers * writers : 0
}

function refuse(reason: string): Refusal {
  return { ok: false, reason }
}
