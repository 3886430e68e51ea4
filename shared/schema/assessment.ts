/**
 * One participant's placement of one trend on the impact × uncertainty grid. Keyed
 * `trendId|participantId`: a participant has one placement per trend and moving it overwrites.
 */
import * as z from 'zod/mini'
import { idSchema } from './common'

/** A position on an axis, 0 (low) to 1 (high). */
export const unitSchema = z.number().check(z.minimum(0), z.maximum(1))

export const AssessmentSchema = z.object({
  trendId: idSchema,
  participantId: idSchema,
  impact: unitSchema,
  uncertainty: unitSchema,
})
export type Assessment = z.infer<typeof AssessmentSchema>
