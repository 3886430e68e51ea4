/**
 * Someone who joined the workshop. The id is made once per browser and remembered there; the
 * name is asked once and editable later. Presence (who is online now) is not here: it travels in
 * awareness.
 */
import * as z from 'zod/mini'
import { idSchema, requiredTextSchema, timestampSchema } from './common'

/**
 * Okabe–Ito colours without yellow and black: distinguishable with the common colour-vision
 * deficiencies and visible on a light background. The UI always shows the name too.
 */
export const PARTICIPANT_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7'] as const

/** Character limit of a participant's name; the name dialog counts against it. */
export const PARTICIPANT_LIMITS = { name: 60 } as const

export const ParticipantSchema = z.object({
  id: idSchema,
  name: requiredTextSchema(PARTICIPANT_LIMITS.name),
  color: z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/)),
  joinedAt: timestampSchema,
})
export type Participant = z.infer<typeof ParticipantSchema>

/** A stable colour for an id, so a person keeps their colour across devices and reloads. */
export function colorForId(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PARTICIPANT_COLORS[hash % PARTICIPANT_COLORS.length] as string
}
