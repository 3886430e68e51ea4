/** What the UI knows about one document's connection. Plain data: it lives in the store. */
import type { RefusalKind, ServerNotice } from '../../shared/protocol.ts'

export type ConnectionStatus =
  /** First attempts, never connected yet. */
  | 'connecting'
  | 'connected'
  /** Lost the connection; retrying. */
  | 'reconnecting'
  /** The browser reports no network. */
  | 'offline'
  /**
   * The browser has a network, but the server has not answered for several attempts: it is down or
   * restarting, or the network goes nowhere (a captive portal, a firewall). Told apart from
   * 'offline' so that a room can tell its own Wi-Fi from the server.
   */
  | 'unreachable'
  /** The server closed with a permanent (44xx) code; no more retries until asked. */
  | 'closed'

export interface DocSyncState {
  status: ConnectionStatus
  /** The initial sync with the server has completed on the current connection. */
  synced: boolean
  /** Local changes the server has not confirmed as stored. */
  pending: number
  /** The server could not store changes (close 4503 or a storeUnavailable notice); cleared by the next `saved`. */
  notSaved: boolean
  /** The permanent close code when `status` is `closed`. */
  closeCode: number | null
  /** Why the server last refused a change of this device's, until all its changes are stored. */
  denied: RefusalKind | null
  /** The last notice from the server, if any. */
  notice: ServerNotice | null
  /** The last close was the server holding this device's changes back (4529): it reconnects in a moment. */
  heldBack: boolean
}

export const INITIAL_SYNC_STATE: DocSyncState = {
  status: 'connecting',
  synced: false,
  pending: 0,
  notSaved: false,
  closeCode: null,
  denied: null,
  notice: null,
  heldBack: false,
}
