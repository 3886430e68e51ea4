import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'
import * as Y from 'yjs'
import { MessageType, type ServerNotice } from '../../shared/protocol.ts'

/** Encoders for every message the server sends; each builds one frame. */

/** Sync step 1: the state vector the client should answer with what we lack. */
export function syncStep1Of(stateVector: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep1, stateVector)
}

export function syncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Sync step 2 carrying an update already encoded (the whole state, for a client with nothing). */
export function syncStep2Of(update: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep2, update)
}

function syncMessage(kind: number, bytes: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, kind)
  encoding.writeVarUint8Array(encoder, bytes)
  return encoding.toUint8Array(encoder)
}

/**
 * `syncStep2Of(update)` written into the bytes just before `update` in its own buffer (the load
 * pool leaves `ANSWER_HEADROOM` there): the same message without copying a 5 MB state. The bytes
 * before `update` must be free; without room for the header it is copied as usual.
 */
export function syncStep2InHeadroom(update: Uint8Array): Uint8Array {
  const header = encoding.createEncoder()
  encoding.writeVarUint(header, MessageType.sync)
  encoding.writeVarUint(header, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint(header, update.byteLength)
  const head = encoding.toUint8Array(header)
  if (update.byteOffset < head.byteLength) return syncStep2Of(update)
  const message = new Uint8Array(update.buffer, update.byteOffset - head.byteLength, head.byteLength + update.byteLength)
  message.set(head)
  return message
}

/** The update a sync step 2 message carries, as a view of its bytes (no copy). */
export function updateOfSyncStep2(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== MessageType.sync || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) {
    throw new Error('not a sync step 2 message')
  }
  return decoding.readVarUint8Array(decoder)
}

/**
 * What comes before `update` in a sync update message (the message type, the step, the length):
 * a broadcast frames it and the update together (Room.broadcastUpdate).
 */
export function syncUpdateHeader(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate)
  encoding.writeVarUint(encoder, update.byteLength)
  return encoding.toUint8Array(encoder)
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function permissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** Extension: everything up to this state vector (of a document, by default) is stored durably. */
export function savedMessage(stored: Y.Doc | Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.saved)
  encoding.writeVarUint8Array(encoder, stored instanceof Uint8Array ? stored : Y.encodeStateVector(stored))
  return encoding.toUint8Array(encoder)
}

/** Extension: a JSON notice the client can show (a refused write, the store failing). */
export function noticeMessage(notice: ServerNotice): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.notice)
  encoding.writeVarString(encoder, JSON.stringify(notice))
  return encoding.toUint8Array(encoder)
}

/** Extension: the generation of the board this connection syncs (see GENERATION_SUBPROTOCOL_PREFIX). */
export function generationMessage(generation: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.generation)
  encoding.writeVarUint(encoder, generation)
  return encoding.toUint8Array(encoder)
}
