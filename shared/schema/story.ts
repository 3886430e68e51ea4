/**
 * A future story: a day in the life of one persona in the horizon year. The record holds what a
 * card and the export need; the text itself is a collaborative rich-text body kept beside it (a
 * Y.XmlFragment, see `getStoryBody`) so that typing never rewrites this record.
 */
import * as z from 'zod/mini'
import { idSchema, idSetSchema, orderSchema, textSchema, timestampSchema } from './common'

/** Character limit of a story's title; the title field counts against it. */
export const STORY_LIMITS = { title: 120 } as const

export const storyFields = {
  title: textSchema(STORY_LIMITS.title),
  /** The trends, consequences and signals the story draws on (the method asks for ≥ 1 trend). */
  trendIds: idSetSchema,
  wheelNodeIds: idSetSchema,
  signalIds: idSetSchema,
}

export const StorySchema = z.object({
  id: idSchema,
  ...storyFields,
  /** The breakout group writing it; `null` when the whole room writes one story. */
  groupId: z.nullable(idSchema),
  personaId: idSchema,
  order: orderSchema,
  createdBy: idSchema,
  createdAt: timestampSchema,
})
export type Story = z.infer<typeof StorySchema>

export const StoryPatchSchema = z.partial(z.object(storyFields))
export type StoryPatch = z.input<typeof StoryPatchSchema>
