import { withToolStrings } from '../../i18n/index.ts'
import type { StageManifest } from '../manifest.ts'

/** Stage 6, Future stories: a persona's day in the horizon year (StoriesStage; the projector shows ScreenStories, and a story in focus itself). */
export const stories: StageManifest<'stories'> = {
  kind: 'stories',
  load: withToolStrings(() => import('./StoriesStage.tsx')),
  screen: withToolStrings(() => import('./ScreenStories.tsx')),
  ownFocus: 'story',
  pickerFocus: 'story',
}
