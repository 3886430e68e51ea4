/**
 * Workshop meta: what the group looks at (focal question, horizon, themes) and how the tool
 * speaks (language, tone). Lives in the control document; only the facilitator writes it.
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema, requiredTextSchema, textSchema } from './common'

export const LANGUAGES = ['en', 'fi'] as const
export type Language = (typeof LANGUAGES)[number]

/** The tone stories and trends are written in; InnoSI wrote "positive, possibility-seeking". */
export const TONES = ['neutral', 'positive'] as const
export type Tone = (typeof TONES)[number]

/** Character limits of the frame's texts; the facilitator's forms count against them. */
export const META_LIMITS = { title: 200, focalQuestion: 500, themeLabel: 60 } as const

/** A theme is a lens signals are collected under ("older people", "economy and working life"). */
export const ThemeSchema = z.object({
  id: idSchema,
  label: requiredTextSchema(META_LIMITS.themeLabel),
  order: orderSchema,
})
export type Theme = z.infer<typeof ThemeSchema>

/** The editable scalar fields of meta; themes have their own command (`setThemes`). */
export const metaFields = {
  title: textSchema(META_LIMITS.title),
  focalQuestion: textSchema(META_LIMITS.focalQuestion),
  horizonYear: z.int().check(z.minimum(2000), z.maximum(2200)),
  language: z.enum(LANGUAGES),
  templateId: z.string().check(z.maxLength(64)),
  tone: z.enum(TONES),
}

export const MetaSchema = z.object({
  ...metaFields,
  /** Sorted by `order`, then id. */
  themes: z.array(ThemeSchema),
})
export type Meta = z.infer<typeof MetaSchema>

export const MetaPatchSchema = z.partial(z.object(metaFields))
export type MetaPatch = z.input<typeof MetaPatchSchema>

export const META_DEFAULTS: Meta = {
  title: '',
  focalQuestion: '',
  horizonYear: 2040,
  language: 'en',
  templateId: 'signals-to-stories',
  tone: 'neutral',
  themes: [],
}

/** What `setThemes` takes: an existing theme keeps its id (signals refer to it), a new one has none. */
export const ThemeInputSchema = z.object({ id: z.optional(idSchema), label: requiredTextSchema(META_LIMITS.themeLabel) })
export type ThemeInput = z.input<typeof ThemeInputSchema>
