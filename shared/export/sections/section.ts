import type { Report } from '../report'

/** A stage's part of the HTML report: its `<section>`s in the body and its entries in the contents. */
export interface HtmlPart {
  readonly sections: readonly string[]
  readonly contents: readonly string[]
}

/**
 * What a stage adds to the exported report (Markdown, and HTML, which the PDF prints). Rendered
 * from the format-neutral `Report` (`report.ts`), so the two formats say the same things. The
 * registry (`index.ts`) holds one per stage kind: a kind without one fails to compile.
 */
export interface ExportSection {
  /**
   * Where the report shows this stage's work, smallest first. Not the method's order: the report
   * opens with the future stories, the reason the workshop happened.
   */
  readonly position: number
  /** Its Markdown blocks (each a list of lines), none when it has nothing of its own to show. */
  markdown(report: Report): string[][]
  /** Signal anchors already given an `id` are shared between parts, so each id is used once. */
  html(report: Report, anchored: Set<string>): HtmlPart
}

/**
 * A stage whose work the report shows elsewhere (the frame's question and themes on the cover;
 * the assessment inside each trend): a section of its own that adds nothing, written down so the
 * choice is visible where the next stage's author looks.
 */
export function shownElsewhere(): ExportSection {
  return { position: 0, markdown: () => [], html: () => ({ sections: [], contents: [] }) }
}
