/**
 * The one way a yield (startOrder.ts) could lose text: someone types into a start paragraph just
 * as its writer moves it, their keystrokes still on the way. The writer copied the paragraph
 * without them and deleted the original, and Yjs deletes what lands in a deleted paragraph.
 *
 * Only the typist knows what they typed, so the typist rescues it: when a remote change deletes a
 * block holding this writer's live text, `rescuesOf` reads that text (inside the observer,
 * before Yjs discards deleted content), and `applyRescues` types it again into the moved copy
 * (the live block whose `movedFrom` names the deleted one) at the same place, as plain text. A
 * copy that has not arrived yet (its update waits for others) is waited for: `applyRescues` hands
 * back what it could not place.
 */
import * as Y from 'yjs'
import { lineageOf, MOVED_FROM, START_ORDER_ORIGIN } from './startOrder'

interface Piece {
  /** Child indexes from the block down to a text node, counted in the block as it was. */
  path: number[]
  offset: number
  text: string
}

export interface Rescue {
  /** The deleted block's lineage (`lineageOf`): its copy carries it as `movedFrom`. */
  from: string
  pieces: Piece[]
}

/** Rescues waiting for a copy that may never come (a block someone simply deleted) are capped. */
const MAX_WAITING = 50

function collect(type: Pick<Y.AbstractType<unknown>, '_start'>, path: number[], client: number, wasLive: (item: Y.Item) => boolean, pieces: Piece[]): void {
  if (type instanceof Y.XmlText) {
    let offset = 0
    for (let item = type._start; item !== null; item = item.right) {
      if (!wasLive(item) || !item.countable) continue
      if (item.id.client !== client) offset += item.length
      else if (item.content instanceof Y.ContentString) {
        const last = pieces[pieces.length - 1]
        if (last && last.path.join() === path.join() && last.offset === offset) last.text += item.content.str
        else pieces.push({ path, offset, text: item.content.str })
      }
    }
    return
  }
  let index = 0
  for (let item = type._start; item !== null; item = item.right) {
    if (!wasLive(item) || !(item.content instanceof Y.ContentType)) continue
    collect(item.content.type, [...path, index], client, wasLive, pieces)
    index += 1
  }
}

/**
 * This writer's text in blocks that a remote change has just deleted. Call it from the
 * body's deep observer; it reads nothing after the observer returns.
 */
export function rescuesOf(body: Y.XmlFragment, events: readonly Y.YEvent<Y.AbstractType<unknown>>[], client: number): Rescue[] {
  const event = events.find((e) => e.target === body)
  if (!event || event.transaction.local) return []
  const { deleteSet } = event.transaction
  const wasLive = (item: Y.Item) => !item.deleted || Y.isDeleted(deleteSet, item.id)
  const rescues: Rescue[] = []
  for (const item of event.changes.deleted) {
    // Only its writer moves a block: one of this writer's own that went was deleted, not moved.
    if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlElement) || item.id.client === client) continue
    const pieces: Piece[] = []
    collect(item.content.type, [], client, wasLive, pieces)
    if (pieces.length > 0) rescues.push({ from: lineageOf(item.content.type), pieces })
  }
  return rescues
}

function textAt(block: Y.XmlElement, path: readonly number[]): Y.XmlText | null {
  let node: unknown = block
  for (const index of path) node = node instanceof Y.XmlElement ? node.get(index) : null
  if (node instanceof Y.XmlText) return node
  // The copy is shaped differently: fall back to its last text.
  let last: Y.XmlText | null = null
  for (const text of block.createTreeWalker((n) => n instanceof Y.XmlText)) last = text as Y.XmlText
  return last
}

/**
 * Types rescued text into the moved copies. Returns the rescues whose copy is not here yet.
 *
 * @example
 * pending = applyRescues(body, [...pending, ...rescuesOf(body, events, doc.clientID)])
 */
export function applyRescues(fragment: Y.XmlFragment, rescues: readonly Rescue[]): Rescue[] {
  const waiting: Rescue[] = []
  const blocks = fragment.toArray()
  const copyOf = (rescue: Rescue) => blocks.find((b): b is Y.XmlElement => b instanceof Y.XmlElement && b.getAttribute(MOVED_FROM) === (rescue.from as never))
  const ready = rescues.filter((rescue) => (copyOf(rescue) ? true : (waiting.push(rescue), false)))
  if (ready.length === 0 || !fragment.doc) return waiting.slice(-MAX_WAITING)
  fragment.doc.transact(() => {
    for (const rescue of ready) {
      const copy = copyOf(rescue)!
      // Later pieces first, so the offsets of earlier ones still hold.
      for (const piece of [...rescue.pieces].reverse()) {
        const text = textAt(copy, piece.path)
        if (text) text.insert(Math.min(piece.offset, text.length), piece.text)
        else copy.insert(copy.length, [new Y.XmlText(piece.text)])
      }
    }
  }, START_ORDER_ORIGIN)
  return waiting.slice(-MAX_WAITING)
}
