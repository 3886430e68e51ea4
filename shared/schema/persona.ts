/**
 * The person a future story is about: one persona per story, written by the group together, so
 * each field is its own entry and two people can fill in different fields at once.
 */
import * as z from 'zod/mini'
import { idSchema, textSchema } from './common'

export const personaFields = {
  name: textSchema(60),
  /** Age in the horizon year; `null` while nobody has decided. */
  age: z.nullable(z.int().check(z.minimum(0), z.maximum(130))),
  household: textSchema(200),
  lifeSituation: textSchema(1000),
  needs: textSchema(1000),
  values: textSchema(1000),
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
