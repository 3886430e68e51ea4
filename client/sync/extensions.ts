/**
 * Handlers for the messages our server adds to y-websocket (protocol.ts `MessageType`), and for
 * the standard auth message, whose stock handler only logs to the console.
 *
 * y-websocket looks a handler up by message type in `provider.messageHandlers` (a per-provider
 * copy) and calls it as `(encoder, decoder, provider, emitSynced, messageType)`; whatever the
 * handler writes to `encoder` is sent back. None of ours answers.
 */
import * as decoding from 'lib0/decoding'
import * as authProtocol from 'y-protocols/auth'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType, REFUSAL_KINDS, type NoticeCode, type RefusalKind, type ServerNotice } from '../../shared/protocol.ts'

export interface ExtensionCallbacks {
  /** The server's durable state vector. */
  onSaved(serverState: Map<number, number>): void
  onNotice(notice: ServerNotice): void
  onPermissionDenied(reason: string): void
  /** The board generation this connection syncs (sent first). */
  onGeneration?(generation: number): void
}

const NOTICE_CODES: readonly NoticeCode[] = ['writeRejected', 'storeUnavailable', 'docTooLarge', 'writingPaused', 'workshopBusy']

/** Parses a notice payload; anything that is not a well-formed notice is dropped (untrusted input). */
export function parseNotice(json: string): ServerNotice | null {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object') return null
  const { code, message, refusal } = value as { code?: unknown; message?: unknown; refusal?: unknown }
  if (typeof code !== 'string' || !(NOTICE_CODES as readonly string[]).includes(code)) return null
  return {
    code: code as NoticeCode,
    message: typeof message === 'string' ? message.slice(0, 300) : '',
    ...((REFUSAL_KINDS as readonly unknown[]).includes(refusal) ? { refusal: refusal as RefusalKind } : {}),
  }
}

export function installExtensionHandlers(provider: WebsocketProvider, callbacks: ExtensionCallbacks): void {
  const handlers = provider.messageHandlers

  handlers[MessageType.saved] = (_encoder, decoder) => {
    callbacks.onSaved(Y.decodeStateVector(decoding.readVarUint8Array(decoder)))
  }

  handlers[MessageType.notice] = (_encoder, decoder) => {
    const notice = parseNotice(decoding.readVarString(decoder))
    if (notice) callbacks.onNotice(notice)
  }

  handlers[MessageType.generation] = (_encoder, decoder) => {
    callbacks.onGeneration?.(decoding.readVarUint(decoder))
  }

  handlers[MessageType.auth] = (_encoder, decoder, p) => {
    authProtocol.readAuthMessage(decoder, p.doc, (_doc, reason) => callbacks.onPermissionDenied(reason.slice(0, 300)))
  }
}
