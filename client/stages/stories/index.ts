import type { StageManifest } from '../manifest.ts'

/** Stage 6, Future stories: a persona's day in the horizon year (StoriesStage; the projector shows ScreenStories, and a story in focus itself). */
export const stories: StageManifest<'stories'> = {
  kind: 'stories',
  load: () => import('./StoriesStage.tsx'),
  screen: () => import('./ScreenStories.tsx'),
  ownFocus: 'story',
  pickerFocus: 'story',
}
