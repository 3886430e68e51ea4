/**
 * The stages as a person sees them, derived from the app's stage registry and catalogues: a test
 * that walks every stage picks up a new one without a list of its own to update.
 */
import { catalogues } from '../../../client/i18n/catalogues.ts'
import { STAGES } from '../../../client/stages/registry.ts'
import type { Language } from '../../../shared/schema/meta.ts'
import type { StageKind } from '../../../shared/schema/stage.ts'

/** Every stage kind, in the method's order (the full template's order). */
export const ALL_STAGE_KINDS: readonly StageKind[] = Object.values(STAGES).map((stage) => stage.kind)

/** A stage's visible name ("Futures wheel"), as the stage heading shows it. */
export function stageName(kind: StageKind, language: Language = 'en'): string {
  const stage = catalogues[language].stage
  const words = typeof stage === 'object' ? stage[kind] : undefined
  const name = typeof words === 'object' ? words.name : undefined
  if (typeof name !== 'string') throw new Error(`No ${language} name for the ${kind} stage`)
  return name
}
