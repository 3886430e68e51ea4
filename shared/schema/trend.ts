/**
 * A trend / driving force: a direction of change that several signals point to, written as a
 * short narrative of opportunities and challenges. Signals back it through memberships.
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema, textSchema, timestampSchema } from './common'

export const trendFields = {
  /** May be empty right after two cards were dropped together; the UI asks for a name. */
  name: textSchema(120),
  narrative: textSchema(2000),
  opportunities: textSchema(2000),
  challenges: textSchema(2000),
}

export const TrendSchema = z.object({
  id: idSchema,
  ...trendFields,
  order: orderSchema,
  createdBy: idSchema,
  createdAt: timestampSchema,
})
export type Trend = z.infer<typeof TrendSchema>

export const TrendPatchSchema = z.partial(z.object(trendFields))
export type TrendPatch = z.input<typeof TrendPatchSchema>

export const TREND_DEFAULTS = { name: '', narrative: '', opportunities: '', challenges: '' } as const
