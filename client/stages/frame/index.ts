import type { StageManifest } from '../manifest.ts'

/** Stage 1, Frame: the focal question, horizon and themes (FrameStage; the projector reads it big, ScreenFrame). */
export const frame: StageManifest<'frame'> = {
  kind: 'frame',
  load: () => import('./FrameStage.tsx'),
  screen: () => import('./ScreenFrame.tsx'),
  ownFocus: null,
  pickerFocus: 'signal',
}
