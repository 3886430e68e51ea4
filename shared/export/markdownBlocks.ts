/**
 * Markdown pieces more than one part of the report uses: a labelled paragraph, lines joined by
 * hard breaks, and the list of signals (under each trend and for the unsorted ones).
 */
import { continueLines, inlineText, link, midText, paragraphLines } from './markdownText'
import type { Report, ReportSignal } from './report'

export function signalList(report: Report, signals: readonly ReportSignal[]): string[] {
  const p = report.phrases
  return signals.flatMap((signal) => {
    const tags = [signal.category ? p.steep[signal.category] : '', signal.theme].filter(Boolean).map((tag) => `*${midText(tag)}*`)
    const segments: string[][] = [[[`**${midText(signal.title)}**`, ...tags].join(' · ')]]
    if (signal.description) segments.push(paragraphLines(signal.description))
    if (signal.whyItMatters) segments.push(labelled(p.whyItMatters, paragraphLines(signal.whyItMatters), '*'))
    if (signal.links.length > 0) segments.push([`${inlineText(p.source)}: ${signal.links.map((source) => link(source)).join(', ')}`])
    return continueLines(hardJoin(segments), '- ', 2)
  })
}

/** `**Label:** first line…`, the label in bold (or `*` for italic). */
export function labelled(label: string, lines: string[], delimiter = '**'): string[] {
  if (lines.length === 0) return lines
  // The first line follows the label, so its line-start escape (if any) is kept: harmless.
  return [`${delimiter}${midText(label)}:${delimiter} ${lines[0]}`, ...lines.slice(1)]
}

/**
 * Joins segments into one block with hard breaks between them. A trailing backslash is only a
 * break when text follows on the next line, so none is added before a blank line or at the end.
 */
export function hardJoin(segments: readonly string[][]): string[] {
  const out: string[] = []
  for (const segment of segments) {
    if (segment.length === 0) continue
    if (out.length > 0 && out[out.length - 1] !== '') out[out.length - 1] += '\\'
    out.push(...segment)
  }
  return out
}
