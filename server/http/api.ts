import type { IncomingMessage, ServerResponse } from 'node:http'
import { createWorkshopBody, firstIssue, type ApiError } from '../../shared/api.ts'
import type { ServerConfig } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import type { DocStore } from '../store/docStore.ts'
import { PreviousGenerations } from '../store/previousGenerations.ts'
import type { Renewal, RoomRegistry } from '../sync/roomRegistry.ts'
import { BOARD_RENEWED_REASON, CloseCode, ID_SOURCE } from '../../shared/protocol.ts'
import { initialiseWorkshop } from '../workshops/initialise.ts'
import { exportRoutes } from '../export/routes.ts'
import { bankRoutes } from '../bank/routes.ts'
import type { PdfThread } from '../export/pdfThread.ts'
import type { WorkshopHistory } from '../workshops/history.ts'
import type { Identities } from '../workshops/identities.ts'
import type { JoinCodes } from '../workshops/joinCodes.ts'
import { WorkshopService } from '../workshops/workshopService.ts'
import { authenticate } from './auth.ts'
import { HttpError, readJson, requireJson } from './body.ts'
import { identityRoutes } from './identityRoutes.ts'
import { joinRoutes } from './joinRoutes.ts'
import type { Relay } from '../cluster/relay.ts'
import type { WorkshopEvents } from '../cluster/workshopEvents.ts'

export interface ApiContext {
  config: ServerConfig
  store: DocStore
  /**
   * The link to other instances: an instance cut off from them should get no new clients, and
   * rate limits are counted across all of them.
   */
  relay: Pick<Relay, 'healthy' | 'limiter'>
  registry: RoomRegistry
  metrics: Metrics
  workshops: WorkshopService
  history: WorkshopHistory
  /** Signs and checks participant identities (see identityRoutes.ts). */
  identities: Identities
  /** The short codes people type to join (see joinRoutes.ts). */
  joinCodes: JoinCodes
  /** Prints the HTML report to PDF; one Chromium, started on first use. */
  pdf: PdfThread
  addressOf: (req: IncomingMessage) => string
  /** Closes sync connections made with a key that no longer works. */
  sync: { closeKey(workshopId: string, key: string, code: number, reason: string): void }
  /** Tells the other instances of a rotated key, a deleted workshop or a renewed board, so they close connections too. */
  events: Pick<WorkshopEvents, 'keysChanged' | 'deleted' | 'renewed'>
}

/** The workshop an API address names (`/api/workshops/<id>/…`), for the log. */
const WORKSHOP_IN_PATH = new RegExp(`^/api/workshops/(${ID_SOURCE})(?:/|$)`)
const HOUR_MS = 60 * 60 * 1000
const RENEWALS_PER_WORKSHOP_PER_HOUR = 6
const GENERATION_READS_PER_IP_PER_HOUR = 3_000

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>

/** The REST API: a short table of routes, each a small function. */
export function createApi(ctx: ApiContext) {
  const creations = ctx.relay.limiter({ name: 'creations', max: ctx.config.limits.workshopsPerIpPerHour, windowMs: HOUR_MS })
  // A renewal rewrites the whole board (a few hundred ms of this thread for the largest): a
  // facilitator needs one after a churned session, not a loop of them.
  const renewals = ctx.relay.limiter({ name: 'renewals', max: RENEWALS_PER_WORKSHOP_PER_HOUR, windowMs: HOUR_MS })
  // Each browser with a copy of the board open or kept at a renewal reads the old board once,
  // a hall behind one address included (a few times over, with retries).
  const generationReads = ctx.relay.limiter({ name: 'generation_reads', max: GENERATION_READS_PER_IP_PER_HOUR, windowMs: HOUR_MS })
  const previousBoards = new PreviousGenerations(ctx.store)

  const routes: [method: string, pattern: RegExp, handler: Handler][] = [
    [
      'GET',
      /^\/healthz$/,
      async (_req, res) => {
        try {
          await ctx.store.checkWritable()
          if (!ctx.registry.storeHealthy) throw new Error('recent writes failed')
          if (!ctx.relay.healthy) {
            sendJson(res, 503, { ok: false, error: 'the Redis link to the other instances is down' })
            return
          }
          // At saturation no new document can be opened: a load balancer should know.
          const saturation = Math.round(ctx.registry.saturation * 100) / 100
          sendJson(res, saturation >= 1 ? 503 : 200, { ok: saturation < 1, saturation, rooms: ctx.registry.size, connections: ctx.metrics.connections })
        } catch (error) {
          sendJson(res, 503, { ok: false, error: `store is not writable: ${String(error)}` })
        }
      },
    ],
    // The server's clock, for timers: each browser estimates its offset from it (like NTP), so a
    // laptop whose clock is minutes off still shows the same remaining time as everyone else.
    [
      'GET',
      /^\/api\/time$/,
      async (_req, res) => {
        sendJson(res, 200, { now: Date.now() })
      },
    ],
    [
      'GET',
      /^\/metrics$/,
      async (_req, res) => {
        const text = await ctx.metrics.render()
        res.writeHead(200, { 'content-type': ctx.metrics.contentType }).end(text)
      },
    ],
    [
      'POST',
      /^\/api\/workshops$/,
      async (req, res) => {
        requireJson(req)
        if (!(await creations.take(ctx.addressOf(req)))) throw new HttpError(429, 'too many workshops created from this address; try again later')
        const parsed = createWorkshopBody.safeParse(await readJson(req, ctx.config.limits.maxJsonBytes))
        if (!parsed.success) {
          sendJson(res, 400, firstIssue(parsed.error))
          return
        }
        let created: Awaited<ReturnType<WorkshopService['create']>> | undefined
        try {
          created = await ctx.workshops.create(parsed.data.title)
          await initialiseWorkshop(ctx.registry, created.id, parsed.data)
          if (!ctx.registry.storeHealthy) throw new Error('the first content could not be stored')
          await ctx.joinCodes.issue(created.id, created.keys.participant)
        } catch (error) {
          // No half-made workshop is left behind: its row and whatever was stored go.
          if (created) {
            const { id } = created
            await ctx.registry.drop(id, () => true, CloseCode.goingAway, 'workshop not created').catch(() => {})
            await ctx.store.deleteWorkshop(id).catch(() => {})
          }
          ctx.config.logger.error({ err: error }, 'creating a workshop failed')
          throw new HttpError(503, 'the workshop could not be created right now; try again')
        }
        sendJson(res, 201, WorkshopService.describe(originOf(req), created.id, created.keys))
      },
    ],
    [
      'GET',
      /^\/api\/workshops\/([^/]+)$/,
      async (req, res, [id]) => {
        const { key, record } = await authenticate(ctx, req, id!, 'facilitator')
        sendJson(res, 200, WorkshopService.describe(originOf(req), id!, WorkshopService.keysOf(record, key)))
      },
    ],
    // The participant key is on the wall: when it has reached the wrong people, the facilitator
    // replaces it. Everyone connected with the old key is closed; the new link and QR code follow.
    [
      'POST',
      /^\/api\/workshops\/([^/]+)\/participant-key$/,
      async (req, res, [id]) => {
        const { key, record } = await authenticate(ctx, req, id!, 'facilitator')
        const old = WorkshopService.keysOf(record, key).participant
        const keys = await ctx.workshops.rotateParticipantKey(id!, key)
        ctx.sync.closeKey(id!, old, CloseCode.forbidden, 'this link was replaced; ask for the new one')
        ctx.events.keysChanged(id!)
        // The join code opened the old key: a new code opens the new one, and the old code stops.
        await ctx.joinCodes.issue(id!, keys.participant)
        ctx.config.logger.info({ workshop: id }, 'participant key rotated')
        sendJson(res, 200, WorkshopService.describe(originOf(req), id!, keys))
      },
    ],
    [
      'DELETE',
      /^\/api\/workshops\/([^/]+)$/,
      async (req, res, [id]) => {
        await authenticate(ctx, req, id!, 'facilitator')
        await ctx.registry.drop(id!, () => true, CloseCode.forbidden, 'this workshop was deleted')
        await ctx.store.deleteWorkshop(id!)
        ctx.events.deleted(id!)
        ctx.config.logger.info({ workshop: id }, 'workshop deleted by its facilitator')
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    ],
    // Yjs keeps a trace of everything ever deleted, so a board churned for hours (or by a script
    // with the wall's key) is mostly traces, up to its size limit. Starting its history afresh
    // keeps the content and drops the traces; every app loads the new board by itself and
    // carries over what it had not sent yet (client/sync/renewal.ts).
    [
      'POST',
      /^\/api\/workshops\/([^/]+)\/board\/renew$/,
      async (req, res, [id]) => {
        await authenticate(ctx, req, id!, 'facilitator')
        if (!(await renewals.take(id!))) throw new HttpError(429, 'the board was started afresh several times this hour; try again later')
        let renewal: Renewal
        try {
          // The other instances hear as soon as the new generation is stored.
          renewal = await ctx.registry.renew(id!, CloseCode.renewed, BOARD_RENEWED_REASON, (generation) => ctx.events.renewed(id!, generation))
        } catch (error) {
          ctx.config.logger.error({ workshop: id, err: error }, 'starting the board afresh failed')
          throw new HttpError(503, 'the board could not start afresh right now; nothing was changed')
        }
        ctx.config.logger.info({ workshop: id, ...renewal }, 'board started afresh')
        sendJson(res, 200, renewal)
      },
    ],
    [
      'GET',
      /^\/api\/workshops\/([^/]+)\/board\/generations\/(\d{1,9})$/,
      async (req, res, [id, generation]) => {
        await authenticate(ctx, req, id!)
        if (!(await generationReads.take(ctx.addressOf(req)))) throw new HttpError(429, 'too many reads of earlier boards from this address; try again later')
        const state = await previousBoards.read(id!, Number(generation))
        if (!state) throw new HttpError(404, 'that generation of the board is no longer kept')
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' }).end(state)
      },
    ],
    [
      'GET',
      /^\/api\/workshops\/([^/]+)\/history$/,
      async (req, res, [id]) => {
        await authenticate(ctx, req, id!, 'facilitator')
        sendJson(res, 200, { snapshots: await ctx.history.list(id!) })
      },
    ],
    // The replay (and the facilitator's preview of a snapshot): one small frame per snapshot. The
    // projector may read it too, to play the morning back on the wall; participants may not.
    [
      'GET',
      /^\/api\/workshops\/([^/]+)\/history\/replay$/,
      async (req, res, [id]) => {
        const { role } = await authenticate(ctx, req, id!)
        if (role === 'participant') throw new HttpError(403, 'the history is for the facilitator and the screen')
        sendJson(res, 200, { frames: await ctx.history.replay(id!) })
      },
    ],
    [
      'POST',
      /^\/api\/workshops\/([^/]+)\/history$/,
      async (req, res, [id]) => {
        await authenticate(ctx, req, id!, 'facilitator')
        sendJson(res, 201, { id: await ctx.history.snapshot(id!, 'manual') })
      },
    ],
    [
      'POST',
      /^\/api\/workshops\/([^/]+)\/history\/(\d+)\/restore$/,
      async (req, res, [id, snapshotId]) => {
        await authenticate(ctx, req, id!, 'facilitator')
        const undoSnapshotId = await ctx.history.restore(id!, Number(snapshotId))
        if (undoSnapshotId === null) throw new HttpError(404, 'no such snapshot in this workshop')
        sendJson(res, 200, { restored: Number(snapshotId), undoSnapshotId })
      },
    ],
    // A browser cannot read the HTTP status of a refused WebSocket upgrade, so the app asks here
    // first and can say "this link is not valid" instead of retrying forever.
    [
      'GET',
      /^\/api\/workshops\/([^/]+)\/access$/,
      async (req, res, [id]) => {
        const { role } = await authenticate(ctx, req, id!)
        sendJson(res, 200, { role })
      },
    ],
  ]

  // Importing creates a workshop, so it shares the creation budget of each address.
  routes.push(...exportRoutes(ctx, ctx.pdf, creations))
  routes.push(...bankRoutes(ctx, sendJson))
  routes.push(...joinRoutes(ctx, sendJson))
  routes.push(...identityRoutes(ctx, sendJson))
  if (process.env.S2S_FAULT_INJECTION === '1') routes.push(...faultRoutes())

  return async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const allowed: string[] = []
    for (const [method, pattern, handler] of routes) {
      const match = pattern.exec(pathname)
      if (!match) continue
      if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
        allowed.push(method)
        continue
      }
      try {
        if (method !== 'GET') sameOrigin(req)
        await handler(req, res, match.slice(1))
      } catch (error) {
        if (error instanceof HttpError) {
          ctx.metrics.reject(`api_${error.status}`, { workshopId: WORKSHOP_IN_PATH.exec(pathname)?.[1] }, { status: error.status, detail: error.message })
          const body: ApiError = error.field ? { error: error.message, field: error.field } : { error: error.message }
          sendJson(res, error.status, body)
        } else {
          ctx.config.logger.error({ err: error, method: req.method, path: pathname }, 'request failed')
          sendJson(res, 500, { error: 'internal error' })
        }
      }
      return true
    }
    if (allowed.length > 0) {
      res.setHeader('allow', allowed.join(', '))
      sendJson(res, 405, { error: `use ${allowed.join(' or ')} here` })
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

/**
 * A state-changing request from a page of another origin is refused (a form or a fetch from any
 * website the facilitator visits could otherwise create or delete workshops); browsers always
 * send Origin on such requests, scripts and curl may leave it out.
 */
function sameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin
  if (origin === undefined) return
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    throw new HttpError(403, 'cross-origin requests are not accepted')
  }
  if (host !== req.headers.host) throw new HttpError(403, 'cross-origin requests are not accepted')
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
    [
      'POST',
      /^\/__faults\/uncaught$/,
      async (_req, res) => {
        setImmediate(() => {
          throw new Error('injected uncaught exception')
        })
        sendJson(res, 202, { injected: 'uncaught' })
      },
    ],
    [
      'POST',
      /^\/__faults\/rejection$/,
      async (_req, res) => {
        void Promise.reject(new Error('injected unhandled rejection'))
        sendJson(res, 202, { injected: 'rejection' })
      },
    ],
  ]
}
