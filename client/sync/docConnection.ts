/**
 * One document's connection to the server: a y-websocket provider with our extension handlers,
 * jittered backoff, a pending-changes counter and a small status machine. Framework-free: React
 * reads it through `getState()` / `subscribe()` (see hooks.ts and state/useSyncedDoc.ts).
 */
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { CloseCode, EXT_PARAM, MessageType, isWaitingNotice, syncProtocols, syncUrlBase } from '../../shared/protocol.ts'
import { CARRY_ORIGIN, LOCAL_ORIGIN } from '../../shared/doc/origin.ts'
import { applyJitter, MAX_BACKOFF_MS } from './backoff.ts'
import { installExtensionHandlers } from './extensions.ts'
import { createPendingTracker } from './pendingChanges.ts'
import { INITIAL_SYNC_STATE, type DocSyncState } from './syncState.ts'
import { sendOwnPresenceOnly } from './ownPresence.ts'
import { sendLargeUpdatesInPieces } from './updatePieces.ts'
import { watchWake } from './wake.ts'

/** Consecutive failed attempts after which "reconnecting" becomes "offline". */
export const OFFLINE_AFTER_ATTEMPTS = 4
/**
 * y-websocket drops a connection that received nothing for 30 s. Our server re-broadcasts
 * presence only when it changes, so an idle room can be silent that long; re-sending sync step 1
 * every few seconds gets a (tiny) step 2 back and also heals any missed update.
 */
const RESYNC_INTERVAL_MS = 12_000
/**
 * y-websocket notices a dead socket only after 30 s of silence; our resync answers every 12 s,
 * so a connection quiet for longer than this at a wake-up is a leftover from before the sleep.
 */
export const STALE_AFTER_MS = 20_000

export interface DocConnectionOptions {
  doc: Y.Doc
  workshopId: string
  docName: string
  key: string
  /** The person's server-signed identity (identity/serverIdentity.ts), offered as a subprotocol. */
  identityToken?: string | null
  /** `location.origin`; the sync URL is derived from it (protocol.ts `syncUrlBase`). */
  origin: string
  /** The board generation this copy belongs to, offered when connecting (renewal.ts `offeredGeneration`). */
  generation?: number | null
  /** The server told which generation of the board this connection syncs. */
  onGeneration?(generation: number): void
  /** Test seam; defaults to the browser's WebSocket. */
  WebSocketImpl?: typeof WebSocket
  /**
   * Share changes with other tabs of this browser directly (y-websocket's BroadcastChannel);
   * default on. Off for many simulated clients in one Node process, where every provider would
   * otherwise sync with every other one.
   */
  crossTab?: boolean
  /** Test seam; defaults to `window` (for online/offline events). */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine: boolean } }
}

export interface DocConnection {
  readonly provider: WebsocketProvider
  getState(): DocSyncState
  subscribe(listener: () => void): () => void
  /** Tries again after a permanent close (e.g. after the facilitator fixed the link). */
  retry(): void
  /** The board generation this connection offers (the one the server last named), or null. */
  generation(): number | null
  /** This device's clock in the document as far as the server has confirmed it stored (`PendingTracker.confirmed`). */
  confirmedClock(): number
  /**
   * The device woke up or its network changed (wake.ts): connect now instead of at the end of the
   * backoff, replace a socket that went quiet while asleep, and ask an open one for anything
   * missed. A connection closed for good (a bad link, a stale app) is left alone.
   */
  nudge(now?: number): void
  destroy(): void
}

const otherLocalOrigins = new Set<unknown>()

/**
 * Registers the transaction origin of another local writer — the story editor's Yjs binding
 * writes with its own — so that its changes count as the person's own ("N changes waiting").
 */
export function registerLocalOrigin(origin: unknown): void {
  otherLocalOrigins.add(origin)
}

/**
 * Local changes are those made through shared/doc commands, their undo/redo, what the device
 * carries into a fresh copy of the board, and registered writers.
 */
export function isLocalOrigin(origin: unknown): boolean {
  return origin === LOCAL_ORIGIN || origin === CARRY_ORIGIN || origin instanceof Y.UndoManager || otherLocalOrigins.has(origin)
}

const isPermanent = (code: number) => code >= 4400 && code < 4500
const isSlow = (code: number) =>
  code === CloseCode.storeUnavailable || code === CloseCode.busy || code === CloseCode.serverBehind || code === CloseCode.slowDown

export function connectDoc(options: DocConnectionOptions): DocConnection {
  const { doc, workshopId, docName, key, origin } = options
  const network = options.network ?? (typeof window !== 'undefined' ? window : undefined)
  const isBrowserOffline = () => network?.navigator?.onLine === false

  const provider = new WebsocketProvider(syncUrlBase(origin, workshopId), docName, doc, {
    connect: false,
    params: { [EXT_PARAM]: '1' },
    protocols: syncProtocols(key, options.identityToken, undefined, options.generation),
    maxBackoffTime: MAX_BACKOFF_MS,
    resyncInterval: RESYNC_INTERVAL_MS,
    disableBc: options.crossTab === false,
    ...(options.WebSocketImpl ? { WebSocketPolyfill: options.WebSocketImpl } : {}),
  })

  // Tabs share changes over a channel named for the document; a board's is also named for the
  // generation, so a tab still holding an old one never feeds it into a tab holding the new.
  const bcBase = provider.bcChannel
  let offered = options.generation ?? null
  const onGenerationChannel = (generation: number | null | undefined) => {
    const name = options.onGeneration ? `${bcBase}#${generation ?? 'new'}` : bcBase
    if (name === provider.bcChannel) return
    const connected = provider.bcconnected
    if (connected) provider.disconnectBc()
    provider.bcChannel = name
    if (connected) provider.connectBc()
  }
  onGenerationChannel(options.generation)

  sendOwnPresenceOnly(provider)
  const pieceSize = sendLargeUpdatesInPieces(provider)

  let state: DocSyncState = { ...INITIAL_SYNC_STATE, status: isBrowserOffline() ? 'offline' : 'connecting' }
  let everConnected = false
  /** Closes since the last successful open (our own count: the provider's is bumped by backoff.ts). */
  let failures = 0
  const listeners = new Set<() => void>()
  const update = (patch: Partial<DocSyncState>) => {
    const next = { ...state, ...patch }
    if ((Object.keys(patch) as (keyof DocSyncState)[]).every((k) => next[k] === state[k])) return
    state = next
    listeners.forEach((listener) => listener())
  }

  const pending = createPendingTracker(doc, isLocalOrigin)
  const stopPending = pending.subscribe(() => update({ pending: pending.count() }))

  installExtensionHandlers(provider, {
    onSaved(serverState) {
      pending.acknowledge(serverState)
      // "Your changes wait" holds until they are all stored.
      const caughtUp = isWaitingNotice(state.notice?.code) && pending.count() === 0
      if (pending.count() === 0) pieceSize.reset()
      // Everything this device wrote is stored, the change once refused too (a stage unlocked,
      // the server asked for it again): nothing is refused any more.
      const settled = pending.count() === 0 ? { denied: null } : {}
      update({ notSaved: false, pending: pending.count(), ...(caughtUp ? { notice: null } : {}), ...settled })
    },
    onNotice(notice) {
      if (notice.code === 'workshopBusy') pieceSize.narrow()
      update({
        notice,
        ...(notice.code === 'storeUnavailable' ? { notSaved: true } : {}),
        ...(notice.code === 'writeRejected' ? { denied: notice.refusal ?? 'readOnly' } : {}),
      })
    },
    // Our server names the kind in the notice it sends first; one without it has refused the change all the same.
    onPermissionDenied() {
      if (state.denied === null) update({ denied: 'readOnly' })
    },
    onGeneration(generation) {
      // Offered from now on: a copy filled by this connection belongs to this generation, and
      // after a reconnect must not sync into a newer one.
      provider.protocols = syncProtocols(key, options.identityToken, undefined, generation)
      offered = generation
      onGenerationChannel(generation)
      options.onGeneration?.(generation)
    },
  })

  /** Status while not connected, from how long it has been failing. */
  const disconnectedStatus = (attempts: number): DocSyncState['status'] => {
    if (isBrowserOffline()) return 'offline'
    if (attempts >= OFFLINE_AFTER_ATTEMPTS) return 'unreachable'
    return everConnected ? 'reconnecting' : 'connecting'
  }

  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      everConnected = true
      failures = 0
      update({ status: 'connected', closeCode: null })
    }
    // 'connecting' / 'disconnected' are handled through connection-close, which also sees
    // attempts that failed before opening (those emit no 'disconnected').
  })
  provider.on('sync', (synced: boolean) => {
    update({ synced, ...(synced && pending.count() === 0 ? { notSaved: false } : {}) })
  })
  provider.on('connection-close', (event) => {
    const code = event?.code ?? 0
    failures++
    applyJitter(provider, isSlow(code))
    if (isPermanent(code)) return // 'closed' follows
    update({
      status: disconnectedStatus(failures),
      synced: false,
      heldBack: code === CloseCode.slowDown,
      ...(code === CloseCode.storeUnavailable ? { notSaved: true } : {}),
    })
  })
  provider.on('closed', ({ code }) => {
    update({ status: 'closed', synced: false, closeCode: code })
  })

  const onOnline = () => {
    if (state.status === 'closed') return
    if (provider.wsconnected) {
      update({ status: 'connected' })
      return
    }
    // Retry now instead of waiting out the backoff (a no-op while a socket is being opened).
    nudge()
    if (state.status === 'offline') update({ status: everConnected ? 'reconnecting' : 'connecting' })
  }
  const onOffline = () => {
    if (state.status === 'closed') return
    update({ status: 'offline' })
    // The browser's word is not always right (some VPNs, captive networks), and an open socket
    // can take 30 s to notice it is dead. Closing it makes y-websocket retry at once: a real
    // outage keeps us offline, a false alarm is back to "connected" in a moment.
    if (provider.wsconnected) provider.ws?.close()
  }
  network?.addEventListener('online', onOnline)
  network?.addEventListener('offline', onOffline)

  const nudge = (now = Date.now()) => {
    if (state.status === 'closed' || !provider.shouldConnect) return
    if (!provider.wsconnected) {
      if (provider.ws === null) provider.connect() // else a socket is already being opened
      return
    }
    if (now - provider.wsLastMessageReceived > STALE_AFTER_MS) {
      provider.ws?.close() // y-websocket opens a new one at once
      return
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeSyncStep1(encoder, doc)
    provider.ws?.send(encoding.toUint8Array(encoder))
  }

  const connection: DocConnection = {
    provider,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    retry() {
      if (state.status !== 'closed') return
      provider.wsUnsuccessfulReconnects = 0
      failures = 0
      update({ status: 'connecting', closeCode: null })
      provider.connect()
    },
    nudge,
    generation: () => offered,
    confirmedClock: () => pending.confirmed(),
    destroy() {
      stopWatchingWake()
      network?.removeEventListener('online', onOnline)
      network?.removeEventListener('offline', onOffline)
      listeners.clear()
      stopPending()
      pending.destroy()
      provider.destroy()
    },
  }
  const stopWatchingWake = watchWake(connection)
  provider.connect()
  return connection
}
