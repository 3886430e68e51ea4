/**
 * A signal backing a trend. One record per (trend, signal) pair, keyed `trendId|signalId`: the
 * key makes "the same signal twice in one trend" impossible, and a signal may back several
 * trends. A membership whose trend or signal is gone is ignored when reading (never shown).
 *
 * A move and "Also supports" both add a membership, and merge alike; what tells them apart is
 * `movedFrom`, which only a move writes: where the card's moves started. Two standing memberships
 * of one card naming the same place were made by two people moving it at once, each meaning it to
 * be in their trend alone (or an undo or redo brought an old move back beside a newer one), and
 * only the later of them stands (see `derive/board.ts`).
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema, timestampSchema } from './common'

/** `movedFrom` of a card moved out of the unsorted pile (no membership there to name). */
export const MOVED_FROM_UNSORTED = 'unsorted'

export const MembershipSchema = z.object({
  trendId: idSchema,
  signalId: idSchema,
  /** Position of the signal inside the trend's cluster. */
  order: orderSchema,
  /** Who put the signal here. */
  addedBy: idSchema,
  /** What a move out of this membership names as `movedFrom`. Missing on boards made before moves were told apart. */
  id: z.optional(idSchema),
  /**
   * Written by a move only: the membership the card left (its `id`, or its key where it has none),
   * or `MOVED_FROM_UNSORTED`; where that membership was itself made by a move, its `movedFrom`.
   */
  movedFrom: z.optional(z.string().check(z.maxLength(200))),
  /** When the move was made, by the mover's clock: of two moves from one place, the later stands. */
  movedAt: z.optional(timestampSchema),
})
export type Membership = z.infer<typeof MembershipSchema>
