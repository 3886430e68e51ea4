import * as Y from 'yjs'

/** An update's items by client, in clock order (as decoded), for `findStruct`. */
export function itemsByClient(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = byClient.get(struct.id.client)
    if (list) list.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  return byClient
}

/**
 * The item holding `id`: the document's when it holds that clock (Yjs skips what it holds
 * already, whatever the update says), else the update's (binary search); null when neither has it.
 */
export function findStruct(doc: Y.Doc, update: ReadonlyMap<number, Y.Item[]>, id: Y.ID): Y.Item | null {
  if (Y.getState(doc.store, id.client) > id.clock) {
    const found = Y.getItem(doc.store, id)
    return found instanceof Y.Item ? found : null
  }
  const list = update.get(id.client)
  if (!list) return null
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const struct = list[mid]!
    if (id.clock < struct.id.clock) high = mid - 1
    else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
    else return struct
  }
  return null
}
