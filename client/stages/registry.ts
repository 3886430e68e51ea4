/**
 * Every stage the app can show, by kind. Total: a kind in `STAGE_KINDS` without an entry here is
 * a compile error, not a blank stage at a workshop. Each entry is the stage folder's manifest
 * (`<stage>/index.ts`), which holds only loaders and data, so importing this file pulls no stage
 * code into the first chunk.
 */
import type { StageKind } from '../../shared/schema/stage.ts'
import type { StageManifest } from './manifest.ts'
import { assess } from './assess/index.ts'
import { frame } from './frame/index.ts'
import { signals } from './signals/index.ts'
import { stories } from './stories/index.ts'
import { takeaways } from './takeaways/index.ts'
import { trends } from './trends/index.ts'
import { wheel } from './wheel/index.ts'

export const STAGES: { readonly [K in StageKind]: StageManifest<K> } = { frame, signals, trends, assess, wheel, stories, takeaways }

/** The manifest of a stage kind. */
export function stageManifest<K extends StageKind>(kind: K): StageManifest<K> {
  return STAGES[kind]
}
