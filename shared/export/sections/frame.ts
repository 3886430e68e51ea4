import { shownElsewhere } from './section'

/** Stage 1, Frame: the title, focal question, horizon and themes are the report's cover (`markdown.ts`, `html.ts`). */
export const frame = shownElsewhere()
