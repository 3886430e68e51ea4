import * as Y from 'yjs'
import { BANK_ROOTS, BOARD_ROOTS, CONTROL_ROOTS, DRAFT_ROOTS } from '../../shared/doc/roots.ts'
import type { DocKind } from '../../shared/protocol.ts'
import { countStructs } from '../../shared/doc/structCount.ts'
import { changesAnyRecord, type Writer } from '../../shared/permissions.ts'
import { checkOwnership } from './ownership.ts'
import { findStruct, itemsByClient } from './structLookup.ts'

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
  /** Estimated conflict-resolution steps of one update (writers × (writers + scan), summed). */
  maxCost: number
  /**
   * The document's contention in all: the square of the writers at each position that has more
   * than one, summed. An update adding to it past this is refused; one adding nothing passes.
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
  // ~2 ms of walking: far above what an honest update's positions need (one or a few runs each).
  maxLookup: 200_000,
  maxScan: 10_000,
  maxCost: 20_000,
  // Measured (Yjs applying a whole state, warm): 400 writers at 3 keys (480,000) ~15 ms, 16 at
  // 2,000 keys (512,000) ~75 ms, against 140 ms for 400 at 60 keys (9,600,000) and 0.4–1.2 s on a
  // server's main thread. An honest workshop's is a few thousand: a hall appending at one spot at once.
  maxContention: 500_000,
  // ~10 ms of moving pointers: a selection deleted in a story is two splits of its writer's array.
  maxSplitMoves: 10_000_000,
}

/** Deleted ranges one update may name: each costs the guard two lookups (and Yjs as many). */
const MAX_DELETED_RANGES = 100_000
/** Structs one update's deletions may split: a few µs each, ~25 ms in all. */
const MAX_SPLITS = 5_000

const ROOTS: Record<DocKind, ReadonlySet<string>> = {
  board: new Set(Object.values(BOARD_ROOTS)),
  control: new Set(Object.values(CONTROL_ROOTS)),
  draft: new Set(Object.values(DRAFT_ROOTS)),
  bank: new Set(Object.values(BANK_ROOTS)),
}

/** Yjs does not export the DeleteSet type by name. */
export type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds']

/** `forbidden`: a well-formed update that writes what this writer may not (another person's record). */
export type GuardVerdict = { ok: true } | Refusal
export type Refusal = { ok: false; reason: string; forbidden?: true }
/** An admitted update, with the contention it adds to the document (see GuardLimits.maxContention). */
export type UpdateVerdict = { ok: true; contention: number } | Refusal

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
  // Position → its one writer (almost always), or the set of them once there are several.
  const writersAt = new Map<string, number | Set<number>>()
  // Position → how many of the update's items go there: Yjs scans for each of them.
  const itemsAt = new Map<string, number>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if (kind && typeof struct.parent === 'string') {
      if (!ROOTS[kind].has(struct.parent)) return refuse(`"${struct.parent}" is not a root of a ${kind} document`)
      if (struct.parentSub === null) return refuse(`root "${struct.parent}" is a map`)
    }
    const position = positionKey(struct)
    itemsAt.set(position, (itemsAt.get(position) ?? 0) + 1)
    const client = struct.id.client
    const writers = writersAt.get(position)
    if (writers === undefined) writersAt.set(position, client)
    else if (typeof writers === 'number') {
      if (writers !== client) writersAt.set(position, new Set([writers, client]))
    } else {
      writers.add(client)
      if (writers.size > limits.maxWritersPerPosition) return refuse(`over ${limits.maxWritersPerPosition} writers at one position`)
    }
  }
  // The document side: how far Yjs would scan to place each new position's items, and what all
  // of the update's scans cost together (each item at a position scans the other writers' and
  // what the document already holds there).
  let cost = 0
  let lookup = 0
  let added = 0
  // Items naming only a right neighbour (an insert at the start of a list) are placed by it: when
  // anything sits before that neighbour, Yjs scans from the list's start up to it, for each item.
  const placed = new UpdateItems(doc, structs, limits.maxScan)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || struct.origin !== null || struct.rightOrigin === null) continue
    const right = placed.find(struct.rightOrigin)
    if (!right) continue // depends on changes the document lacks: it waits, and is checked again
    // Yjs writes a map value with its key and the key's current value as its origin, never so.
    if (right.parentSub !== null) return refuse('a map value naming only a right neighbour')
    const scan = placed.itemsBefore(right)
    if (scan >= limits.maxScan) return refuse(`over ${limits.maxScan} items before an insert at the start`)
    cost += scan
    if (cost > limits.maxCost) return refuse(`concurrent inserts costing over ${limits.maxCost} steps`)
  }
  const checked = new Set<string>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const position = positionKey(struct)
    if (checked.has(position)) continue
    checked.add(position)
    const scan = concurrentScanLength(doc, struct, limits.maxScan)
    if (scan >= limits.maxScan) return refuse(`over ${limits.maxScan} concurrent items at one position`)
    const entry = writersAt.get(position)!
    const writers = typeof entry === 'number' ? 1 : entry.size
    cost += writers > 1 || scan > 0 ? itemsAt.get(position)! * (writers + scan) : 0
    if (cost > limits.maxCost) return refuse(`concurrent inserts costing over ${limits.maxCost} steps`)
    const there = writersInDoc(doc, struct, limits.maxWritersInAll, Math.min(limits.maxScan, limits.maxLookup - lookup))
    lookup += there.walked
    if (lookup >= limits.maxLookup) return refuse(`positions taking over ${limits.maxLookup} steps to look up`)
    const before = there.writers.size
    for (const client of typeof entry === 'number' ? [entry] : entry) there.writers.add(client)
    if (there.writers.size > limits.maxWritersInAll) return refuse(`over ${limits.maxWritersInAll} writers at one position in all`)
    added += contested(there.writers.size) - contested(before)
  }
  if (added > 0 && contention + added > limits.maxContention) return refuse(`contested positions costing over ${limits.maxContention} steps in all`)
  const deletions = limits.maxSplitMoves === Number.POSITIVE_INFINITY ? undefined : deletionRefusal(doc, decoded.ds, limits.maxSplitMoves)
  if (deletions) return refuse(deletions)
  const owned = writer && kind && !changesAnyRecord(writer) ? checkOwnership(doc, kind, decoded, writer) : undefined
  return owned && !owned.ok ? owned : { ok: true, contention: added }
}

/**
 * Why the update's deletions would cost Yjs more than marking items, if they would. Yjs applies a
 * client's ranges in the order written and splits the struct a range starts or ends inside: each
 * split costs a few µs and an insert into that client's array of structs. Refused: a deletion of
 * nothing (length 0: Yjs never writes one, yet it splits), ranges out of order or overlapping (Yjs
 * always writes them sorted and merged; out of order, each split lands in an array grown by the
 * last), too many ranges, over `MAX_SPLITS` splits, or splits moving over `maxMoves` pointers. An
 * end past what the document holds may split one of the update's own structs: counted as a split.
 */
function deletionRefusal(doc: Y.Doc, ds: DeleteSet, maxMoves: number): string | undefined {
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
      const here = splitsAt(structs, range.clock) + splitsAt(structs, end)
      if (here === 0) continue
      splits += here
      moves += here * (structs.length + splits)
      if (splits > MAX_SPLITS) return `deletions splitting over ${MAX_SPLITS} structs`
      if (moves > maxMoves) return `deletions splitting over ${maxMoves} items in all`
    }
  }
  return undefined
}

/**
 * 1 when deleting from `clock` splits a struct: inside a live struct of the document, or past what
 * the document holds (one of the update's own, perhaps); 0 at a struct's edge or in a deleted one.
 */
function splitsAt(structs: (Y.Item | Y.GC)[], clock: number): number {
  const last = structs[structs.length - 1]
  const known = last ? last.id.clock + last.length : 0
  if (clock === known) return 0
  if (clock > known) return 1
  const struct = structs[Y.findIndexSS(structs, clock)]!
  return struct.id.clock < clock && !struct.deleted ? 1 : 0
}

/**
 * The update's items and the document's, looked up by id, and how many items sit before one in
 * its list (walked at most `limit` steps in all, and 64 links deep through the update's items).
 */
class UpdateItems {
  private readonly byClient: Map<number, Y.Item[]>
  private readonly own: Set<Y.Item>
  private readonly before = new Map<Y.Item, number>()
  private steps = 0

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
    private readonly limit: number,
  ) {
    this.byClient = itemsByClient(structs)
    this.own = new Set([...this.byClient.values()].flat())
  }

  /** The item holding `id`: the update's first, then the document's (null when neither has it). */
  find(id: Y.ID): Y.Item | null {
    return findStruct(this.doc, this.byClient, id)
  }

  /** Items before `item` in its list, at most `limit` (then: too many to place it cheaply). */
  itemsBefore(item: Y.Item, depth = 0): number {
    const known = this.before.get(item)
    if (known !== undefined) return known
    let count = 0
    if (depth > 64 || this.steps >= this.limit) count = this.limit
    else if (!this.own.has(item)) {
      // In the document: its left neighbours, one by one.
      for (let o = item.left; o !== null && count < this.limit; o = o.left) count++
      this.steps += count
    } else {
      // New: after its origin, or where its right neighbour is.
      const origin = item.origin ? this.find(item.origin) : null
      const right = !item.origin && item.rightOrigin ? this.find(item.rightOrigin) : null
      if (origin) count = Math.min(this.limit, this.itemsBefore(origin, depth + 1) + 1)
      else if (right) count = this.itemsBefore(right, depth + 1)
    }
    this.before.set(item, count)
    return count
  }
}

/** A position's share of the document's contention: its writers squared, once there are two. */
function contested(writers: number): number {
  return writers > 1 ? writers * writers : 0
}

function refuse(reason: string): Refusal {
  return { ok: false, reason }
}

function positionKey(item: Y.Item): string {
  if (item.origin) return `o${item.origin.client}:${item.origin.clock}`
  // Placed by its right neighbour alone: its parent is that neighbour's (see UpdateItems).
  if (item.rightOrigin) return `r${item.rightOrigin.client}:${item.rightOrigin.clock}`
  const parent = typeof item.parent === 'string' ? item.parent : item.parent instanceof Y.ID ? `${item.parent.client}:${item.parent.clock}` : ''
  return `p${parent}/${item.parentSub ?? ''}`
}

/**
 * Mirrors the start of Yjs' conflict scan in Item.integrate, stopping at `limit`: the items after
 * the new item's left origin that were inserted concurrently (same origin, or an origin among
 * the items already scanned). Positions the document does not know yet cost nothing here.
 */
function concurrentScanLength(doc: Y.Doc, item: Y.Item, limit: number): number {
  let o: Y.Item | null
  let right: Y.Item | null = null
  try {
    o = item.origin ? firstAfterOrigin(doc, item.origin) : firstOfParent(doc, item, limit)
    if (item.rightOrigin && Y.getState(doc.store, item.rightOrigin.client) > item.rightOrigin.clock) {
      const found = Y.getItem(doc.store, item.rightOrigin)
      if (found instanceof Y.Item) right = found
    }
  } catch (error) {
    if (error instanceof KeyHistoryTooLong) return limit
    return 0
  }
  const scanned = new Set<Y.Item>()
  let count = 0
  // Like Yjs, the scan ends at the item's right neighbour: nothing came in between, no conflict.
  while (o !== null && o !== right && count < limit) {
    const sameOrigin = item.origin ? o.origin !== null && Y.compareIDs(o.origin, item.origin) : o.origin === null
    if (!sameOrigin) {
      if (o.origin === null) break
      const originItem = Y.getItem(doc.store, o.origin)
      if (!(originItem instanceof Y.Item) || !scanned.has(originItem)) break
    }
    scanned.add(o)
    count++
    o = o.right
  }
  return count
}

/**
 * The writers the document already holds at `item`'s position: the clients of the items with the
 * same origin, which Yjs keeps together right after it, each followed by what was inserted after
 * it (skipped). Unlike the conflict scan this does not stop at the item's right origin: an update
 * choosing its right origin places its item without a scan, but a later load meets them all.
 * Walks at most `limit` items, and stops once over `cap` writers.
 */
function writersInDoc(doc: Y.Doc, item: Y.Item, cap: number, limit: number): { writers: Set<number>; walked: number } {
  const writers = new Set<number>()
  let o: Y.Item | null
  try {
    o = item.origin ? firstAfterOrigin(doc, item.origin) : firstOfParent(doc, item, limit)
  } catch (error) {
    return { writers, walked: error instanceof KeyHistoryTooLong ? limit : 0 }
  }
  const scanned = new Set<Y.Item>()
  let walked = 0
  while (o !== null && walked < limit && writers.size <= cap) {
    const sameOrigin = item.origin ? o.origin !== null && Y.compareIDs(o.origin, item.origin) : o.origin === null
    if (sameOrigin) writers.add(o.id.client)
    else {
      if (o.origin === null) break
      const originItem = Y.getItem(doc.store, o.origin)
      if (!(originItem instanceof Y.Item) || !scanned.has(originItem)) break
    }
    scanned.add(o)
    walked++
    o = o.right
  }
  return { writers, walked }
}

function firstAfterOrigin(doc: Y.Doc, origin: Y.ID): Y.Item | null {
  const { clock } = Y.getState(doc.store, origin.client) > origin.clock ? origin : { clock: -1 }
  if (clock < 0) return null
  const originItem = Y.getItem(doc.store, origin)
  if (!(originItem instanceof Y.Item)) return null
  // An origin inside a run of one client's text: the next character follows it, nothing concurrent.
  if (originItem.id.clock + originItem.length - 1 !== origin.clock) return null
  return originItem.right
}

function firstOfParent(doc: Y.Doc, item: Y.Item, limit: number): Y.Item | null {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its share map so
  let parent: Y.AbstractType<any> | undefined
  if (typeof item.parent === 'string') parent = doc.share.get(item.parent)
  else if (item.parent instanceof Y.ID && Y.getState(doc.store, item.parent.client) > item.parent.clock) {
    const parentItem = Y.getItem(doc.store, item.parent)
    if (parentItem instanceof Y.Item && parentItem.content instanceof Y.ContentType) parent = parentItem.content.type
  }
  if (!parent) return null
  if (item.parentSub === null) return parent._start
  let o = parent._map.get(item.parentSub) ?? null
  for (let steps = 0; o?.left; steps++) {
    // Yjs walks back to the key's first value and scans its whole history from there.
    if (steps >= limit) throw new KeyHistoryTooLong()
    o = o.left
  }
  return o
}

/**
 * An item without a left origin at a map key with a longer history than the walk may take: Yjs
 * would scan all of it. The app's clients always name the key's current value as the origin.
 */
class KeyHistoryTooLong extends Error {}
