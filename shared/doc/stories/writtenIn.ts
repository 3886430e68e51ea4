/**
 * Which stories a transaction wrote in: its body (the text), its record (title, sources) or its
 * persona. Read from the types the transaction changed, so it also names a story the transaction
 * deleted text from, or created.
 */
import * as Y from 'yjs'
import { boardCollection, storyBodiesRoot } from '../roots'

/** The key under `root` of the entry that holds `type` (`type` itself or a type inside it), else null. */
function keyUnder(root: object, type: Pick<Y.AbstractType<unknown>, '_item'>): string | null {
  let item = type._item
  while (item !== null) {
    if (item.parent === root) return item.parentSub
    item = (item.parent as Y.AbstractType<unknown>)._item
  }
  return null
}

/** The ids of the stories `transaction` changed anything of (call it from `afterTransaction`). */
export function storiesWrittenIn(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const bodies = storyBodiesRoot(doc)
  const stories = boardCollection(doc, 'stories')
  const personas = boardCollection(doc, 'personas')
  const written = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    // A change to a root itself (a story added or removed) names its entries in `keys`.
    const roots = (type as object) === bodies || (type as object) === stories ? [...keys].filter((key): key is string => key !== null) : []
    for (const key of roots) written.add(key)
    const story = keyUnder(bodies, type) ?? keyUnder(stories, type)
    if (story !== null) written.add(story)
    const persona = keyUnder(personas, type)
    const record = persona === null ? undefined : personas.get(persona)
    const of = record instanceof Y.Map ? record.get('storyId') : undefined
    if (typeof of === 'string') written.add(of)
  }
  return written
}
