/**
 * A weak signal: an early, often surprising sign of a change that may grow; one observation with
 * a source. Lives in the board document (and, while private mode is on, in its author's draft).
 */
import * as z from 'zod/mini'
import { URL_MAX, httpUrlOrEmptySchema, httpUrlSchema, idSchema, idSetSchema, orderSchema, requiredTextSchema, textSchema, timestampSchema } from './common'

/** STEEP: Social, Technological, Economic, Environmental, Political; `''` when not chosen. */
export const STEEP_CATEGORIES = ['social', 'technological', 'economic', 'environmental', 'political'] as const
export const CategorySchema = z.enum([...STEEP_CATEGORIES, ''])
export type SteepCategory = z.infer<typeof CategorySchema>

/**
 * The most characters each text of a card holds (after trimming). The card form counts against
 * the same numbers, so a person sees the limit before the document refuses the text.
 */
export const SIGNAL_LIMITS = { title: 200, description: 2000, sourceUrl: URL_MAX, whyItMatters: 1000 } as const

/** The fields a participant writes on the card. */
export const signalFields = {
  title: requiredTextSchema(SIGNAL_LIMITS.title),
  description: textSchema(SIGNAL_LIMITS.description),
  sourceUrl: httpUrlOrEmptySchema,
  /** `''` = no theme. A theme deleted later reads as no theme (see `derive/wall.ts`). */
  themeId: z.union([idSchema, z.literal('')]),
  category: CategorySchema,
  whyItMatters: textSchema(SIGNAL_LIMITS.whyItMatters),
}

export const SignalSchema = z.object({
  id: idSchema,
  ...signalFields,
  /** Who wrote the card first. */
  authorId: idSchema,
  /** Everyone whose card went into this one (a merge keeps both authors); includes `authorId`. */
  authorIds: idSetSchema,
  /** Further links gathered by merging duplicates; `sourceUrl` stays the primary one. */
  sources: z.array(httpUrlSchema).check(z.maxLength(100)),
  order: orderSchema,
  /** Brought in from the signal bank (a scanning spreadsheet, an earlier workshop), not written here. */
  fromBank: z.optional(z.boolean()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Signal = z.infer<typeof SignalSchema>

/** What `addSignal` takes: a title, and whatever else the author filled in. */
export const SignalInputSchema = z.required(z.partial(z.object(signalFields)), { title: true })
export type SignalInput = z.input<typeof SignalInputSchema>

export const SignalPatchSchema = z.partial(z.object(signalFields))
export type SignalPatch = z.input<typeof SignalPatchSchema>

export const SIGNAL_DEFAULTS = {
  description: '',
  sourceUrl: '',
  themeId: '',
  category: '',
  whyItMatters: '',
} as const satisfies Omit<z.infer<z.ZodMiniObject<typeof signalFields>>, 'title'>
