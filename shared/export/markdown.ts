/**
 * The workshop as a Markdown document (CommonMark with GFM footnotes): cover facts, then each
 * stage's part (`sections/`): the future stories first, then trends with their assessment and
 * signals, unsorted signals, futures wheels and takeaways. All user text goes through `markdownText.ts`; the only links are
 * http(s) sources.
 */
import { inlineText, midText } from './markdownText'
import { buildReport, type Report } from './report'
import { REPORT_SECTIONS } from './sections/index'
import { toSnapshot, type ExportOptions, type ExportSource } from './snapshot'

/**
 * The workshop as Markdown.
 *
 * @example
 * const md = exportMarkdown({ board, control }, { includeParticipants: true, generatedAt: new Date('2025-03-12') })
 * // '# Everyday welfare 2040\n\n**Focal question:** …'
 */
export function exportMarkdown(source: ExportSource, options: ExportOptions): string {
  return renderMarkdown(buildReport(toSnapshot(source), options))
}

/** Renders an already built report (the HTML export builds the same one). */
export function renderMarkdown(report: Report): string {
  const p = report.phrases
  const blocks: string[][] = [[`# ${inlineText(report.title)}`], cover(report)]
  for (const section of REPORT_SECTIONS) blocks.push(...section.markdown(report))
  blocks.push(['---'], [`*${inlineText(p.footer(report.dateText))}*`])
  return blocks.map((lines) => lines.join('\n')).join('\n\n') + '\n'
}

function cover(report: Report): string[] {
  const p = report.phrases
  const facts: string[] = []
  if (report.focalQuestion) facts.push(`**${midText(p.focalQuestion)}:** ${midText(report.focalQuestion)}`)
  facts.push(`**${midText(p.horizon)}:** ${report.horizonYear}`, `**${midText(p.date)}:** ${midText(report.dateText)}`)
  if (report.participants) facts.push(`**${midText(p.participants)} (${report.participants.length}):** ${report.participants.map(midText).join(', ')}`)
  if (report.themes.length > 0) facts.push(`**${midText(p.themes)}:** ${report.themes.map(midText).join(', ')}`)
  // One paragraph, a hard break after each fact but the last.
  return facts.map((line, i) => (i < facts.length - 1 ? `${line}\\` : line))
}
