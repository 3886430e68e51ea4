/**
 * A participant's private draft document, used while private mode is on: their signals (same
 * shape as board signals) and who owns it, so the server can show "Anna: 3 cards" without
 * revealing the cards.
 */
import * as z from 'zod/mini'
import { idSchema, requiredTextSchema } from './common'

export const DraftOwnerSchema = z.object({
  participantId: idSchema,
  name: requiredTextSchema(60),
})
export type DraftOwner = z.infer<typeof DraftOwnerSchema>
