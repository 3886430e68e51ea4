import * as Y from 'yjs'
import { findStruct, itemsByClient } from './structLookup.ts'

/**
 * Where Yjs will put an update's items, and how many items it will pass on the way: a bound,
 * computed in time proportional to the update and the document items it looks at, never by
 * applying it.
 *
 * Yjs places a new item after its left neighbour (its origin) or at the start of its parent's
 * list, then walks right over the items inserted there concurrently, and over what was inserted
 * after those, until it meets the item's right neighbour (its right origin) or an item that
 * belongs elsewhere (Item.integrate). What it passes is, in the document, the items that walk
 * meets (`scanOf` walks the same way) and, from the update itself, only items at the same place
 * and items inserted after one that is passed: their subtrees (each item's update items that
 * name it, or one of theirs, as origin). So an item's scan is bounded by its walk in the document,
 * the update's subtrees hanging off the items that walk meets, and the other items at its place
 * with their subtrees (`costAt`).
 *
 * The walk stops at the right neighbour only where that is sure: a document item, or one of the
 * update's items at the same place (it lies before its own right neighbour). Any other right
 * neighbour may lie anywhere, so the walk then goes on to the end of the concurrent items.
 */
export class Placement {
  private readonly byClient: Map<number, Y.Item[]>
  /** An update item → its update items naming it as origin. */
  private readonly children = new Map<Y.Item, Y.Item[]>()
  /** A document item → the update items naming it as origin. */
  private readonly hangingOff = new Map<Y.Item, Y.Item[]>()
  private readonly subtrees = new Map<Y.Item, number>()
  private readonly hung = new Map<Y.Item, number>()
  private readonly places = new Map<Y.Item, Place | null>()
  private readonly parents = new Map<Y.Item, Parent | null>()
  private readonly rightBounds = new Map<Y.Item, RightBound | null>()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types so
  private rootNames: Map<Y.AbstractType<any>, string> | undefined
  /** Document items walked so far, all scans together (the caller's lookup budget). */
  walked = 0

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  ) {
    this.byClient = itemsByClient(structs)
    for (const items of this.byClient.values())
      for (const item of items) {
        const origin = this.originItem(item)
        if (!origin) continue
        const into = isOwn(origin) ? this.children : this.hangingOff
        const list = into.get(origin)
        if (list) list.push(item)
        else into.set(origin, [item])
      }
  }

  /** The item holding `id`: the document's, then the update's (null when neither has it). */
  find(id: Y.ID): Y.Item | null {
    return findStruct(this.doc, this.byClient, id)
  }

  /** The item `item` goes after, as Yjs sees it (see placeOf), or null. */
  private originItem(item: Y.Item): Y.Item | null {
    const held = Y.getState(this.doc.store, item.id.client) - item.id.clock
    if (held > 0) return held < item.length ? this.find(Y.createID(item.id.client, item.id.clock + held - 1)) : null
    return item.origin ? this.find(item.origin) : null
  }

  /**
   * Where `item` goes: after its origin, or at the start of its parent (found through its right
   * neighbour when it names only that). Null when that depends on what the document lacks yet:
   * Yjs keeps such an item waiting, and it is checked again when it can be placed; or when the
   * document holds it already. Of an item the document holds the start of, Yjs places the rest
   * after its own last letter there, whatever origin the update names.
   */
  placeOf(item: Y.Item): Place | null {
    const known = this.places.get(item)
    if (known !== undefined) return known
    let place: Place | null = null
    const held = Y.getState(this.doc.store, item.id.client) - item.id.clock
    const origin = held > 0 ? Y.createID(item.id.client, item.id.clock + held - 1) : item.origin
    if (held >= item.length)
      place = null // the document holds all of it: Yjs skips it
    else if (origin) place = { key: `o${origin.client}:${origin.clock}`, origin, parent: null }
    else {
      const parent = this.parentOf(item)
      if (parent) place = { key: `p${parent.key}/${parent.sub ?? ''}`, origin: null, parent }
    }
    this.places.set(item, place)
    return place
  }

  /** The update's items from `item` on, naming it (or one of them) as origin: `item` and all after it. */
  subtree(item: Y.Item): number {
    const known = this.subtrees.get(item)
    if (known !== undefined) return known
    if (!this.children.has(item)) return 1
    // Depth-first without recursion (a chain may be 100,000 items long); a cycle of origins,
    // which Yjs never integrates, counts each item once.
    const stack: Y.Item[] = [item]
    const open = new Set<Y.Item>()
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      if (this.subtrees.has(top)) {
        stack.pop()
        continue
      }
      const children = this.children.get(top) ?? []
      if (!open.has(top)) {
        open.add(top)
        for (const child of children) if (!open.has(child) && !this.subtrees.has(child)) stack.push(child)
        continue
      }
      stack.pop()
      let size = 1
      for (const child of children) size += this.subtrees.get(child) ?? 0
      this.subtrees.set(top, size)
    }
    return this.subtrees.get(item)!
  }

  /**
   * What placing `items` (all at `place`, as decoded: by client, in clock order) costs Yjs: each
   * one's scan of the document (`walk`: the longest; each at most `maxWalk`, all of them together
   * with the other walks at most `maxLookup`), and of the update's items placed there before it
   * with their subtrees. Yjs places a client's items in clock order, the clients in an order of
   * its own: another client's items there are all counted as placed before.
   *
   * An item whose right neighbour is an earlier item of its client at this place scans at most
   * what that one scanned and what was placed there since: a writer typing at one spot again and
   * again (each time before what it typed there last) scans nothing.
   */
  costAt(place: Place, items: readonly Y.Item[], maxWalk: number, maxLookup: number): { cost: number; walk: number } {
    const scans = new Map<Y.Item | null, number>()
    if (items.length === 1) {
      // Almost every place: one item, its scan of the document only.
      const walk = this.scanOf(items[0]!, place, Math.min(maxWalk, maxLookup - this.walked), scans)
      return { cost: walk, walk }
    }
    // Each item's subtree, summed over its client's items at this place so far (and in all).
    const before = new Map<Y.Item, number>()
    const ofClient = new Map<number, number>()
    let total = 0
    for (const item of items) {
      const sum = ofClient.get(item.id.client) ?? 0
      before.set(item, sum)
      const size = this.subtree(item)
      ofClient.set(item.id.client, sum + size)
      total += size
    }
    const bounds = new Map<Y.Item, number>()
    let cost = 0
    let walk = 0
    for (const item of items) {
      const walked = this.scanOf(item, place, Math.min(maxWalk, maxLookup - this.walked), scans)
      walk = Math.max(walk, walked)
      if (this.walked >= maxLookup) break
      const others = total - ofClient.get(item.id.client)!
      let scan = walked + others + before.get(item)!
      const right = item.rightOrigin ? this.find(item.rightOrigin) : null
      const rightScan = right ? bounds.get(right) : undefined
      // Only when it names that item's start: a right neighbour inside it lies after all that
      // was inserted after its first part.
      if (right && rightScan !== undefined && right.id.client === item.id.client && Y.compareIDs(right.id, item.rightOrigin)) {
        const since = before.get(item)! - before.get(right)! - this.subtree(right)
        scan = Math.min(scan, rightScan + others + since)
      }
      bounds.set(item, scan)
      cost += scan
    }
    return { cost, walk }
  }

  /**
   * How many items Yjs passes in the document to place `item` (with the update's subtrees hanging
   * off them), at most `limit`. The update's other items at the same place are not counted here.
   */
  private scanOf(item: Y.Item, place: Place, limit: number, known: Map<Y.Item | null, number>): number {
    const right = this.rightBound(item, place.key)
    // Walks at one place differ only by where they stop (a split at the stop adds one item).
    const memo = right === null || right.id.clock === right.item.id.clock
    const key = right?.item ?? null
    const scanned = memo ? known.get(key) : undefined
    if (scanned !== undefined) return scanned
    let scan: number
    try {
      scan = Math.min(limit, this.walk(place, right, limit))
    } catch (error) {
      if (!(error instanceof KeyHistoryTooLong)) throw error
      scan = limit
    }
    if (memo) known.set(key, scan)
    return scan
  }

  /**
   * The splits placing `item` makes Yjs do, at an origin inside an item and at a right neighbour
   * inside one, each with what it moves (see `splitCost`) and the clock it cuts before.
   */
  splitsFor(item: Y.Item, split: (client: number, moves: number, at: number) => void): void {
    const place = this.placeOf(item)
    if (!place) return
    const left = place.origin ? this.find(place.origin) : null
    const splitsLeft = left !== null && !isLastOf(left, place.origin!)
    if (splitsLeft) split(left.id.client, this.splitCost(left), place.origin!.clock + 1)
    const right = item.rightOrigin ? this.find(item.rightOrigin) : null
    // Typed inside a word, the origin and the right neighbour are two sides of one cut: one split.
    const sameCut = splitsLeft && right === left && item.rightOrigin!.clock === place.origin!.clock + 1
    if (right && right.id.clock < item.rightOrigin!.clock && !sameCut) split(right.id.client, this.splitCost(right), item.rightOrigin!.clock)
  }

  /**
   * What splitting `item` moves: an insert into its writer's array of items, and for a list of
   * values (an array's or JSON's, not text's) a copy of them: Yjs slices the list in two.
   */
  splitCost(item: Y.Item): number {
    const copied = item.content instanceof Y.ContentAny || item.content instanceof Y.ContentJSON ? item.length : 0
    return this.structsOf(item.id.client) + copied
  }

  private structsOf(client: number): number {
    return (this.doc.store.clients.get(client)?.length ?? 0) + (this.byClient.get(client)?.length ?? 0)
  }

  /**
   * The writers the document already holds at `place`: the clients of the items with the same
   * origin, which Yjs keeps together right after it, each followed by what was inserted after it
   * (skipped). Unlike the scan this does not stop at a right neighbour: an update choosing its
   * right neighbour places its item without a scan, but a later load meets them all. Walks at most
   * `limit` items (added to `walked`), and stops once over `cap` writers.
   */
  writersAt(place: Place, cap: number, limit: number): Set<number> {
    const writers = new Set<number>()
    let o: Y.Item | null
    try {
      o = this.firstInDocument(place, limit)
    } catch (error) {
      if (!(error instanceof KeyHistoryTooLong)) throw error
      return writers
    }
    const scanned = new Set<Y.Item>()
    let walked = 0
    while (o !== null && walked < limit && writers.size <= cap) {
      if (sameOrigin(o, place)) writers.add(o.id.client)
      else if (!this.followsScanned(o, place, scanned)) break
      if (place.origin) scanned.add(o)
      walked++
      o = o.right
    }
    this.walked += walked
    return writers
  }

  private walk(place: Place, right: RightBound | null, limit: number): number {
    let steps = 0
    let o: Y.Item | null
    const scanned = new Set<Y.Item>()
    const origin = place.origin ? this.find(place.origin) : null
    if (place.origin && origin && isOwn(origin)) {
      // After one of the update's own items: only its subtree can follow it, when the origin is
      // inside it (what follows its end is charged to the items at that place).
      return isLastOf(origin, place.origin) ? 0 : this.subtree(origin)
    }
    if (place.origin && origin && !isLastOf(origin, place.origin)) {
      // Inside a document item: Yjs splits it, and its rest has this origin too (passed, with
      // what was inserted after it), unless the right neighbour is that rest.
      if (right?.item === origin) return right.id.clock === place.origin.clock + 1 ? 0 : 1 + this.hanging(origin)
      scanned.add(origin)
      steps = 1 + this.hanging(origin)
      o = origin.right
    } else o = this.firstInDocument(place, limit)
    let walked = 0
    while (o !== null && steps < limit) {
      if (right?.item === o) {
        // The right neighbour inside `o`: Yjs splits it there and passes its first part.
        if (right.id.clock > o.id.clock) steps += 1 + this.hanging(o)
        break
      }
      if (!sameOrigin(o, place) && !this.followsScanned(o, place, scanned)) break
      if (place.origin) scanned.add(o)
      walked++
      steps += 1 + this.hanging(o)
      o = o.right
    }
    this.walked += walked
    return steps
  }

  /** The first document item Yjs looks at for an item at `place` (null: none, or not in the document). */
  private firstInDocument(place: Place, limit: number): Y.Item | null {
    if (place.origin) {
      const origin = this.find(place.origin)
      return origin && !isOwn(origin) && isLastOf(origin, place.origin) ? origin.right : null
    }
    const type = place.parent?.type
    if (!type) return null
    if (place.parent!.sub === null) return type._start
    let o = type._map.get(place.parent!.sub) ?? null
    for (let steps = 0; o?.left; steps++) {
      // Yjs walks back to the key's first value and scans its whole history from there.
      if (steps >= limit) throw new KeyHistoryTooLong()
      this.walked++
      o = o.left
    }
    return o
  }

  /**
   * Yjs goes on past an item inserted after one it passed already. From a list's start it has
   * passed everything before `o`, so it goes on past any item with an origin.
   */
  private followsScanned(o: Y.Item, place: Place, scanned: Set<Y.Item>): boolean {
    const origin = o.origin
    if (origin === null) return false
    if (place.origin === null) return true
    // Mostly the item just passed (typing runs on from its own last letter): no search needed.
    const left = o.left
    if (left && left.id.client === origin.client && isLastOf(left, origin)) return scanned.has(left)
    const originItem = Y.getItem(this.doc.store, origin)
    return originItem instanceof Y.Item && scanned.has(originItem)
  }

  /** The update items (with their subtrees) naming the document item `item` as origin. */
  private hanging(item: Y.Item): number {
    const known = this.hung.get(item)
    if (known !== undefined) return known
    let count = 0
    for (const child of this.hangingOff.get(item) ?? []) count += this.subtree(child)
    this.hung.set(item, count)
    return count
  }

  /**
   * The document item Yjs stops at: the right neighbour when the document holds it, or when the
   * update's item there is at the same place (it lies before its own right neighbour: follow it).
   */
  private rightBound(item: Y.Item, key: string): RightBound | null {
    return this.follow<RightBound>(item, this.rightBounds, (current) => {
      const right = current.rightOrigin ? this.find(current.rightOrigin) : null
      if (!right) return null
      if (!isOwn(right)) return { item: right, id: current.rightOrigin! }
      // Not at this place: it may lie anywhere, no sure stop.
      return this.placeOf(right)?.key === key ? { next: right } : null
    })
  }

  /**
   * The type `item` goes into: the one it names, or (naming none) its neighbours', followed
   * through the update's items. Null when that depends on what the document lacks.
   */
  parentOf(item: Y.Item): Parent | null {
    return this.follow<Parent>(item, this.parents, (current) => {
      if (typeof current.parent === 'string') return { key: current.parent, type: this.doc.share.get(current.parent) ?? null, sub: current.parentSub, id: null }
      if (current.parent instanceof Y.ID) {
        const id = current.parent
        return { key: `${id.client}:${id.clock}`, type: this.typeAt(id), sub: current.parentSub, id }
      }
      const neighbour = current.origin ?? current.rightOrigin
      const next = neighbour ? this.find(neighbour) : null
      if (!next) return null
      return isOwn(next) ? { next } : this.parentInDocument(next)
    })
  }

  /**
   * Follows `step` from `item` through the update's own items until it answers (null: no
   * answer), and remembers the answer in `known` for every item on the way. A loop, which Yjs
   * never integrates, answers null.
   */
  private follow<T extends object>(item: Y.Item, known: Map<Y.Item, T | null>, step: (current: Y.Item) => T | { next: Y.Item } | null): T | null {
    let current = item
    let answer: T | null | undefined = known.get(current)
    // Made only when there is a link to follow (rarely: most answers are one step away).
    let passed: Set<Y.Item> | undefined
    while (answer === undefined) {
      const found = step(current)
      if (found === null || !('next' in found)) answer = found
      else {
        passed ??= new Set()
        passed.add(current)
        if (passed.has(found.next)) answer = null
        else {
          current = found.next
          answer = known.get(current)
        }
      }
    }
    for (const on of passed ?? []) known.set(on, answer)
    known.set(current, answer)
    return answer
  }

  private parentInDocument(item: Y.Item): Parent | null {
    const type = item.parent
    if (!(type instanceof Y.AbstractType)) return null
    const key = type._item ? `${type._item.id.client}:${type._item.id.clock}` : this.rootName(type)
    return key === undefined ? null : { key, type, sub: item.parentSub, id: type._item?.id ?? null }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types so
  private typeAt(id: Y.ID): Y.AbstractType<any> | null {
    if (Y.getState(this.doc.store, id.client) <= id.clock) return null
    const item = Y.getItem(this.doc.store, id)
    return item instanceof Y.Item && item.content instanceof Y.ContentType ? item.content.type : null
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types so
  private rootName(type: Y.AbstractType<any>): string | undefined {
    this.rootNames ??= new Map([...this.doc.share].map(([name, root]) => [root, name]))
    return this.rootNames.get(type)
  }
}

/** Where Yjs places an item: after `origin`, or (origin null) at the start of `parent`'s list or key. */
export interface Place {
  /** The same for all items Yjs places at one spot. */
  key: string
  origin: Y.ID | null
  parent: Parent | null
}

export interface Parent {
  /** A root's name, or the id of the item holding the type. */
  key: string
  /** The type in the document (null: one the update creates). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types so
  type: Y.AbstractType<any> | null
  /** The map key, for a map's value. */
  sub: string | null
  /** The id of the item holding the type (null: a root). */
  id: Y.ID | null
}

/** The document item a scan stops at, and the id inside it Yjs splits at. */
interface RightBound {
  item: Y.Item
  id: Y.ID
}

/**
 * Whether `item` is the update's, not the document's: Yjs gives an item its type when it
 * integrates it, and every item the document holds has one (a decoded item names a root, an id
 * or nothing). No set of the update's items to build and look up.
 */
function isOwn(item: Y.Item): boolean {
  return !(item.parent instanceof Y.AbstractType)
}

function isLastOf(item: Y.Item, id: Y.ID): boolean {
  return item.id.clock + item.length - 1 === id.clock
}

function sameOrigin(o: Y.Item, place: Place): boolean {
  return place.origin ? o.origin !== null && Y.compareIDs(o.origin, place.origin) : o.origin === null
}

/**
 * A start at a map key with a longer history than the walk may take: Yjs would scan all of it.
 * The app's clients always name the key's current value as the origin.
 */
class KeyHistoryTooLong extends Error {}
