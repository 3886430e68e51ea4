import * as decoding from 'lib0/decoding'

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
