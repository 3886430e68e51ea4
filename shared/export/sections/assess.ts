import { shownElsewhere } from './section'

/** Stage 4, Assess: each trend carries its assessment and votes, and the HTML trends part opens with the matrix (`trends.ts`). */
export const assess = shownElsewhere()
