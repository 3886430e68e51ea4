import type { IncomingMessage, ServerResponse } from 'node:http'
import { bankSignalsOf } from '../../shared/bank/fromWorkshop.ts'
import { readBoard, readControl } from '../../shared/doc/index.ts'
import { readWorkshopDocuments } from '../export/documents.ts'
import type { ApiContext } from '../http/api.ts'
import { authenticate } from '../http/auth.ts'

type Route = [method: string, pattern: RegExp, handler: (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void>]

/**
 * `GET /api/workshops/:id/bank` with `Authorization: Bearer <that workshop's facilitator key>`:
 * its signals, to bring into another workshop (the signal bank). Only the facilitator of the
 * earlier workshop may read them this way: a participant's or a screen's key is refused (401),
 * as is the facilitator key of any other workshop.
 *
 * @example
 * routes.push(...bankRoutes(ctx, sendJson))
 */
export function bankRoutes(ctx: Pick<ApiContext, 'registry' | 'workshops'>, sendJson: (res: ServerResponse, status: number, body: unknown) => void): Route[] {
  return [
    [
      'GET',
      /^\/api\/workshops\/([^/]+)\/bank$/,
      async (req, res, [id]) => {
        await authenticate(ctx, req, id!, 'facilitator')
        const bank = await readWorkshopDocuments(ctx.registry, id!, (docs) => bankSignalsOf(readBoard(docs.board), readControl(docs.control)))
        sendJson(res, 200, bank)
      },
    ],
  ]
}
