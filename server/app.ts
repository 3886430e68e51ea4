import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CloseCode, mayWrite } from '../shared/protocol.ts'
import type { ServerConfig } from './config.ts'
import { PdfThread } from './export/pdfThread.ts'
import { addressResolver } from './http/address.ts'
import { createApi } from './http/api.ts'
import { serveStatic } from './http/static.ts'
import { Metrics } from './metrics.ts'
import { soloRelay, type Relay } from './cluster/relay.ts'
import { startWorkshopEvents } from './cluster/workshopEvents.ts'
import type { DocStore } from './store/docStore.ts'
import { JournaledSqliteStore } from './store/journaledSqliteStore.ts'
import type { WritePolicy } from './sync/connection.ts'
import { RoomRegistry } from './sync/roomRegistry.ts'
import { createSyncUpgrade } from './sync/upgrade.ts'
import { WorkshopHistory } from './workshops/history.ts'
import { Identities, loadIdentitySecret } from './workshops/identities.ts'
import { JoinCodes } from './workshops/joinCodes.ts'
import { WorkshopReactions } from './workshops/reactions.ts'
import { startRetention } from './workshops/retention.ts'
import { WorkshopService } from './workshops/workshopService.ts'
import * as z from 'zod/mini'

// Bad input is answered in words (API errors, refused imports). The schemas use zod's small build
// so that a participant's phone downloads less, and that build carries no messages of its own:
// the server loads the English ones.
z.config(z.locales.en())

export interface RunningServer {
  readonly port: number
  /** `http://host:port` as bound. */
  readonly url: string
  readonly store: DocStore
  /** The link to other instances (Redis), or the solo relay. */
  readonly relay: Relay
  readonly registry: RoomRegistry
  readonly metrics: Metrics
  readonly http: Server
  /** Stops accepting, closes connections, stores and compacts everything, closes the store. */
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

/**
 * How long a kept-alive HTTP connection may sit idle. Node's 5 s default is a hair above the 4 s a
 * fetch client keeps an idle connection for, so on a busy machine a request can leave on a
 * connection the server is just closing and fail with "other side closed". A minute and a bit
 * keeps this end open longer than clients (which honour the announced timeout, less a second) and
 * than load balancers' usual 60 s, so the side that closes is never the one a request is sent to.
 */
const IDLE_CONNECTION_MS = 65_000

/**
 * The store the configuration names: PostgreSQL with a database URL, else SQLite (with its update
 * journal) in the data folder. The PostgreSQL and Redis clients are loaded only when configured:
 * loading them costs ~0.8 s of CPU, which every start of a single SQLite server (and every child
 * server the tests start) would otherwise pay.
 */
export async function openStore(config: ServerConfig): Promise<DocStore> {
  if (!config.databaseUrl) return new JournaledSqliteStore(config.dataDir, { foldAfterMs: config.limits.journalFoldMs })
  const { PgDocStore } = await import('./store/pgStore.ts')
  return PgDocStore.open(config.databaseUrl, { logger: config.logger, rowBudgetMs: config.limits.loadRowBudgetMs })
}

/** Wires one HTTP server: static SPA, REST API, and the sync WebSocket on the same port. */
export async function startServer(config: ServerConfig, givenStore?: DocStore): Promise<RunningServer> {
  const store = givenStore ?? (await openStore(config))
  let relay: Relay = soloRelay
  if (config.redisUrl) {
    if (!config.databaseUrl && !givenStore) throw new Error('several instances (REDIS_URL) share one PostgreSQL database: set DATABASE_URL too')
    const { RedisRelay } = await import('./cluster/redisRelay.ts')
    relay = await RedisRelay.connect(config.redisUrl, config.logger).catch(async (error: unknown) => {
      await store.close()
      throw error
    })
  }
  const metrics = new Metrics(config.logger, config.limits.loopCpuWatchMs)
  const registry = new RoomRegistry(store, metrics, config.tuning, config.limits, config.logger, relay)
  const workshops = new WorkshopService(store)
  const reactions = new WorkshopReactions(registry, store, config.logger, metrics, config.limits.maxDraftsPerWorkshop, relay)
  const history = new WorkshopHistory(registry, store, config.tuning.historyIntervalMs, config.logger, config.limits.maxHistoryBytes, relay)
  const pdf = new PdfThread({ logger: config.logger })
  const joinCodes = new JoinCodes(store, registry, config.logger)
  const addressOf = addressResolver(config.trustedProxies)
  const identities = new Identities(loadIdentitySecret(config.dataDir, config.identitySecret))
  const writePolicy: WritePolicy = (role, room) => {
    if (mayWrite(role, room.kind, reactions.isLocked(room.workshopId))) return { allowed: true }
    // Locked: what the role writes when the workshop is open.
    const refusal = mayWrite(role, room.kind, false) ? 'locked' : 'readOnly'
    return { allowed: false, reason: `a ${role} may not change the ${room.kind} document now`, refusal }
  }
  const sync = createSyncUpgrade({
    registry,
    workshops,
    identities,
    metrics,
    limits: config.limits,
    mayWrite: writePolicy,
    beforeJoin: (workshopId) => reactions.ensureControl(workshopId),
    refusal: (workshopId, docName, kind) => (kind === 'draft' ? reactions.draftRefusal(workshopId, docName) : Promise.resolve(null)),
    addressOf,
    version: config.codeVersion,
    relay,
    logger: config.logger,
  })
  metrics.watch({
    drafts: () => registry.holdings().drafts,
    pendingStoreBytes: () => registry.holdings().pendingStoreBytes,
    sendQueueBytes: () => sync.queuedBytes(),
  })
  const events = await startWorkshopEvents(relay, { registry, store, sync }, config.logger)
  const api = createApi({ config, store, relay, registry, metrics, workshops, identities, history, joinCodes, pdf, addressOf, sync, events })

  const http = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    try {
      decodeURIComponent(pathname)
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('malformed address\n')
      return
    }
    void (async () => {
      if (await api(req, res, pathname)) return
      if (config.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
        await serveStatic(config.staticDir, req, res, pathname)
        return
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n')
    })().catch((error: unknown) => {
      config.logger.error({ err: error, method: req.method, path: pathname, address: addressOf(req) }, 'request failed')
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  http.keepAliveTimeout = IDLE_CONNECTION_MS
  http.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))
  http.on('clientError', (error: Error & { code?: string }, socket) => {
    // Headers past Node's 16 KiB limit deserve an answer, not a dropped connection.
    if (error.code === 'HPE_HEADER_OVERFLOW' && socket.writable) {
      socket.end('HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
      return
    }
    socket.destroy()
  })

  const pinger = setInterval(() => sync.sweep(), config.tuning.pingIntervalMs)
  pinger.unref()
  const stopRetention = startRetention(config.limits.retentionDays, store, registry, config.logger, events)

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(config.port, config.host, () => resolve())
  })
  const { port } = http.address() as AddressInfo
  const hostForUrl = config.host.includes(':') ? `[${config.host}]` : config.host

  let closing: Promise<void> | undefined
  return {
    port,
    url: `http://${hostForUrl}:${port}`,
    store,
    relay,
    registry,
    metrics,
    http,
    close() {
      closing ??= (async () => {
        clearInterval(pinger)
        stopRetention()
        sync.closeAll(CloseCode.goingAway, 'server restarting')
        await new Promise<void>((resolve) => {
          http.close(() => resolve())
          http.closeAllConnections()
        })
        history.close()
        await Promise.all([registry.closeAll(), pdf.close()])
        await relay.close()
        await store.close()
        metrics.close()
      })()
      return closing
    },
  }
}
