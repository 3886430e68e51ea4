/**
 * A story body as it was just before a remote change deleted it, copied so it can be brought
 * back. Someone deletes a story while a co-writer's words are still on their way (offline, or a
 * moment behind): wherever those words arrive, Yjs drops them with the deleted body, and undo on
 * the deleter's side brings the story back without them. Only the co-writer's device holds them,
 * so it copies the body as its deletion arrives, from the body's parent's observer, before Yjs
 * discards deleted content at the end of the transaction (see yieldRescue.ts for the same).
 *
 * The copy keeps paragraphs, their attributes, formatting and inline nodes (citation chips): what
 * the editor shows is what comes back. It is a new, unattached type, added to the board later
 * (`createStory`'s `body`) or never.
 */
import * as Y from 'yjs'
import { STORY_NODES } from '../../schema/storyBody'
import { storyBodiesRoot } from '../roots'

/** What a copy reads: items live before the transaction, and a count of what it copied. */
interface Copying {
  wasLive(item: Y.Item): boolean
  /** Characters and inline nodes (chips) copied: an empty body is nothing to bring back. */
  size: number
}

/** The value an item of a map holds (the last of its content). */
const valueOf = (item: Y.Item): unknown => {
  const content = item.content.getContent()
  return content[content.length - 1]
}

function copyText(text: Y.XmlText, copying: Copying): Y.XmlText {
  const delta: { insert: string | object; attributes?: Record<string, unknown> }[] = []
  const attributes = new Map<string, unknown>()
  const current = () => (attributes.size === 0 ? {} : { attributes: Object.fromEntries(attributes) })
  for (let item = text._start; item !== null; item = item.right) {
    if (!copying.wasLive(item)) continue
    const { content } = item
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) attributes.delete(content.key)
      else attributes.set(content.key, content.value)
    } else if (content instanceof Y.ContentString) {
      delta.push({ insert: content.str, ...current() })
      copying.size += content.str.length
    } else if (content instanceof Y.ContentEmbed) {
      delta.push({ insert: content.embed as object, ...current() })
      copying.size += 1
    }
  }
  const copy = new Y.XmlText()
  copy.applyDelta(delta)
  return copy
}

function copyElement(element: Y.XmlElement, copying: Copying): Y.XmlElement {
  const copy = new Y.XmlElement(element.nodeName)
  for (const [name, item] of element._map) if (copying.wasLive(item)) copy.setAttribute(name, valueOf(item) as string)
  if (element.nodeName === STORY_NODES.citation) copying.size += 1
  copy.insert(0, copyChildren(element, copying))
  return copy
}

function copyChildren(parent: Y.XmlFragment | Y.XmlElement, copying: Copying): (Y.XmlElement | Y.XmlText)[] {
  const children: (Y.XmlElement | Y.XmlText)[] = []
  for (let item = parent._start; item !== null; item = item.right) {
    if (!copying.wasLive(item) || !(item.content instanceof Y.ContentType)) continue
    const { type } = item.content
    if (type instanceof Y.XmlElement) children.push(copyElement(type, copying))
    else if (type instanceof Y.XmlText) children.push(copyText(type, copying))
  }
  return children
}

/**
 * A copy of `body` as it read before `transaction`, which deleted it, and how much it holds
 * (`size`: characters and chips). Call it while the transaction's observers run; afterwards the
 * deleted text is gone.
 */
export function copyOfDeletedBody(body: Y.XmlFragment, transaction: Y.Transaction): { body: Y.XmlFragment; size: number } {
  const copying: Copying = { wasLive: (item) => !item.deleted || Y.isDeleted(transaction.deleteSet, item.id), size: 0 }
  const copy = new Y.XmlFragment()
  copy.insert(0, copyChildren(body, copying))
  return { body: copy, size: copying.size }
}

/**
 * Calls `onDeleted` with the story's id and a copy of its body when a change from elsewhere
 * deletes a story `wanted` names (this device's own deletion is its to undo); returns the
 * unsubscribe. Only those are copied: a deletion of stories this device never wrote in (a
 * facilitator clearing the board, a history restore) costs sixty phones nothing.
 */
export function watchStoryDeletions(
  doc: Y.Doc,
  wanted: (storyId: string) => boolean,
  onDeleted: (storyId: string, copy: { body: Y.XmlFragment; size: number }) => void,
): () => void {
  const bodies = storyBodiesRoot(doc)
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.local) return
    for (const [storyId, change] of event.changes.keys) {
      if (change.action !== 'delete' || !(change.oldValue instanceof Y.XmlFragment) || !wanted(storyId)) continue
      onDeleted(storyId, copyOfDeletedBody(change.oldValue, transaction))
    }
  }
  bodies.observe(observer)
  return () => bodies.unobserve(observer)
}

/**
 * Calls `onDeleted` with a copy of the story's body when a change from elsewhere deletes it
 * (this device's own deletion is its to undo); returns the unsubscribe.
 */
export function watchStoryDeletion(doc: Y.Doc, storyId: string, onDeleted: (copy: { body: Y.XmlFragment; size: number }) => void): () => void {
  return watchStoryDeletions(
    doc,
    (deletedId) => deletedId === storyId,
    (_, copy) => onDeleted(copy),
  )
}
