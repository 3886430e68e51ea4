import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MessageType } from '../../../shared/protocol.ts'

/** Wraps a Yjs update as a y-websocket "update" message. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** y-websocket sync step 1 with an empty state vector: "send me everything". */
export function syncStep1Message(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(encoder)
}

export function queryAwarenessMessage(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.queryAwareness)
  return encoding.toUint8Array(encoder)
}

export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}

/**
 * Finding 1: `writers` clients (each its own client id) all set the same key of an existing map at
 * once. Yjs orders concurrent siblings by scanning all of them for each one: quadratic.
 * `firstClient` lets a second bomb add to the same position.
 */
export function siblingBomb(writers: number, firstClient = 1_000_000, root = 'signals', key = 'k'): Uint8Array {
  const updates: Uint8Array[] = []
  for (let i = 0; i < writers; i++) {
    const doc = new Y.Doc()
    doc.clientID = firstClient + i
    doc.getMap(root).set(key, i)
    updates.push(Y.encodeStateAsUpdate(doc))
    doc.destroy()
  }
  return Y.mergeUpdates(updates)
}

/**
 * The same shape as `siblingBomb`, encoded directly (Yjs update v1: one section per client, each
 * one struct setting `root.k`), so that the probe's megabyte-sized bombs take milliseconds to build.
 */
export function rawSiblingBomb(writers: number, firstClient = 1_000_000, root = 'signals'): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, writers)
  for (let i = 0; i < writers; i++) {
    encoding.writeVarUint(encoder, 1) // structs in this section
    encoding.writeVarUint(encoder, firstClient + i)
    encoding.writeVarUint(encoder, 0) // clock
    encoding.writeUint8(encoder, 8 | 32) // ContentAny, with a map key, no origins
    encoding.writeVarUint(encoder, 1) // parent is a root, by name
    encoding.writeVarString(encoder, root)
    encoding.writeVarString(encoder, 'k')
    encoding.writeVarUint(encoder, 1) // one value
    encoding.writeAny(encoder, i)
  }
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}

/**
 * Stays under the stored-log guard (at most `writers` ≤ 400 at one position) yet takes long to
 * apply: `keys` positions, each set by `writers` invented clients at once (`writers`²/2 scan
 * steps each). What a load's time budget exists for: cost the guard does not see.
 */
export function slowButAdmissible(writers: number, keys: number, root = 'signals'): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, writers)
  for (let i = 0; i < writers; i++) {
    encoding.writeVarUint(encoder, keys)
    encoding.writeVarUint(encoder, 3_000_000 + i)
    encoding.writeVarUint(encoder, 0) // first clock; each key takes the next
    for (let key = 0; key < keys; key++) {
      encoding.writeUint8(encoder, 8 | 32)
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, root)
      encoding.writeVarString(encoder, `slow-${key}`)
      encoding.writeVarUint(encoder, 1)
      encoding.writeAny(encoder, i)
    }
  }
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** An update that depends on a change nobody has (client 7's first 1000 clocks are missing). */
export function orphanUpdate(): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 7
  const map = doc.getMap('signals')
  map.set('a', 1)
  const before = Y.encodeStateVector(doc)
  map.set('b', 2)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

/** A board update of `count` tiny map entries (the import bomb's shape). */
export function manyTinyItems(count: number, root = 'signals'): Uint8Array {
  const doc = new Y.Doc()
  const map = doc.getMap(root)
  doc.transact(() => {
    for (let i = 0; i < count; i++) map.set(String(i), i)
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
