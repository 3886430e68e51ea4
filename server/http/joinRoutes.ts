import { z } from 'zod'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { API_JOIN, normaliseJoinCode } from '../../shared/joinCode.ts'
import type { JoinCodeRecord } from '../store/docStore.ts'
import type { ApiContext } from './api.ts'
import { authenticate } from './auth.ts'
import { HttpError, readJson, requireJson } from './body.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>
type Route = [method: string, pattern: RegExp, handler: Handler]
type JoinContext = Pick<ApiContext, 'config' | 'workshops' | 'joinCodes' | 'addressOf' | 'relay'>

const joinBody = z.object({ code: z.string({ error: 'code is required' }).max(40, 'code is too long') })

/** What the facilitator and the screen learn about the code. */
const describe = ({ code, issuedAt }: JoinCodeRecord) => ({ code, issuedAt })

/**
 * Joining by code, as rows for the API's route table:
 *
 * - `POST /api/join` `{code}` (anyone): 200 `{id, key}`, the participant link's parts; 404 for a
 *   code no workshop has; 400 for a malformed body. Wrong and malformed codes count against the
 *   address (`joinCodeTriesPerMinute`); past that every try answers 429 with `Retry-After` until
 *   the minute is over, right codes included, so refusals tell a guesser nothing. The count is
 *   shared by every instance (see the README, "Running several instances").
 * - `GET /api/workshops/:id/join-code` (facilitator or screen key): 200 `{code, issuedAt}`. A
 *   facilitator's request issues the first code of a workshop that has none; a screen's gets 404.
 * - `POST /api/workshops/:id/join-code` (facilitator): 201 `{code, issuedAt}`, a new code; the
 *   old one stops working.
 *
 * @example
 * routes.push(...joinRoutes(ctx, sendJson))
 */
export function joinRoutes(ctx: JoinContext, send: (res: ServerResponse, status: number, body: unknown) => void): Route[] {
  const wrongCodes = ctx.relay.limiter({ name: 'wrong-join-codes', max: ctx.config.limits.joinCodeTriesPerMinute, windowMs: 60_000 })

  return [
    [
      'POST',
      new RegExp(`^${API_JOIN}$`),
      async (req, res) => {
        const address = ctx.addressOf(req)
        const wait = await wrongCodes.blockedFor(address)
        if (wait > 0) {
          res.setHeader('retry-after', String(Math.ceil(wait / 1000)))
          throw new HttpError(429, 'too many wrong codes from this address; try again in a minute')
        }
        requireJson(req)
        const parsed = joinBody.safeParse(await readJson(req, ctx.config.limits.maxJsonBytes))
        const code = parsed.success ? normaliseJoinCode(parsed.data.code) : null
        const found = code ? await ctx.joinCodes.resolve(code) : undefined
        if (!found) {
          await wrongCodes.take(address)
          if (!code) throw new HttpError(400, 'code must be 6 letters and digits, such as K7F-3QX', 'code')
          throw new HttpError(404, 'no workshop has this code')
        }
        send(res, 200, { id: found.workshopId, key: found.participantKey })
      },
    ],
    [
      'GET',
      /^\/api\/workshops\/([^/]+)\/join-code$/,
      async (req, res, [id]) => {
        const { key, role } = await authenticate(ctx, req, id!)
        if (role === 'participant') throw new HttpError(403, 'a participant key cannot read the join code')
        const record =
          role === 'facilitator' ? await ctx.joinCodes.ensure(id!, (await ctx.workshops.keysOf(id!, key)).participant) : await ctx.joinCodes.current(id!)
        if (!record) throw new HttpError(404, 'this workshop has no join code yet; the facilitator issues one')
        send(res, 200, describe(record))
      },
    ],
    [
      'POST',
      /^\/api\/workshops\/([^/]+)\/join-code$/,
      async (req, res, [id]) => {
        const { key } = await authenticate(ctx, req, id!, 'facilitator')
        send(res, 201, describe(await ctx.joinCodes.issue(id!, (await ctx.workshops.keysOf(id!, key)).participant)))
      },
    ],
  ]
}
