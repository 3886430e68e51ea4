import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { seeded, type Random } from '../../shared/doc/testing/prng.ts'

/**
 * A seeded generator of hostile y-websocket messages: random bytes, truncations, oversize
 * frames, and structurally valid messages that are wrong (updates missing their dependencies,
 * awareness states that are not objects, unknown types), plus a share of harmless valid ones so
 * connections live long enough to receive the rest.
 */
export type HostileKind =
  | 'randomBytes'
  | 'truncatedUpdate'
  | 'oversize'
  | 'missingDependencies'
  | 'badAwarenessState'
  | 'goodAwareness'
  | 'stateVectorQuery'
  | 'presenceQuery'
  | 'unknownType'
  | 'text'
  | 'smallValidUpdate'

/** Most messages are ones the server must answer; about one in eight must close the sender. */
const WEIGHTS: [HostileKind, number][] = [
  ['randomBytes', 5],
  ['truncatedUpdate', 3],
  ['oversize', 0.2],
  ['missingDependencies', 2],
  ['badAwarenessState', 1.5],
  ['goodAwareness', 20],
  ['stateVectorQuery', 25],
  ['presenceQuery', 30],
  ['unknownType', 1],
  ['text', 0.3],
  ['smallValidUpdate', 12],
]

export function hostileMessages(seed: number, maxMessageBytes: number) {
  const random = seeded(seed)
  const total = WEIGHTS.reduce((sum, [, w]) => sum + w, 0)
  const pick = (): HostileKind => {
    let roll = random.int(total * 10) / 10
    for (const [kind, weight] of WEIGHTS) {
      roll -= weight
      if (roll < 0) return kind
    }
    return 'randomBytes'
  }
  return {
    next(): { kind: HostileKind; data: Uint8Array | string } {
      const kind = pick()
      return { kind, data: make(kind, random, maxMessageBytes) }
    },
  }
}

function make(kind: HostileKind, random: Random, maxMessageBytes: number): Uint8Array | string {
  switch (kind) {
    case 'randomBytes':
      return bytes(random, 1 + random.int(300))
    case 'truncatedUpdate': {
      const frame = updateFrame(contentUpdate(random))
      return frame.subarray(0, 1 + random.int(frame.length - 1))
    }
    case 'oversize':
      return new Uint8Array(maxMessageBytes + 1 + random.int(1000))
    case 'missingDependencies':
      return updateFrame(dependentUpdate(random))
    case 'badAwarenessState':
      return awarenessFrame(random.int(2 ** 31), random.pick(['[1,2,3]', '"just a string"', '{"user":', '42']) ?? '42')
    case 'goodAwareness':
      return awarenessFrame(random.int(2 ** 31), JSON.stringify({ user: { name: `fuzz ${random.int(1000)}`, role: 'facilitator' } }))
    case 'stateVectorQuery': {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Map([[random.int(2 ** 31), random.int(1000)]])))
      return encoding.toUint8Array(encoder)
    }
    case 'presenceQuery':
      return new Uint8Array([3])
    case 'unknownType':
      return new Uint8Array([4 + random.int(90), ...bytes(random, random.int(20))])
    case 'text':
      return 'not a binary frame'
    case 'smallValidUpdate':
      return updateFrame(contentUpdate(random))
  }
}

function bytes(random: Random, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = random.int(256)
  return out
}

/** A self-contained update: a fresh client writes one small entry. */
function contentUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('signals').set(`k${random.int(50)}`, `v${random.int(1e6)}`)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The second half of a client's history, without the first: it cannot be integrated. */
function dependentUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc()
  const text = doc.getText('fuzz-text')
  text.insert(0, 'first part ')
  const before = Y.encodeStateVector(doc)
  text.insert(text.length, `second ${random.int(1000)}`)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function awarenessFrame(clientId: number, json: string): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, 1)
  encoding.writeVarString(inner, json)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
  return encoding.toUint8Array(encoder)
}
