/**
 * "I'm done with this stage": the facilitator sees how many are ready before moving on. Keyed
 * `stageId|participantId`, so each person toggles only their own entry.
 */
import * as z from 'zod/mini'
import { idSchema } from './common'

export const ReadySchema = z.object({
  stageId: idSchema,
  participantId: idSchema,
  ready: z.boolean(),
})
export type Ready = z.infer<typeof ReadySchema>
