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
      for (let i = 0; i < length; i++) decoding.readVarString(decoder)
      return
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder)
      return
    case 4: // string
    case 5: // embed
      decoding.readVarString(decoder)
      return
    case 6: // format
      decoding.readVarString(decoder)
      decoding.readVarString(decoder)
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
      for (let i = 0; i < length; i++) decoding.readAny(decoder)
      return
    }
    case 9: // subdocument
      decoding.readVarString(decoder)
      decoding.readAny(decoder)
      return
    default:
      throw new Error(`unknown struct content ${kind}`)
  }
}
