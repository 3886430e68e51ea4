import { WebSocket } from 'ws'
import { readAuthMessage } from 'y-protocols/auth'
import { type WebsocketProvider } from 'y-websocket'
import { StockProvider } from './stockProvider.ts'
import * as Y from 'yjs'
import { connectDoc, type DocConnection, type DocConnectionOptions } from '../../client/sync/docConnection.ts'
import { installExtensionHandlers } from '../../client/sync/extensions.ts'
import { MessageType, type RefusalKind } from '../../shared/protocol.ts'
import { waitFor } from './server.ts'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close events seen by this client (code, reason). */
  closes: { code: number; reason: string }[]
  /** Messages of type "permission denied" received. */
  denied: string[]
  /** Why each refused write was refused (the `writeRejected` notices; with `ext: '1'` only). */
  refusals: (RefusalKind | undefined)[]
  destroy(): void
}

/**
 * A stock y-websocket client in Node, exactly as a user of the protocol would write one.
 * `params` carries the key (and `ext: '1'` for our extension messages).
 */
export function connectClient(
  wsUrl: string,
  workshopId: string,
  docName: string,
  params: Record<string, string>,
  doc = new Y.Doc(),
  socketClass: typeof WebSocket = WebSocket,
): TestClient {
  const provider = new StockProvider(`${wsUrl}/${workshopId}`, docName, doc, {
    WebSocketPolyfill: socketClass as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
    maxBackoffTime: 300,
  })
  const client: TestClient = {
    doc,
    provider,
    closes: [],
    denied: [],
    refusals: [],
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  provider.on('connection-close', (event) => {
    if (event) client.closes.push({ code: event.code, reason: event.reason })
  })
  // Same slot and signature as y-websocket's own auth handler, recording instead of warning.
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    readAuthMessage(decoder, doc, (_doc, reason) => client.denied.push(reason))
  }
  // A client that asked for our messages reads them, as the app does; y-websocket alone would log
  // "Unable to compute message" for each.
  if (params.ext === '1') {
    installExtensionHandlers(provider, {
      onSaved() {},
      onNotice: (notice) => {
        if (notice.code === 'writeRejected') client.refusals.push(notice.refusal)
      },
      onPermissionDenied: (reason) => client.denied.push(reason),
    })
  }
  return client
}

export async function synced(...clients: TestClient[]): Promise<void> {
  // A cap, not a measure: twenty clients over three instances take ~4 s on a quiet machine and
  // several times that while other suites share its two cores.
  await waitFor(() => clients.every((c) => c.provider.synced), 20_000, 'clients to sync')
}

/** The HTTP status a WebSocket upgrade to `url` is answered with (101 when accepted): one attempt, no reconnecting. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', () => {})
  })
}

/**
 * The app's own connection (client/sync/docConnection.ts) in Node: `ws` for the browser's
 * WebSocket, and no cross-tab channel (every provider in one process would sync with every other
 * over it).
 */
export function appConnection(options: Omit<DocConnectionOptions, 'WebSocketImpl' | 'crossTab'>): DocConnection {
  // y-websocket's resync timer reads the global WebSocket, which Node 20 does not have.
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
  return connectDoc({ ...options, WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, crossTab: false })
}
