import { z } from 'zod'
import { getRecord } from '../../shared/doc/collections.ts'
import { readSession } from '../../shared/doc/read.ts'
import { BOARD_DOC, CONTROL_DOC, ID_PATTERN, MAX_EARLIER_IDENTITIES } from '../../shared/protocol.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Identities } from '../workshops/identities.ts'
import type { ApiContext } from './api.ts'
import { authenticate } from './auth.ts'
import { HttpError, readJson, requireJson } from './body.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>
type Route = [method: string, pattern: RegExp, handler: Handler]
type IdentityContext = Pick<ApiContext, 'config' | 'workshops' | 'relay' | 'registry'> & { identities: Identities }

const identityBody = z.object({
  token: z.string().max(64).optional(),
  earlier: z.array(z.unknown()).optional(),
  as: z.string().regex(ID_PATTERN).optional(),
})
/** One of `earlier`: a hint, so one that is not well formed is left out, never the request refused. */
const earlierIdentity = z.object({ workshopId: z.string().regex(ID_PATTERN), token: z.string().max(64) })

/**
 * `POST /api/workshops/:id/identity` `{token?, earlier?}` (participant or facilitator key): the person's
 * server-signed identity in this workshop. A valid token offered back answers 200 with the same
 * identity (a returning browser); otherwise a new one is made, 201 `{participantId, token}`.
 * A browser new to this workshop may offer the identities it holds in other workshops
 * (`earlier`): when one of them is a person on this workshop's board, it is that person here too
 * (see `earlierSelf`). New identities are limited per workshop (`IDENTITIES_PER_WORKSHOP_PER_HOUR`, 429 past it):
 * each one is a person who may vote, so the key on the wall cannot mint voters by the thousand.
 * Every instance counts into the same limit.
 *
 * `{as}` (facilitator key only): the facilitator on another device, continuing as the person they
 * already are on this board (201 with that person's identity; 404 when no one on the board has
 * that id, or that person did not join from the facilitator's link: a participant's vote is
 * theirs alone; 403 with another key). Each of a facilitator's devices used to be a person of its own,
 * listed "Fiona, Fiona" in the report. A participant may not: that would be anyone's vote.
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
        if (!parsed.success) {
          const field = parsed.error.issues[0]?.path[0]
          throw new HttpError(400, 'token must be a string, earlier a list, as a participant id', field === 'earlier' || field === 'as' ? field : 'token')
        }
        if (parsed.data.as !== undefined) return send(res, 201, await adopted(ctx, id!, role, parsed.data.as))
        const known = ctx.identities.verify(id!, parsed.data.token)
        if (known) return send(res, 200, { participantId: known, token: parsed.data.token })
        if (!(await issued.take(id!))) throw new HttpError(429, 'too many new people in this workshop this hour; try again later')
        const earlier = (parsed.data.earlier ?? []).slice(0, MAX_EARLIER_IDENTITIES).flatMap((entry) => {
          const checked = earlierIdentity.safeParse(entry)
          return checked.success ? [checked.data] : []
        })
        send(res, 201, (await earlierSelf(ctx, id!, earlier)) ?? ctx.identities.issue(id!))
      },
    ],
  ]
}

/**
 * This person's identity here when the browser proved (a token this server signed for another
 * workshop) that it is someone on this workshop's board, or null. An imported workshop's board
 * keeps the people of the one it was exported from, under their ids there: without this, each
 * of them opening the new workshop became a second person of the same name ("Fiona, Fiona"), and
 * no longer the author of their own cards. A token proves its holder, so nobody becomes anyone
 * else; a workshop imported on another server (another secret) meets its people as new.
 *
 * What it does reveal: whoever can put ids on a board (a facilitator, a crafted import) learns,
 * when someone from the workshop those ids came from opens theirs in the same browser, that this
 * is that person. The browser already shows them under the name it keeps for every workshop, so
 * little is learnt that the name did not say.
 */
async function earlierSelf(ctx: IdentityContext, workshopId: string, earlier: readonly { workshopId: string; token: string }[]) {
  const proved = earlier.flatMap(({ workshopId: other, token }) => {
    const participantId = other === workshopId ? null : ctx.identities.verify(other, token)
    return participantId ? [{ participantId, from: other, token }] : []
  })
  if (proved.length === 0) return null
  const person = await ctx.registry.withRooms(workshopId, [BOARD_DOC], ([board]) =>
    proved.find(({ participantId }) => getRecord(board!.doc, 'participants', participantId) !== null),
  )
  return person ? ctx.identities.carry(person.from, person.token, workshopId) : null
}

/** A facilitator's identity as someone on the board (see `as` above). */
async function adopted(ctx: IdentityContext, workshopId: string, role: string, participantId: string) {
  if (role !== 'facilitator') throw new HttpError(403, 'only a facilitator may continue as someone already in the workshop')
  const there = await ctx.registry.withRooms(
    workshopId,
    [BOARD_DOC, CONTROL_DOC],
    ([board, control]) => getRecord(board!.doc, 'participants', participantId) !== null && readSession(control!.doc).facilitatorPeople[participantId] === true,
  )
  if (!there) throw new HttpError(404, 'no one with that id joined this workshop from its facilitator link')
  return ctx.identities.adopt(workshopId, participantId)
}
