import { withToolStrings } from '../../i18n/index.ts'
import type { StageManifest } from '../manifest.ts'

/** Stage 7, Takeaways: what to do now, within a year, within five years (TakeawaysStage; the projector shows ScreenTakeaways). */
export const takeaways: StageManifest<'takeaways'> = {
  kind: 'takeaways',
  load: withToolStrings(() => import('./TakeawaysStage.tsx')),
  screen: withToolStrings(() => import('./ScreenTakeaways.tsx')),
  ownFocus: null,
  pickerFocus: 'story',
}
