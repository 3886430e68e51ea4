import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { splitUpdate, structsInRange, type RangeTest } from '../../shared/doc/structCount.ts'
import { PARENT_ROOTS } from '../../shared/permissions.ts'
import { MessageType, UPDATE_PIECE_STRUCTS } from '../../shared/protocol.ts'

/**
 * Makes the provider send a large update as several of at most `UPDATE_PIECE_STRUCTS` structs,
 * in order. The server refuses an update over its struct limit for good (4400: its cost on the
 * server's one thread would be everyone's wait), so a browser holding more than that (an
 * afternoon offline, a pasted board) would otherwise never get it saved. Both ways a browser's
 * changes leave it are covered: each local change as it happens, and the answer to the server's
 * "what do you have that I lack" (sync step 1) when the socket opens.
 */
export function sendLargeUpdatesInPieces(provider: WebsocketProvider): void {
  const sendWhole = provider._updateHandler
  const sendInPieces = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return // what the server (or another tab) sent: nothing to send back
    for (const piece of splitUpdate(update, UPDATE_PIECE_STRUCTS, holdsParentRecord(provider.doc))) sendWhole(piece, origin)
  }
  provider.doc.off('update', sendWhole)
  // The provider unsubscribes this property on destroy, so it must name the handler in use.
  provider._updateHandler = sendInPieces
  provider.doc.on('update', sendInPieces)

  const handlers = provider.messageHandlers
  const handleSync = handlers[MessageType.sync]!
  handlers[MessageType.sync] = (encoder, decoder, p, fromSocket, messageType) => {
    // Another tab's request (over the broadcast channel, `fromSocket` false) has no limit: answered whole.
    if (!fromSocket || decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return handleSync(encoder, decoder, p, fromSocket, messageType)
    decoding.readVarUint(decoder)
    const pieces = splitUpdate(Y.encodeStateAsUpdate(p.doc, decoding.readVarUint8Array(decoder)), UPDATE_PIECE_STRUCTS, holdsParentRecord(p.doc))
    if (pieces.length === 1) {
      // The stock answer, written where y-websocket sends it from.
      encoding.writeVarUint(encoder, MessageType.sync)
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
      encoding.writeVarUint8Array(encoder, pieces[0]!)
      return
    }
    // Sent here, in order; the encoder stays empty, so y-websocket sends nothing more.
    for (const piece of pieces) {
      const message = encoding.createEncoder()
      encoding.writeVarUint(message, MessageType.sync)
      syncProtocol.writeUpdate(message, piece)
      p.ws?.send(encoding.toUint8Array(message))
    }
  }
}

/**
 * Whether a deleted range of `doc` holds a record others' records go with (a trend): sent ahead
 * of the rest when a change's deletions take several pieces, as the server lets a person delete
 * another's placement or vote only once its trend is deleted (shared/permissions.ts). Yjs merges
 * neighbouring deleted clocks into one range, so every struct of the range is looked at.
 */
export function holdsParentRecord(doc: Y.Doc): RangeTest {
  // Looked up only when a change's deletions take several pieces: every keystroke passes here.
  let parents: Set<unknown> | undefined
  return (client, clock, length) => {
    parents ??= new Set([...PARENT_ROOTS].map((root) => doc.share.get(root)).filter((type) => type !== undefined))
    if (parents.size === 0) return false
    for (const struct of structsInRange(doc, client, clock, length)) {
      if (struct instanceof Y.Item && struct.parentSub !== null && parents.has(struct.parent)) return true
    }
    return false
  }
}
