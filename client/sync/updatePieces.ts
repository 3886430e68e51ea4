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
 *
 * The pieces get smaller while the workshop is busy (`PieceSize`).
 */
export function sendLargeUpdatesInPieces(provider: WebsocketProvider): PieceSize {
  let maxStructs = UPDATE_PIECE_STRUCTS
  const sendWhole = provider._updateHandler
  const sendInPieces = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return // what the server (or another tab) sent: nothing to send back
    for (const piece of splitUpdate(update, maxStructs, holdsParentRecord(provider.doc))) sendWhole(piece, origin)
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
    const pieces = splitUpdate(Y.encodeStateAsUpdate(p.doc, decoding.readVarUint8Array(decoder)), maxStructs, holdsParentRecord(p.doc))
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
  return {
    narrow() {
      maxStructs = Math.max(SMALLEST_PIECE_STRUCTS, Math.floor(maxStructs / 2))
    },
    reset() {
      maxStructs = UPDATE_PIECE_STRUCTS
    },
  }
}

/**
 * How many structs (or deleted ranges) a piece holds. While scripted identities hold the
 * workshop's writing allowance empty, each person's changes go in on a small share of their own
 * (server/sync/upgrade.ts): a few hundred records at once, then a few a minute. A piece the share
 * can never take (400 structs typed inside words count about 1,200 records) would wait for the
 * workshop's allowance for as long as it is held empty; so after each such wait (the server's
 * `workshopBusy` notice) the pieces are halved, and what fits the share goes in at the next try.
 * Four halvings reach the smallest; everything saved, they are whole again.
 */
export interface PieceSize {
  /** Halves the pieces, down to `SMALLEST_PIECE_STRUCTS`. */
  narrow(): void
  /** Back to `UPDATE_PIECE_STRUCTS`. */
  reset(): void
}

/** Small enough for a person's share on the server: structs count about three records each at most, and their content a record per KiB (the app's fields hold a few thousand characters). */
export const SMALLEST_PIECE_STRUCTS = 25

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
