/**
 * A dot vote. Each vote is its own record with a random id, so votes from different people never
 * collide, and a person may put several dots on one trend (within the stage's budget).
 */
import * as z from 'zod/mini'
import { idSchema, timestampSchema } from './common'

export const VoteSchema = z.object({
  id: idSchema,
  participantId: idSchema,
  trendId: idSchema,
  /** The assess stage the vote was given in; budgets count per stage. */
  stageId: idSchema,
  createdAt: timestampSchema,
})
export type Vote = z.infer<typeof VoteSchema>
