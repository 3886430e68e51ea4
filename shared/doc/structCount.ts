import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * How many structs a Yjs (v1) update declares, read from its headers and stopping as soon as the
 * count passes `cap`: a check that costs at most `cap` structs of reading, however large the
 * update. Decoding it fully (Y.decodeUpdate) would cost seconds for a few megabytes of tiny items.
 * Throws on bytes that are not an update, as Yjs would.
 *
 * Each client's section starts with its number of structs; the structs themselves are skipped
 * by the same layout Yjs reads (yjs/src/utils/encoding.js, readClientsStructRefs). A `decoder`
 * given is left where the deletions start, once every struct is counted.
 */
export function countStructs(update: Uint8Array, cap: number, decoder = decoding.createDecoder(update)): number {
  const sections = decoding.readVarUint(decoder)
  let total = 0
  for (let s = 0; s < sections; s++) {
    const structs = decoding.readVarUint(decoder)
    total += structs
    if (total > cap) return total
    decoding.readVarUint(decoder) // client
    decoding.readVarUint(decoder) // clock
    for (let i = 0; i < structs; i++) skipStruct(decoder)
  }
  return total
}

/**
 * `update` as consecutive updates of at most `maxStructs` structs and `maxStructs` deleted ranges
 * each, for a server that admits no more in one message (MAX_STRUCTS_PER_UPDATE, and a person's
 * writing allowance, which counts each cut a deleted range makes, two at most). The struct bytes
 * are copied as they are (a v1 struct names its neighbours and parent in full; only its clock is
 * implied, by its place in its client's run, which each piece heads with the run's first clock).
 * The deletions go with the last piece (they may delete the update's own structs, and the server
 * lets a person delete another's record only with the record it hangs on, in one update); past
 * `maxStructs` ranges (a change deleting in hundreds of places) the rest follow in pieces of
 * their own, the ranges `deletedFirst` names (records others' records go with: a trend, whose
 * placements and votes may be deleted only once it is) ahead of the rest. An update within the
 * limits is returned as it is.
 *
 * Applied in order, the pieces make the same document as `update`, and none waits on a later one:
 * each struct comes after everything of the update it builds on (its client's earlier structs, its
 * neighbours, its parent). Yjs writes clients by descending id, so work of two sessions of one
 * browser (or two tabs offline) in that order would send a piece ahead of what it needs; the
 * server keeps only a little of that waiting, and refuses the rest.
 *
 * A piece ends, where it can, before a new entry of a root (a card, a vote, a trend: a struct
 * with no neighbour whose parent is a root): a record made in one change arrives in one piece,
 * as the server's rules about records read it (a record someone else holds is theirs; a new one
 * is its writer's). Only a run of over `maxStructs` structs with no such entry is cut inside.
 */
export function splitUpdate(update: Uint8Array, maxStructs: number, deletedFirst: RangeTest = () => false): Uint8Array[] {
  // Every struct takes at least a byte, every deleted range two: a short update is within both.
  if (update.byteLength <= maxStructs) return [update]
  const decoder = decoding.createDecoder(update)
  const structCount = countStructs(update, Number.POSITIVE_INFINITY, decoder)
  const deletionsAt = decoder.pos
  const deletions = readDeletions(decoder)
  const ranges = deletions.reduce((sum, [, clientRanges]) => sum + clientRanges.length, 0)
  if (structCount <= maxStructs && ranges <= maxStructs) return [update]
  const structParts = structCount === 0 ? [] : structCount <= maxStructs ? [update.subarray(0, deletionsAt)] : structPieces(update, maxStructs)
  const sets = deleteSets(deletions, maxStructs, deletedFirst)
  // The first delete set goes with the last structs, as in the whole update; the rest on their own.
  const withStructs = structParts.length > 0 ? sets.shift() : undefined
  const pieces = structParts.map((part, i) => concat(part, i === structParts.length - 1 && withStructs ? withStructs : NO_DELETIONS))
  for (const set of sets) pieces.push(concat(NO_STRUCTS, set))
  return pieces
}

/** The update's structs in pieces of at most `maxStructs`, each without a delete set (see splitUpdate). */
function structPieces(update: Uint8Array, maxStructs: number): Uint8Array[] {
  // Where each struct starts is read here; its clock (a string's length counts UTF-16 units) and
  // what it names, from Yjs.
  const decoded = Y.decodeUpdate(update).structs
  const decoder = decoding.createDecoder(update)
  const structs: PieceStruct[] = []
  const sections = decoding.readVarUint(decoder)
  for (let s = 0, index = 0; s < sections; s++) {
    const count = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // the first clock, which Yjs decoded
    for (let i = 0; i < count; i++, index++) {
      const from = decoder.pos
      skipStruct(decoder)
      structs.push({ client, clock: decoded[index]!.id.clock, from, to: decoder.pos, startsEntry: startsRootEntry(update, from) })
    }
  }
  const order = dependencyOrder(decoded)
  const pieces: Uint8Array[] = []
  for (let start = 0; start < order.length;) {
    let end = Math.min(start + maxStructs, order.length)
    if (end < order.length) {
      let cut = end
      while (cut > start + 1 && !structs[order[cut]!]!.startsEntry) cut--
      if (structs[order[cut]!]!.startsEntry) end = cut
    }
    pieces.push(encodePiece(update, structs, order.slice(start, end)))
    start = end
  }
  return pieces
}

/** A delete set as Yjs writes it (v1): each client's deleted ranges, `[clock, length]`. */
type Deletions = [client: number, ranges: [clock: number, length: number][]][]

/** Reads the delete set where `decoder` stands (after an update's structs). */
function readDeletions(decoder: decoding.Decoder): Deletions {
  const deletions: Deletions = []
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(decoder)
    const count = decoding.readVarUint(decoder)
    const ranges: [number, number][] = []
    for (let r = 0; r < count; r++) ranges.push([decoding.readVarUint(decoder), decoding.readVarUint(decoder)])
    deletions.push([client, ranges])
  }
  return deletions
}

/**
 * The deletions as encoded delete sets of at most `maxRanges` ranges each (none for none), the
 * ranges `first` names ahead of the others; each set holds its clients' ranges in clock order.
 */
function deleteSets(deletions: Deletions, maxRanges: number, first: RangeTest): Uint8Array[] {
  const ahead: [number, number, number][] = []
  const behind: [number, number, number][] = []
  for (const [client, ranges] of deletions) for (const [clock, length] of ranges) (first(client, clock, length) ? ahead : behind).push([client, clock, length])
  const all = [...ahead, ...behind]
  const sets: Uint8Array[] = []
  for (let start = 0; start < all.length; start += maxRanges) {
    const byClient = new Map<number, [number, number][]>()
    for (const [client, clock, length] of all.slice(start, start + maxRanges)) {
      const ranges = byClient.get(client)
      if (ranges) ranges.push([clock, length])
      else byClient.set(client, [[clock, length]])
    }
    for (const ranges of byClient.values()) ranges.sort((a, b) => a[0] - b[0])
    const encoder = encoding.createEncoder()
    writeDeletions(encoder, [...byClient])
    sets.push(encoding.toUint8Array(encoder))
  }
  return sets
}

function writeDeletions(encoder: encoding.Encoder, deletions: Deletions): void {
  encoding.writeVarUint(encoder, deletions.length)
  for (const [client, ranges] of deletions) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint(encoder, length)
    }
  }
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const whole = new Uint8Array(first.byteLength + second.byteLength)
  whole.set(first)
  whole.set(second, first.byteLength)
  return whole
}

/** A test of a deleted range: `length` clocks of `client` from `clock`. */
export type RangeTest = (client: number, clock: number, length: number) => boolean

/** The structs of `client` in `doc` holding any of the `length` clocks from `clock`, in clock order. */
export function* structsInRange(doc: Y.Doc, client: number, clock: number, length: number): Generator<Y.Item | Y.GC> {
  const structs = doc.store.clients.get(client)
  if (!structs || Y.getState(doc.store, client) <= clock) return
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + length; i++) yield structs[i]!
}

interface PieceStruct {
  client: number
  clock: number
  /** Its bytes in the update. */
  from: number
  to: number
  startsEntry: boolean
}

/** An update's struct section with no clients, and a delete set with none. */
const NO_STRUCTS = new Uint8Array([0])
const NO_DELETIONS = new Uint8Array([0])

/**
 * The structs' indices, each after every struct of the update it builds on: its client's previous
 * one, its origin, right origin and parent item (what the server has already is no constraint).
 * Depth first, so one client's structs stay together; in the order given when there is nothing
 * to reorder, or (never from Yjs) when the constraints go round in a circle.
 */
function dependencyOrder(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): number[] {
  const byClient = new Map<number, number[]>()
  structs.forEach((struct, i) => {
    const list = byClient.get(struct.id.client)
    if (list) list.push(i)
    else byClient.set(struct.id.client, [i])
  })
  const indexOf = (id: Y.ID | null): number | undefined => {
    const list = id ? byClient.get(id.client) : undefined
    if (!id || !list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const struct = structs[list[mid]!]!
      if (id.clock < struct.id.clock) high = mid - 1
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1
      else return list[mid]
    }
    return undefined
  }
  const dependents: number[][] = structs.map(() => [])
  const waitingOn = new Array<number>(structs.length).fill(0)
  let crossClient = false
  for (const list of byClient.values())
    list.forEach((i, at) => {
      const struct = structs[i]!
      const needs = new Set<number>(at > 0 ? [list[at - 1]!] : [])
      if (struct instanceof Y.Item)
        for (const id of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null]) {
          const need = indexOf(id)
          if (need === undefined || need === i) continue
          needs.add(need)
          if (structs[need]!.id.client !== struct.id.client) crossClient = true
        }
      for (const need of needs) dependents[need]!.push(i)
      waitingOn[i] = needs.size
    })
  const inOrder = structs.map((_, i) => i)
  if (!crossClient) return inOrder
  const ready = inOrder.filter((i) => waitingOn[i] === 0).reverse()
  const order: number[] = []
  while (ready.length > 0) {
    const i = ready.pop()!
    order.push(i)
    for (const next of dependents[i]!) if (--waitingOn[next]! === 0) ready.push(next)
  }
  return order.length === structs.length ? order : inOrder
}

/** The structs at `indices` (each client's a run of its clocks): an update's struct section. */
function encodePiece(update: Uint8Array, structs: readonly PieceStruct[], indices: readonly number[]): Uint8Array {
  const runs = new Map<number, { first: number; last: number; count: number }>()
  for (const i of indices) {
    const client = structs[i]!.client
    const run = runs.get(client)
    if (run) {
      run.first = Math.min(run.first, i)
      run.last = Math.max(run.last, i)
      run.count++
    } else runs.set(client, { first: i, last: i, count: 1 })
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, runs.size)
  for (const [client, { first, last, count }] of runs) {
    encoding.writeVarUint(encoder, count)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, structs[first]!.clock)
    encoding.writeUint8Array(encoder, update.subarray(structs[first]!.from, structs[last]!.to))
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Whether the struct at `at` is an item naming no neighbour whose parent is a root (by name): a
 * new entry of a root map, or the first item of a root list. Its info byte says there is no
 * origin (bits 8, 7) and it is no GC or Skip; the parent info that follows is 1 for a root's name.
 */
function startsRootEntry(update: Uint8Array, at: number): boolean {
  const info = update[at]!
  const kind = info & BITS5
  return kind !== 0 && kind !== 10 && (info & 192) === 0 && update[at + 1] === 1
}

const BITS5 = 31

function skipStruct(decoder: decoding.Decoder): void {
  const info = decoding.readUint8(decoder)
  const kind = info & BITS5
  if (kind === 0 || kind === 10) {
    decoding.readVarUint(decoder) // GC or Skip: length
    return
  }
  const hasOrigin = (info & 128) !== 0
  const hasRightOrigin = (info & 64) !== 0
  if (hasOrigin) skipId(decoder)
  if (hasRightOrigin) skipId(decoder)
  if (!hasOrigin && !hasRightOrigin) {
    if (decoding.readVarUint(decoder) === 1)
      decoding.readVarString(decoder) // root name
    else skipId(decoder) // parent item
    if ((info & 32) !== 0) decoding.readVarString(decoder) // map key
  }
  skipContent(decoder, kind)
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
}

function skipContent(decoder: decoding.Decoder, kind: number): void {
  switch (kind) {
    case 1: // deleted
      decoding.readVarUint(decoder)
      return
    case 2: {
      // JSON
      const length = decoding.readVarUint(decoder)
      for (let i = 0; i < length; i++) skipBytes(decoder)
      return
    }
    case 3: // binary
    case 4: // string
    case 5: // embed
      skipBytes(decoder)
      return
    case 6: // format
      skipBytes(decoder)
      skipBytes(decoder)
      return
    case 7: {
      // type: XmlElement (3) and XmlHook (5) carry a name
      const typeRef = decoding.readVarUint(decoder)
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder)
      return
    }
    case 8: {
      // any
      const length = decoding.readVarUint(decoder)
      for (let i = 0; i < length; i++) skipAny(decoder)
      return
    }
    case 9: // subdocument
      skipBytes(decoder)
      skipAny(decoder)
      return
    default:
      throw new Error(`unknown struct content ${kind}`)
  }
}

/**
 * Skips a length-prefixed string or byte array without decoding it: a 5 MB board is mostly card
 * text, and decoding it here only to count structs doubled the guard's cost on loads.
 */
function skipBytes(decoder: decoding.Decoder): void {
  const length = decoding.readVarUint(decoder)
  if (decoder.pos + length > decoder.arr.length) throw new Error('Unexpected end of array')
  decoder.pos += length
}

/** Skips one value of lib0's `writeAny` encoding (its type tags, lib0/encoding.js). */
function skipAny(decoder: decoding.Decoder): void {
  const tag = decoding.readUint8(decoder)
  switch (tag) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return
    case 125: // integer
      decoding.readVarInt(decoder)
      return
    case 124: // float32
      decoding.readFloat32(decoder)
      return
    case 123: // float64
      decoding.readFloat64(decoder)
      return
    case 122: // bigint64
      decoding.readBigInt64(decoder)
      return
    case 119: // string
    case 116: // Uint8Array
      skipBytes(decoder)
      return
    case 118: {
      // object: key, value pairs
      const length = decoding.readVarUint(decoder)
      for (let i = 0; i < length; i++) {
        skipBytes(decoder)
        skipAny(decoder)
      }
      return
    }
    case 117: {
      const length = decoding.readVarUint(decoder)
      for (let i = 0; i < length; i++) skipAny(decoder)
      return
    }
    default:
      throw new Error(`unknown value type ${tag}`)
  }
}
