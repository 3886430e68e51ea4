/**
 * The method's own words, in each language the app ships: what the app shows while the room
 * works and what the exported report says afterwards are the same words, written once here. The
 * client merges them into its i18n catalogue under `vocab.` (its feature files point at them with
 * i18next's `$t(vocab.…)`), and `shared/export/catalogue.ts` takes them as they are.
 *
 * Only words both sides use belong here; a stage's name and instruction stay in its own folder.
 */
import type { CitationKind, Language, SteepCategory, Valence, When } from '../schema/index'
import { EN } from './vocabulary.en.ts'
import { FI } from './vocabulary.fi.ts'

export interface Vocabulary {
  readonly focalQuestion: string
  readonly themes: string
  readonly persona: string
  readonly personaFields: {
    readonly name: string
    readonly age: string
    readonly household: string
    readonly lifeSituation: string
    readonly needs: string
    readonly values: string
  }
  readonly untitledStory: string
  /** A story without a title, named after its persona: `{{name}}` is the persona's name. */
  readonly storyOfPersona: string
  readonly unnamedTrend: string
  readonly kinds: { readonly [K in CitationKind]: string }
  readonly kindsPlural: { readonly [K in CitationKind]: string }
  readonly opportunities: string
  readonly challenges: string
  readonly impact: string
  readonly uncertainty: string
  readonly keyDriver: string
  readonly whyItMatters: string
  readonly noTheme: string
  readonly valence: { readonly [V in Exclude<Valence, ''>]: string }
  readonly when: { readonly [W in When]: string }
  readonly steep: { readonly [C in Exclude<SteepCategory, ''>]: string }
}

export const VOCABULARY: { readonly [L in Language]: Vocabulary } = { en: EN, fi: FI }
