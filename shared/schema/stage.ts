/**
 * A stage of the workshop flow (see docs/method: frame → signals → trends → assess → wheel →
 * stories → takeaways). Stages are data: a template lists them, the facilitator may skip,
 * reorder or re-open them.
 */
import * as z from 'zod/mini'
import { idSchema, orderSchema, textSchema } from './common'

export const STAGE_KINDS = ['frame', 'signals', 'trends', 'assess', 'wheel', 'stories', 'takeaways'] as const
export type StageKind = (typeof STAGE_KINDS)[number]

export const stageSettingsFields = {
  /** The time box; 0 means no timer. */
  timerSeconds: z.int().check(z.minimum(0), z.maximum(4 * 3600)),
  /** Dot votes each participant may give (used by `assess`). */
  votesPerPerson: z.int().check(z.minimum(0), z.maximum(20)),
  /** The facilitator's own instruction, shown instead of the default one when not empty. */
  prompt: textSchema(500),
}
export const StageSettingsSchema = z.object(stageSettingsFields)
export type StageSettings = z.infer<typeof StageSettingsSchema>

export const StageSettingsPatchSchema = z.partial(StageSettingsSchema)
export type StageSettingsPatch = z.input<typeof StageSettingsPatchSchema>

export const StageSchema = z.object({
  id: idSchema,
  kind: z.enum(STAGE_KINDS),
  order: orderSchema,
  /** Skipped stages stay in the list (greyed out) so the facilitator can bring them back. */
  skipped: z.boolean(),
  settings: StageSettingsSchema,
})
export type Stage = z.infer<typeof StageSchema>

export const DEFAULT_STAGE_SETTINGS: StageSettings = { timerSeconds: 300, votesPerPerson: 3, prompt: '' }
