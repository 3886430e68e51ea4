import { withToolStrings } from '../../i18n/index.ts'
import type { StageManifest } from '../manifest.ts'

/** Stage 3, Trends: signals clustered into named trends (TrendsStage; the projector shows ScreenTrends, and a trend in focus itself). */
export const trends: StageManifest<'trends'> = {
  kind: 'trends',
  load: withToolStrings(() => import('./TrendsStage.tsx')),
  screen: withToolStrings(() => import('./ScreenTrends.tsx')),
  ownFocus: 'trend',
  pickerFocus: 'trend',
}
