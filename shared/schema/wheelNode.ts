/**
 * A consequence on a futures wheel. The wheel's centre is a trend; a node sits directly on the
 * trend (first order, `parentId: null`) or on another node one ring further out (up to the third
 * order). Deleting a node deletes its subtree; a node whose parent was deleted concurrently is
 * not shown (see `derive/wheel.ts`).
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema, textSchema } from './common'

export const MAX_RING = 3

/** The longest text a consequence may have; the wheel's form counts against it. */
export const WHEEL_NODE_LIMITS = { text: 280 } as const

export const VALENCES = ['positive', 'negative', 'mixed'] as const
export const ValenceSchema = z.enum([...VALENCES, ''])
export type Valence = z.infer<typeof ValenceSchema>

export const wheelNodeFields = {
  text: textSchema(WHEEL_NODE_LIMITS.text),
  valence: ValenceSchema,
}

export const WheelNodeSchema = z.object({
  id: idSchema,
  /** The trend at the centre of this wheel. */
  trendId: idSchema,
  /** `null` = first-order consequence, directly on the trend. */
  parentId: z.nullable(idSchema),
  /** 1, 2 or 3: first-, second- or third-order consequence. */
  ring: z.int().check(z.minimum(1), z.maximum(MAX_RING)),
  ...wheelNodeFields,
  order: orderSchema,
  authorId: idSchema,
  /** The breakout group that made it, when the room was split. */
  groupId: z.nullable(idSchema),
})
export type WheelNode = z.infer<typeof WheelNodeSchema>

export const WheelNodePatchSchema = z.partial(z.object(wheelNodeFields))
export type WheelNodePatch = z.input<typeof WheelNodePatchSchema>
