/**
 * The stages of the foresight flow as data, in the handbook's order (README.md, top). The client owns the words: a
 * stage here names only its i18n keys, so English and Finnish live in one catalogue each.
 */
import { DEFAULT_STAGE_SETTINGS, STAGE_KINDS, type StageKind, type StageSettings } from '../schema/stage'

export interface StageDefinition {
  readonly kind: StageKind
  /** e.g. `stage.signals.name` → "Signals" / "Heikot signaalit". */
  readonly nameKey: string
  /** The one instruction a participant sees: "what do I do now". */
  readonly instructionKey: string
  /** What the facilitator is reminded to do in this stage. */
  readonly facilitatorKey: string
  /** Short time boxes: a phase of about 5–10 minutes keeps a room moving. */
  readonly defaultSettings: StageSettings
}

const MINUTE = 60

function define(kind: StageKind, minutes: number, settings: Partial<StageSettings> = {}): StageDefinition {
  return Object.freeze({
    kind,
    nameKey: `stage.${kind}.name`,
    instructionKey: `stage.${kind}.instruction`,
    facilitatorKey: `stage.${kind}.facilitator`,
    defaultSettings: Object.freeze({ ...DEFAULT_STAGE_SETTINGS, timerSeconds: minutes * MINUTE, ...settings }),
  })
}

/** Every stage kind with its defaults, in the method's order. */
export const STAGE_DEFINITIONS: { readonly [K in StageKind]: StageDefinition } = {
  frame: define('frame', 5),
  signals: define('signals', 10),
  trends: define('trends', 10),
  assess: define('assess', 5, { votesPerPerson: 3 }),
  wheel: define('wheel', 10),
  stories: define('stories', 10),
  takeaways: define('takeaways', 5),
}

/** The kinds in the method's order (frame first, takeaways last). */
export const METHOD_ORDER: readonly StageKind[] = STAGE_KINDS
