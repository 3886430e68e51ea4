/**
 * A trend / driving force: a direction of change that several signals point to, written as a
 * short narrative of opportunities and challenges. Signals back it through memberships.
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema, textSchema, timestampSchema } from './common'

/** Character limits of a trend's texts; the trend's fields and a suggested group's name count against them. */
export const TREND_LIMITS = { name: 120, narrative: 2000, opportunities: 2000, challenges: 2000 } as const

export const trendFields = {
  /** May be empty right after two cards were dropped together; the UI asks for a name. */
  name: textSchema(TREND_LIMITS.name),
  narrative: textSchema(TREND_LIMITS.narrative),
  opportunities: textSchema(TREND_LIMITS.opportunities),
  challenges: textSchema(TREND_LIMITS.challenges),
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
