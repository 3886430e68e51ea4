import type { IncomingMessage, ServerResponse } from 'node:http'
import { createWorkshopBody, firstIssue, type ApiError } from '../../shared/api.ts'
import type { ServerConfig } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import type { DocStore } from '../store/docStore.ts'
import type { RoomRegistry } from '../sync/roomRegistry.ts'
import { deriveKeys } from '../workshops/keys.ts'
import { initialiseWorkshop } from '../workshops/initialise.ts'
import { exportRoutes } from '../export/routes.ts'
import type { PdfRenderer } from '../export/pdf.ts'
import type { WorkshopHistory } from '../workshops/history.ts'
import type { JoinCodes } from '../workshops/joinCodes.ts'
import { WorkshopService } from '../workshops/workshopService.ts'
import { authenticate } from './auth.ts'
import { HttpError, readJson } from './body.ts'
import { joinRoutes } from './joinRoutes.ts'
import { RateLimiter } from './rateLimit.ts'

export interface ApiContext {
  config: ServerConfig
  store: DocStore
  registry: RoomRegistry
  metrics: Metrics
  workshops: WorkshopService
  history: WorkshopHistory
  /** The short codes people type to join (see joinRoutes.ts). */
  joinCodes: JoinCodes
  /** Prints the HTML report to PDF; one Chromium, started on first use. */
  pdf: PdfRenderer
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>

/** The REST API: a short table of routes, each a small function. */
export function createApi(ctx: ApiContext) {
  const creations = new RateLimiter(ctx.config.limits.workshopsPerIpPerHour, 60 * 60 * 1000)

  const routes: [method: string, pattern: RegExp, handler: Handler][] = [
    ['GET', /^\/healthz$/, async (_req, res) => {
      try {
        await ctx.store.checkWritable()
        if (!ctx.registry.storeHealthy) throw new Error('recent writes failed')
        sendJson(res, 200, { ok: true })
      } catch (error) {
        sendJson(res, 503, { ok: false, error: `store is not writable: ${String(error)}` })
      }
    }],
    // The server's clock, for timers: each browser estimates its offset from it (like NTP), so a
    // laptop whose clock is minutes off still shows the same remaining time as everyone else.
    ['GET', /^\/api\/time$/, async (_req, res) => {
      sendJson(res, 200, { now: Date.now() })
    }],
    ['GET', /^\/metrics$/, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(ctx.metrics.render())
    }],
    ['POST', /^\/api\/workshops$/, async (req, res) => {
      if (!creations.take(clientAddress(req))) throw new HttpError(429, 'too many workshops created from this address; try again later')
      const parsed = createWorkshopBody.safeParse(await readJson(req, ctx.config.limits.maxJsonBytes))
      if (!parsed.success) {
        sendJson(res, 400, firstIssue(parsed.error))
        return
      }
      const { id, keys } = await ctx.workshops.create(parsed.data.title)
      await initialiseWorkshop(ctx.registry, id, parsed.data)
      await ctx.joinCodes.issue(id, keys.participant)
      sendJson(res, 201, WorkshopService.describe(originOf(req), id, keys))
    }],
    ['GET', /^\/api\/workshops\/([^/]+)$/, async (req, res, [id]) => {
      const { key } = await authenticate(ctx, req, id!, 'facilitator')
      sendJson(res, 200, WorkshopService.describe(originOf(req), id!, deriveKeys(id!, key)))
    }],
    ['GET', /^\/api\/workshops\/([^/]+)\/history$/, async (req, res, [id]) => {
      await authenticate(ctx, req, id!, 'facilitator')
      sendJson(res, 200, { snapshots: await ctx.history.list(id!) })
    }],
    ['POST', /^\/api\/workshops\/([^/]+)\/history$/, async (req, res, [id]) => {
      await authenticate(ctx, req, id!, 'facilitator')
      sendJson(res, 201, { id: await ctx.history.snapshot(id!, 'manual') })
    }],
    ['POST', /^\/api\/workshops\/([^/]+)\/history\/(\d+)\/restore$/, async (req, res, [id, snapshotId]) => {
      await authenticate(ctx, req, id!, 'facilitator')
      const undoSnapshotId = await ctx.history.restore(id!, Number(snapshotId))
      if (undoSnapshotId === null) throw new HttpError(404, 'no such snapshot in this workshop')
      sendJson(res, 200, { restored: Number(snapshotId), undoSnapshotId })
    }],
    // A browser cannot read the HTTP status of a refused WebSocket upgrade, so the app asks here
    // first and can say "this link is not valid" instead of retrying forever.
    ['GET', /^\/api\/workshops\/([^/]+)\/access$/, async (req, res, [id]) => {
      const { role } = await authenticate(ctx, req, id!)
      sendJson(res, 200, { role })
    }],
  ]

  // Importing creates a workshop, so it shares the creation budget of each address.
  routes.push(...exportRoutes(ctx, ctx.pdf, creations))
  routes.push(...joinRoutes(ctx, sendJson, clientAddress))
  if (process.env.S2S_FAULT_INJECTION === '1') routes.push(...faultRoutes())

  return async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(pathname)
      if (!match) continue
      if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) continue
      try {
        await handler(req, res, match.slice(1))
      } catch (error) {
        if (error instanceof HttpError) {
          const body: ApiError = error.field ? { error: error.message, field: error.field } : { error: error.message }
          sendJson(res, error.status, body)
        } else {
          ctx.config.log(`${req.method} ${pathname} failed: ${String(error)}`)
          sendJson(res, 500, { error: 'internal error' })
        }
      }
      return true
    }
    if (pathname.startsWith('/api/')) {
      sendJson(res, 404, { error: 'no such endpoint' })
      return true
    }
    return false
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}

/** Links are built for the address the browser used, so a LAN address gives LAN links. */
function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost'
  return `http://${host}`
}

/**
 * Only with S2S_FAULT_INJECTION=1 (tests): throws outside any handler, the way a bug in a
 * timer or a forgotten promise would, to prove the process survives it.
 */
function faultRoutes(): [string, RegExp, Handler][] {
  return [
    ['POST', /^\/__faults\/uncaught$/, async (_req, res) => {
      setImmediate(() => {
        throw new Error('injected uncaught exception')
      })
      sendJson(res, 202, { injected: 'uncaught' })
    }],
    ['POST', /^\/__faults\/rejection$/, async (_req, res) => {
      void Promise.reject(new Error('injected unhandled rejection'))
      sendJson(res, 202, { injected: 'rejection' })
    }],
  ]
}
