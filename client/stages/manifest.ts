/**
 * What a stage folder tells the app about itself: one `index.ts` per stage exports a
 * `StageManifest`, and `registry.ts` lists them in a total record, so a stage kind added to the
 * schema without its folder fails to compile. See "Add a stage" in the README.
 */
import type { ComponentType } from 'react'
import type { FocusKind } from '../../shared/schema/session.ts'
import type { StageKind } from '../../shared/schema/stage.ts'
import type { ScreenProps, StageProps } from './types.ts'

export interface StageModule {
  default: ComponentType<StageProps>
}

export interface ScreenModule {
  default: ComponentType<ScreenProps>
}

export interface StageManifest<K extends StageKind = StageKind> {
  readonly kind: K
  /**
   * Fetches the stage's working view (`<Kind>Stage.tsx`, for the facilitator and participants), a
   * chunk of its own: a phone on the signals stage never downloads the wheel. Keep it a dynamic
   * `import()` — a static import here would pull the stage into the first chunk every participant
   * loads.
   */
  readonly load: () => Promise<StageModule>
  /**
   * Fetches the stage's projector view (`Screen<Kind>.tsx`): read-only, large type, nothing to
   * click. A chunk of its own too, so no phone downloads projector code and the projector never
   * downloads the editing tools. Also a dynamic `import()`.
   */
  readonly screen: () => Promise<ScreenModule>
  /**
   * The kind of item this stage's projector view shows large itself when the facilitator puts one
   * in focus (the trends stage its focused cluster with its cards). Null: the projector's own
   * focus view shows any focus in place of the stage.
   */
  readonly ownFocus: FocusKind | null
  /** The kind of item this stage works with: the facilitator's focus picker opens on it. */
  readonly pickerFocus: FocusKind
}
