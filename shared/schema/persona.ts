/**
 * The person a future story is about: one persona per story, written by the group together, so
 * each field is its own entry and two people can fill in different fields at once.
 */
import * as z from 'zod/mini'
import { idSchema, textSchema } from './common'

/** Character limits of a persona's texts; the story stage's fields count against them. */
export const PERSONA_LIMITS = { name: 60, household: 200, lifeSituation: 1000, needs: 1000, values: 1000 } as const

export const personaFields = {
  name: textSchema(PERSONA_LIMITS.name),
  /** Age in the horizon year; `null` while nobody has decided. */
  age: z.nullable(z.int().check(z.minimum(0), z.maximum(130))),
  household: textSchema(PERSONA_LIMITS.household),
  lifeSituation: textSchema(PERSONA_LIMITS.lifeSituation),
  needs: textSchema(PERSONA_LIMITS.needs),
  values: textSchema(PERSONA_LIMITS.values),
}

export const PersonaSchema = z.object({
  id: idSchema,
  storyId: idSchema,
  ...personaFields,
})
export type Persona = z.infer<typeof PersonaSchema>

export const PersonaPatchSchema = z.partial(z.object(personaFields))
export type PersonaPatch = z.input<typeof PersonaPatchSchema>

export const PERSONA_DEFAULTS = {
  name: '',
  age: null,
  household: '',
  lifeSituation: '',
  needs: '',
  values: '',
} as const satisfies z.infer<typeof PersonaPatchSchema>
