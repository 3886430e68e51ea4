import type { IncomingMessage } from 'node:http'
import { ID_PATTERN, type Role } from '../../shared/protocol.ts'
import type { WorkshopRecord } from '../store/docStore.ts'
import type { WorkshopService } from '../workshops/workshopService.ts'
import { HttpError } from './body.ts'

/**
 * Checks `Authorization: Bearer <key>` (keys never travel in query strings, which get logged) and
 * returns the role it grants, which must be `required` when given, and the workshop's record: one
 * read of the store, which the handler reuses rather than reading again.
 */
export async function authenticate(
  ctx: { workshops: WorkshopService },
  req: IncomingMessage,
  id: string,
  required?: Role,
): Promise<{ key: string; role: Role; record: WorkshopRecord }> {
  if (!ID_PATTERN.test(id)) throw new HttpError(400, 'malformed workshop id')
  const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (!key) throw new HttpError(401, `missing Authorization: Bearer <${required ?? 'workshop'} key>`)
  const { record, role } = await ctx.workshops.identify(id, key)
  if (!record) throw new HttpError(404, 'no such workshop')
  if (!role) throw new HttpError(401, `the key is not this workshop's ${required ?? 'key'}`)
  // A valid key of another role is known; it just may not do this.
  if (required && role !== required) throw new HttpError(403, `this needs the ${required} key`)
  return { key, role, record }
}
