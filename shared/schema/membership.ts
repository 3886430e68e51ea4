/**
 * A signal backing a trend. One record per (trend, signal) pair, keyed `trendId|signalId`: the
 * key makes "the same signal twice in one trend" impossible, and a signal may back several
 * trends. A membership whose trend or signal is gone is ignored when reading (never shown).
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema } from './common'

export const MembershipSchema = z.object({
  trendId: idSchema,
  signalId: idSchema,
  /** Position of the signal inside the trend's cluster. */
  order: orderSchema,
  /** Who put the signal here. */
  addedBy: idSchema,
})
export type Membership = z.infer<typeof MembershipSchema>
