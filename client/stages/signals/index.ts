import type { StageManifest } from '../manifest.ts'

/** Stage 2, Signals: the shared wall of early signs of change (SignalsStage; the projector shows ScreenSignals). */
export const signals: StageManifest<'signals'> = {
  kind: 'signals',
  load: () => import('./SignalsStage.tsx'),
  screen: () => import('./ScreenSignals.tsx'),
  ownFocus: null,
  pickerFocus: 'signal',
}
