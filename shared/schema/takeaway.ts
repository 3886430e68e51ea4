/**
 * A takeaway: an action or recommendation for now (what, who, when), linked to the stories and
 * trends it comes from. Agreement is shown with +1s, each its own record keyed
 * `takeawayId|participantId`, so concurrent +1s from different people all count.
 */
import * as z from 'zod/mini'
import { idSchema, idSetSchema, orderSchema, requiredTextSchema, textSchema, timestampSchema } from './common'

export const WHEN = ['now', 'year', 'fiveYears'] as const
export type When = (typeof WHEN)[number]

/** Character limits of a takeaway's texts; the form counts against them. */
export const TAKEAWAY_LIMITS = { text: 500, who: 120 } as const

export const takeawayFields = {
  text: requiredTextSchema(TAKEAWAY_LIMITS.text),
  who: textSchema(TAKEAWAY_LIMITS.who),
  when: z.enum(WHEN),
  storyIds: idSetSchema,
  trendIds: idSetSchema,
}

export const TakeawaySchema = z.object({
  id: idSchema,
  ...takeawayFields,
  createdBy: idSchema,
  createdAt: timestampSchema,
  order: orderSchema,
})
export type Takeaway = z.infer<typeof TakeawaySchema>

export const TakeawayInputSchema = z.required(z.partial(z.object(takeawayFields)), { text: true })
export type TakeawayInput = z.input<typeof TakeawayInputSchema>

export const TakeawayPatchSchema = z.partial(z.object(takeawayFields))
export type TakeawayPatch = z.input<typeof TakeawayPatchSchema>

export const TAKEAWAY_DEFAULTS: Readonly<Pick<Takeaway, 'who' | 'when' | 'storyIds' | 'trendIds'>> = Object.freeze({
  who: '',
  when: 'now',
  storyIds: [],
  trendIds: [],
})

export const PlusOneSchema = z.object({
  takeawayId: idSchema,
  participantId: idSchema,
})
export type PlusOne = z.infer<typeof PlusOneSchema>
