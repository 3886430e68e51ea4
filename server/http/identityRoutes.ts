import { z } from 'zod'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Identities } from '../workshops/identities.ts'
import type { ApiContext } from './api.ts'
import { authenticate } from './auth.ts'
import { HttpError, readJson, requireJson } from './body.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>
type Route = [method: string, pattern: RegExp, handler: Handler]
type IdentityContext = Pick<ApiContext, 'config' | 'workshops' | 'relay'> & { identities: Identities }

const identityBody = z.object({ token: z.string().max(64).optional() })

/**
 * `POST /api/workshops/:id/identity` `{token?}` (participant or facilitator key): the person's
 * server-signed identity in this workshop. A valid token offered back answers 200 with the same
 * identity (a returning browser); otherwise a new one is made, 201 `{participantId, token}`.
 * New identities are limited per workshop (`IDENTITIES_PER_WORKSHOP_PER_HOUR`, 429 past it):
 * each one is a person who may vote, so the key on the wall cannot mint voters by the thousand.
 * Every instance counts into the same limit.
 *
 * @example
 * routes.push(...identityRoutes(ctx, sendJson))
 */
export function identityRoutes(ctx: IdentityContext, send: (res: ServerResponse, status: number, body: unknown) => void): Route[] {
  const issued = ctx.relay.limiter({ name: 'identities', max: ctx.config.limits.identitiesPerWorkshopPerHour, windowMs: 60 * 60 * 1000 })
  return [
    [
      'POST',
      /^\/api\/workshops\/([^/]+)\/identity$/,
      async (req, res, [id]) => {
        const { role } = await authenticate(ctx, req, id!)
        if (role === 'screen') throw new HttpError(403, 'a screen takes no part; it has no identity')
        requireJson(req)
        const parsed = identityBody.safeParse(await readJson(req, ctx.config.limits.maxJsonBytes))
        if (!parsed.success) throw new HttpError(400, 'token must be a string', 'token')
        const known = ctx.identities.verify(id!, parsed.data.token)
        if (known) return send(res, 200, { participantId: known, token: parsed.data.token })
        if (!(await issued.take(id!))) throw new HttpError(429, 'too many new people in this workshop this hour; try again later')
        send(res, 201, ctx.identities.issue(id!))
      },
    ],
  ]
}
