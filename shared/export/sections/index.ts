/**
 * Every stage's part of the exported report, by kind. Total: a stage kind without its export
 * section is a compile error. One file per stage in this folder; `shownElsewhere()` for a stage
 * whose work another part already shows. Pure and server-safe: the server renders exports without
 * the client.
 */
import type { StageKind } from '../../schema/stage'
import { assess } from './assess'
import { frame } from './frame'
import type { ExportSection } from './section'
import { signals } from './signals'
import { stories } from './stories'
import { takeaways } from './takeaways'
import { trends } from './trends'
import { wheel } from './wheel'

export const EXPORT_SECTIONS: { readonly [K in StageKind]: ExportSection } = { frame, signals, trends, assess, wheel, stories, takeaways }

/** The sections in the report's order (`position`). */
export const REPORT_SECTIONS: readonly ExportSection[] = Object.values(EXPORT_SECTIONS).sort((a, b) => a.position - b.position)
