import { withToolStrings } from '../../i18n/index.ts'
import type { StageManifest } from '../manifest.ts'

/** Stage 4, Assess: impact × uncertainty and dot votes (AssessStage; the projector shows the pace, then the result, ScreenAssess). */
export const assess: StageManifest<'assess'> = {
  kind: 'assess',
  load: withToolStrings(() => import('./AssessStage.tsx')),
  screen: withToolStrings(() => import('./ScreenAssess.tsx')),
  ownFocus: null,
  pickerFocus: 'trend',
}
