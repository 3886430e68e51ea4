import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'

/**
 * A broadcast goes to every peer of a room as the same bytes, so it is framed once and written to
 * each socket as one buffer. `ws.send` would build a header, an options object and a two-buffer
 * corked write per peer: at 200 peers that is most of the server's work per update.
 */

/**
 * An unmasked, final, binary WebSocket frame (RFC 6455 §5.2) carrying `prefix` then `payload`:
 * a message's few header bytes and its body are framed in one copy.
 */
export function binaryFrame(payload: Uint8Array, prefix?: Uint8Array): Buffer {
  const length = (prefix?.byteLength ?? 0) + payload.byteLength
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = 0x82
  if (length < 126) {
    frame[1] = length
  } else if (length < 65536) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeUInt32BE(0, 2)
    frame.writeUInt32BE(length, 6)
  }
  if (prefix) frame.set(prefix, headerLength)
  frame.set(payload, frame.byteLength - payload.byteLength)
  return frame
}

/** The message a frame from `binaryFrame` carries (a view: the same bytes). */
export function messageOfFrame(frame: Buffer): Uint8Array {
  const headerLength = frame[1]! < 126 ? 2 : frame[1] === 126 ? 4 : 10
  return frame.subarray(headerLength)
}

/** What `ws` keeps of a connection that the shortcut needs (not in its typings). */
interface WebSocketInternals {
  _socket: Duplex | null
  _sender: { _state: number; _queue: unknown[] } | undefined
}

/**
 * Writes a ready frame straight to the connection's socket, or answers false when `ws` is in the
 * middle of something of its own (compressing, a queued frame) and the frame must go through
 * `ws.send` to keep the order. This server never negotiates compression, so that is rare.
 */
export function writeFrame(ws: WebSocket, frame: Buffer): boolean {
  const internals = ws as unknown as WebSocketInternals
  const socket = internals._socket
  const sender = internals._sender
  if (!socket || !sender || sender._state !== 0 || sender._queue.length > 0) return false
  socket.write(frame)
  return true
}
