import type { StageManifest } from '../manifest.ts'

/** Stage 4, Assess: impact × uncertainty and dot votes (AssessStage; the projector shows the pace, then the result, ScreenAssess). */
export const assess: StageManifest<'assess'> = {
  kind: 'assess',
  load: () => import('./AssessStage.tsx'),
  screen: () => import('./ScreenAssess.tsx'),
  ownFocus: null,
  pickerFocus: 'trend',
}
