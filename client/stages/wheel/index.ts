import { withToolStrings } from '../../i18n/index.ts'
import type { StageManifest } from '../manifest.ts'

/** Stage 5, Futures wheel: consequences around each trend in focus (WheelStage; the projector shows ScreenWheel, and a wheel in focus itself). */
export const wheel: StageManifest<'wheel'> = {
  kind: 'wheel',
  load: withToolStrings(() => import('./WheelStage.tsx')),
  screen: withToolStrings(() => import('./ScreenWheel.tsx')),
  ownFocus: 'wheel',
  pickerFocus: 'wheel',
}
