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
 * by the same layout Yjs reads (yjs/src/utils/encoding.js, readClientsStructRefs).
 */
export function countStructs(update: Uint8Array, cap: number): number {
  const decoder = decoding.createDecoder(update)
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
 * `update` as consecutive updates of at most `maxStructs` structs each, for a server that admits
 * no more in one message (MAX_STRUCTS_PER_UPDATE). Each client's structs are cut into runs, a run
 * headed by its first clock: the struct bytes are copied as they are (a v1 struct names its
 * neighbours and parent in full, only its own clock is implied by its place in the run). The
 * deletions go with the last piece. Applied in order, the pieces make the same document as
 * `update`: a browser's own changes build only on earlier ones of its own, and on what the server
 * has. An update within the limit is returned as it is, after reading at most its headers.
 *
 * A piece ends, where it can, before a new entry of a root (a card, a vote, a trend: a struct
 * with no neighbour whose parent is a root): a record made in one change arrives in one piece,
 * as the server's rules about records read it (a record someone else holds is theirs; a new one
 * is its writer's). Only a run of over `maxStructs` structs with no such entry is cut inside.
 */
export function splitUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  if (update.byteLength <= maxStructs || countStructs(update, maxStructs) <= maxStructs) return [update]
  // Where each struct starts is read here; its clock (a string's length counts UTF-16 units) from Yjs.
  const clocks = Y.decodeUpdate(update).structs.map((struct) => struct.id.clock)
  const decoder = decoding.createDecoder(update)
  const structs: { client: number; from: number; to: number; startsEntry: boolean }[] = []
  const sections = decoding.readVarUint(decoder)
  for (let s = 0; s < sections; s++) {
    const count = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder) // the first clock, which `clocks` holds
    for (let i = 0; i < count; i++) {
      const from = decoder.pos
      skipStruct(decoder)
      structs.push({ client, from, to: decoder.pos, startsEntry: i === 0 || startsRootEntry(update, from) })
    }
  }
  const deletions = update.subarray(decoder.pos)
  const pieces: Uint8Array[] = []
  for (let start = 0; start < structs.length;) {
    let end = Math.min(start + maxStructs, structs.length)
    if (end < structs.length) {
      let cut = end
      while (cut > start + 1 && !structs[cut]!.startsEntry) cut--
      if (structs[cut]!.startsEntry) end = cut
    }
    pieces.push(encodePiece(update, structs, clocks, start, end, end === structs.length ? deletions : NO_DELETIONS))
    start = end
  }
  return pieces
}

const NO_DELETIONS = new Uint8Array([0])

/** Structs `start` to `end` (exclusive) of `update` as one update: a run per client, each headed by its first clock. */
function encodePiece(
  update: Uint8Array,
  structs: readonly { client: number; from: number; to: number }[],
  clocks: readonly number[],
  start: number,
  end: number,
  deletions: Uint8Array,
): Uint8Array {
  const runs: { client: number; clock: number; count: number; from: number; to: number }[] = []
  for (let i = start; i < end; i++) {
    const { client, from, to } = structs[i]!
    const run = runs[runs.length - 1]
    if (run?.client === client) {
      run.count++
      run.to = to
    } else runs.push({ client, clock: clocks[i]!, count: 1, from, to })
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, runs.length)
  for (const { client, clock, count, from, to } of runs) {
    encoding.writeVarUint(encoder, count)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
    encoding.writeUint8Array(encoder, update.subarray(from, to))
  }
  encoding.writeUint8Array(encoder, deletions)
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
