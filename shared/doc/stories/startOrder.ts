/**
 * Start order of a story body. When two people type into an empty story at the same moment, each
 * editor creates a first paragraph at index 0 of the `Y.XmlFragment`, and Yjs orders concurrent
 * inserts by client id: arbitrary. So the block that begins someone's writing in an empty story
 * carries a start stamp (`startedBy`: the Yjs client id, `startedAt`: server time in ms), and a
 * person whose start sits before an earlier start *yields*: their blocks move after the earlier
 * writer's, in one transaction.
 *
 * Why this cannot lose a character:
 * - Only the later starter moves, and only its own blocks (ties by client id), so there is no
 *   ping-pong, and a move is decided where the mover's text lives.
 * - A block moves only while every live item in it (the element, its attributes, its text and
 *   formatting) was written by the mover itself: a move is a delete + copy, and the copy holds
 *   everything the mover has. Once anyone else has typed into it, it stays where it is.
 *
 * A "run" is a stamped block and the unstamped blocks after it, up to the next stamp: the
 * paragraphs a person wrote after pressing Enter travel with their first one.
 */
import * as Y from 'yjs'

export const STARTED_BY = 'startedBy'
export const STARTED_AT = 'startedAt'
/** On a moved copy: the id of the block it copies, so text typed into that one finds its way here. */
export const MOVED_FROM = 'movedFrom'

/**
 * Which block a block was first (its Yjs id as "client:clock"), the same for all the copies a
 * block goes through as it moves. Reads the attribute even from a block deleted in this very
 * transaction (Yjs has not discarded it yet), as the rescue needs.
 */
export function lineageOf(block: Y.XmlElement): string {
  const movedFrom = block._map.get(MOVED_FROM)
  const value: unknown = movedFrom?.content.getContent()[movedFrom.length - 1]
  return typeof value === 'string' ? value : `${block._item!.id.client}:${block._item!.id.clock}`
}

/** The origin of a yield: this writer's own change (unsaved until the server has it). */
export const START_ORDER_ORIGIN: unique symbol = Symbol('signals-to-stories/story-start-order')

interface Start {
  by: number
  at: number
}

interface Run {
  /** Index of the stamped block in the fragment. */
  index: number
  /** Blocks in the run, the stamped one included. */
  count: number
  start: Start
}

/** A yield that happened: `count` blocks moved from index `from` to index `to` (after the move). */
export interface StartMove {
  from: number
  to: number
  count: number
}

function startOf(block: unknown): Start | null {
  if (!(block instanceof Y.XmlElement)) return null
  const by: unknown = block.getAttribute(STARTED_BY)
  const at: unknown = block.getAttribute(STARTED_AT)
  return typeof by === 'number' && typeof at === 'number' && Number.isFinite(by) && Number.isFinite(at) ? { by, at } : null
}

/** Earlier start first; the same millisecond is broken by client id. */
const startsBefore = (a: Start, b: Start) => a.at < b.at || (a.at === b.at && a.by < b.by)

function runsOf(blocks: readonly unknown[]): Run[] {
  const runs: Run[] = []
  blocks.forEach((block, index) => {
    const start = startOf(block)
    if (start) runs.push({ index, count: 1, start })
    else if (runs.length > 0) (runs[runs.length - 1] as Run).count += 1
  })
  return runs
}

/** What the walk reads of a Yjs type: the item that holds it, its attributes and its children. */
type YNode = Pick<Y.AbstractType<unknown>, '_item' | '_map' | '_start'>

/** Whether every live part of `type` (itself, attributes, children, text) was written by `client`. */
function writtenOnlyBy(type: YNode, client: number): boolean {
  if (type._item && type._item.id.client !== client) return false
  for (const item of type._map.values()) {
    if (!item.deleted && item.id.client !== client) return false
  }
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue
    if (item.id.client !== client) return false
    if (item.content instanceof Y.ContentType && !writtenOnlyBy(item.content.type, client)) return false
  }
  return true
}

/** The first of `client`'s runs that sits before an earlier start, and where it should go. */
function nextYield(fragment: Y.XmlFragment, client: number): { run: Run; before: number } | null {
  const blocks = fragment.toArray()
  const runs = runsOf(blocks)
  for (const run of runs) {
    if (run.start.by !== client) continue
    const earlierAfter = runs.filter((other) => other.index > run.index && startsBefore(other.start, run.start))
    const last = earlierAfter[earlierAfter.length - 1]
    if (!last) continue
    // The stamped block and the blocks after it that are all this writer's own travel together; a
    // block someone else wrote (or wrote into) stays, and so does everything after it.
    const own = blocks.slice(run.index, run.index + run.count).findIndex((block) => !writtenOnlyBy(block as Y.XmlElement, client))
    if (own !== 0) return { run: { ...run, count: own === -1 ? run.count : own }, before: last.index + last.count }
  }
  return null
}

/**
 * Moves this writer's start runs after any earlier start they precede, when the runs hold only
 * this writer's own text. Call it after every remote change to the body; it does nothing (and
 * writes nothing) when the order is already right.
 *
 * @returns the moves made, so the editor can keep the caret in the moved text.
 * @example
 * const moves = yieldStarts(body) // [] almost always
 */
export function yieldStarts(fragment: Y.XmlFragment): StartMove[] {
  const doc = fragment.doc
  if (!doc) return []
  const moves: StartMove[] = []
  // Each move puts one run after every earlier start: at most one move per run of this writer.
  for (let next = nextYield(fragment, doc.clientID); next !== null; next = nextYield(fragment, doc.clientID)) {
    const { run, before } = next
    doc.transact(() => {
      const copies = fragment.slice(run.index, run.index + run.count).map((block) => {
        const copy = (block as Y.XmlElement).clone()
        copy.setAttribute(MOVED_FROM, lineageOf(block as Y.XmlElement) as never)
        return copy
      })
      fragment.insert(before, copies)
      fragment.delete(run.index, run.count)
    }, START_ORDER_ORIGIN)
    moves.push({ from: run.index, to: before - run.count, count: run.count })
  }
  return moves
}

/**
 * Whether a change to the body brought a start from someone else: their first block, one they
 * moved, or a stamp put on a block later (a phone stamps when the keyboard finishes a word). The
 * moment to `yieldStarts`. Give it the events of the body's deep observer, read inside it (Yjs
 * computes changes lazily).
 */
export function bringsStart(body: Y.XmlFragment, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): boolean {
  for (const event of events) {
    if (event.transaction.local) return false
    if (event.target === body) {
      for (const item of event.changes.added) {
        if (item.content instanceof Y.ContentType && startOf(item.content.type)) return true
      }
    } else if (
      event.target.parent === body &&
      event instanceof Y.YXmlEvent &&
      (event.attributesChanged.has(STARTED_BY) || event.attributesChanged.has(STARTED_AT)) &&
      startOf(event.target)
    ) {
      return true
    }
  }
  return false
}

/** The stamp for the first block of a story this writer starts. */
export function startStamp(clientID: number, now: number): Record<typeof STARTED_BY | typeof STARTED_AT, number> {
  return { [STARTED_BY]: clientID, [STARTED_AT]: now }
}
