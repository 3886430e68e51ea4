/**
 * The templates a facilitator picks from when creating a workshop (the method: README.md, top). Data only:
 * `createWorkshopControl` turns one into the control document's first content.
 */
import type { Language, Tone } from '../schema/meta'
import type { StageKind, StageSettings } from '../schema/stage'
import { TEMPLATE_HORIZON_YEARS } from '../api'
import { STAGE_DEFINITIONS, METHOD_ORDER } from './stages'

export const TEMPLATE_IDS = ['signals-to-stories', 'innosi-welfare', 'quick-signals'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export interface TemplateStage {
  readonly kind: StageKind
  readonly settings: StageSettings
}

/** A theme label in each language the tool speaks; the workshop's language picks one. */
export type TemplateTheme = { readonly [L in Language]: string }

export interface Template {
  readonly id: TemplateId
  readonly nameKey: string
  readonly descriptionKey: string
  readonly stages: readonly TemplateStage[]
  readonly themes: readonly TemplateTheme[]
  readonly horizonYear: number
  readonly tone: Tone
  /** The session length the time boxes are planned for, with room for talk between them. */
  readonly durationMinutes: number
}

function stagesOf(kinds: readonly StageKind[], overrides: Partial<Record<StageKind, Partial<StageSettings>>> = {}): TemplateStage[] {
  return kinds.map((kind) => ({ kind, settings: { ...STAGE_DEFINITIONS[kind].defaultSettings, ...overrides[kind] } }))
}

/** The four themes InnoSI collected signals under. */
const INNOSI_THEMES: readonly TemplateTheme[] = [
  { en: 'Children and parents', fi: 'Lapset ja vanhemmat' },
  { en: 'Older people', fi: 'Ikääntyneet' },
  { en: 'Economy and working life', fi: 'Talous ja työelämä' },
  { en: 'Immigration', fi: 'Maahanmuutto' },
]

export const TEMPLATES: { readonly [I in TemplateId]: Template } = {
  'signals-to-stories': {
    id: 'signals-to-stories',
    nameKey: 'template.signals-to-stories.name',
    descriptionKey: 'template.signals-to-stories.description',
    stages: stagesOf(METHOD_ORDER),
    themes: [],
    horizonYear: TEMPLATE_HORIZON_YEARS['signals-to-stories'],
    tone: 'neutral',
    durationMinutes: 180,
  },
  'innosi-welfare': {
    id: 'innosi-welfare',
    nameKey: 'template.innosi-welfare.name',
    descriptionKey: 'template.innosi-welfare.description',
    stages: stagesOf(METHOD_ORDER),
    themes: INNOSI_THEMES,
    horizonYear: TEMPLATE_HORIZON_YEARS['innosi-welfare'],
    tone: 'positive',
    durationMinutes: 180,
  },
  'quick-signals': {
    id: 'quick-signals',
    nameKey: 'template.quick-signals.name',
    descriptionKey: 'template.quick-signals.description',
    // 5 + 10 + 10 + 5 minutes of time boxes leave half the hour for talk and the walk-through.
    stages: stagesOf(['frame', 'signals', 'trends', 'takeaways']),
    themes: [],
    horizonYear: TEMPLATE_HORIZON_YEARS['quick-signals'],
    tone: 'neutral',
    durationMinutes: 60,
  },
}

export const DEFAULT_TEMPLATE_ID: TemplateId = 'signals-to-stories'

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value)
}

/** The template with this id, or the default one for an unknown id (an old link, a typo). */
export function getTemplate(id: string): Template {
  return isTemplateId(id) ? TEMPLATES[id] : TEMPLATES[DEFAULT_TEMPLATE_ID]
}
