/**
 * The workshop as a Markdown document (CommonMark with GFM footnotes): cover facts, the future
 * stories first, then trends with their assessment and signals, unsorted signals, futures
 * wheels and takeaways. All user text goes through `markdownText.ts`; the only links are
 * http(s) sources.
 */
import { formatScale } from './catalogue'
import { bodyLines } from './markdownBody'
import { continueLines, escapeInline, inlineText, link, midText, paragraphLines } from './markdownText'
import { buildReport, type Report, type ReportSignal, type ReportTakeaway, type ReportTrend, type ReportWheelNode } from './report'
import type { ReportStory } from './reportStories'
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
  blocks.push([`## ${inlineText(p.stories)}`])
  if (report.stories.length === 0) blocks.push([inlineText(p.none)])
  for (const story of report.stories) blocks.push(...storyBlocks(report, story))
  blocks.push([`## ${inlineText(p.trends)}`])
  if (report.trends.length === 0) blocks.push([inlineText(p.none)])
  for (const trend of report.trends) blocks.push(...trendBlocks(report, trend))
  if (report.unsorted.length > 0) blocks.push([`## ${inlineText(p.unsorted)}`], signalList(report, report.unsorted))
  if (report.wheels.length > 0) {
    blocks.push([`## ${inlineText(p.wheels)}`])
    for (const wheel of report.wheels)
      blocks.push(
        [`### ${inlineText(`${p.wheelOf}: ${wheel.trend.name}`)}`],
        wheel.nodes.flatMap((node) => wheelLines(report, node)),
      )
  }
  blocks.push([`## ${inlineText(p.takeaways)}`])
  for (const group of report.takeaways) {
    blocks.push([`### ${inlineText(p.when[group.when])}`])
    blocks.push(group.items.length === 0 ? [inlineText(p.none)] : group.items.flatMap((item) => takeawayLines(report, item)))
  }
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

function storyBlocks(report: Report, story: ReportStory): string[][] {
  const p = report.phrases
  const blocks: string[][] = [[`### ${story.number}. ${midText(story.title)}`]]
  if (story.persona) {
    const fields = p.personaFields
    const persona = story.persona
    const items: string[] = []
    const add = (label: string, value: string) => {
      if (value) items.push(...continueLines(labelled(label, paragraphLines(value)), '- ', 2))
    }
    add(fields.name, persona.name)
    if (persona.age !== null) add(fields.age, String(persona.age))
    add(fields.household, persona.household)
    add(fields.lifeSituation, persona.lifeSituation)
    add(fields.needs, persona.needs)
    add(fields.values, persona.values)
    blocks.push([`**${inlineText(p.persona)}**`], items)
  }
  const body = bodyLines(story.blocks, 4)
  blocks.push(body.length > 0 ? body : [`*${inlineText(p.noStoryText)}*`])
  if (story.drawsOn.length > 0) {
    const groups = story.drawsOn.map((group) => `${midText(p.kindsPlural[group.kind])}: ${group.items.map((item) => midText(item.name)).join('; ')}`)
    blocks.push([`**${midText(p.drawsOn)}:** ${groups.join(' · ')}`])
  }
  if (story.footnotes.length > 0) {
    blocks.push(
      story.footnotes.map((note) => {
        const kind = note.removed ? p.removed[note.kind] : p.kinds[note.kind]
        const context = note.context ? ` (${midText(note.context)})` : ''
        const source = note.link ? ` — ${link(note.link)}` : ''
        return `[^${note.n}]: ${midText(kind)}${context}: ${midText(note.name)}${source}`
      }),
    )
  }
  return blocks
}

function trendBlocks(report: Report, trend: ReportTrend): string[][] {
  const p = report.phrases
  const heading = `### ${trend.number}. ${midText(trend.name)}${trend.keyDriver ? ` — ★ ${midText(p.keyDriver)}` : ''}`
  const blocks: string[][] = [[heading]]
  if (trend.narrative) blocks.push(paragraphLines(trend.narrative))
  if (trend.opportunities) blocks.push(labelled(p.opportunities, paragraphLines(trend.opportunities)))
  if (trend.challenges) blocks.push(labelled(p.challenges, paragraphLines(trend.challenges)))
  blocks.push([`**${midText(p.assessment)}:** ${midText(assessmentText(report, trend))}`])
  blocks.push([`**${inlineText(p.signalsBehind)} (${trend.signals.length}):**`])
  blocks.push(trend.signals.length > 0 ? signalList(report, trend.signals) : [`*${inlineText(p.noSignals)}*`])
  return blocks
}

/** "Impact 7.5/10 (± 1) · Uncertainty 3/10 (± 0.5) · 5 placements · 4 votes" */
export function assessmentText(report: Report, trend: ReportTrend): string {
  const p = report.phrases
  const { impact, uncertainty, placements, votes } = trend.assessment
  const parts =
    impact && uncertainty
      ? [
          `${p.impact} ${formatScale(impact.median, p)}/10 (± ${formatScale(impact.spread, p)})`,
          `${p.uncertainty} ${formatScale(uncertainty.median, p)}/10 (± ${formatScale(uncertainty.spread, p)})`,
          p.count.placements(placements),
        ]
      : [p.notAssessed]
  parts.push(p.count.votes(votes))
  return parts.join(' · ')
}

function signalList(report: Report, signals: readonly ReportSignal[]): string[] {
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

function wheelLines(report: Report, node: ReportWheelNode, depth = 0): string[] {
  const p = report.phrases
  const note = [p.ring(node.ring), node.valence ? p.valence[node.valence] : ''].filter(Boolean).join(', ')
  const line = `${'  '.repeat(depth)}- ${inlineText(node.text || '…')} *(${midText(note)})*`
  return [line, ...node.children.flatMap((child) => wheelLines(report, child, depth + 1))]
}

function takeawayLines(report: Report, item: ReportTakeaway): string[] {
  const p = report.phrases
  const details: string[] = []
  if (item.who) details.push(`**${midText(p.who)}:** ${midText(item.who)}`)
  if (item.plusOnes > 0) details.push(`**${escapeInline(p.count.plusOnes(item.plusOnes))}**`)
  const links = [
    ...item.stories.map((s) => `${midText(p.story)}: ${midText(s.name)}`),
    ...item.trends.map((t) => `${midText(p.kinds.trend)}: ${midText(t.name)}`),
  ]
  if (links.length > 0) details.push(`${midText(p.linkedTo)} ${links.join('; ')}`)
  return continueLines(hardJoin([paragraphLines(item.text), details.length > 0 ? [details.join(' · ')] : []]), '- ', 2)
}

/** `**Label:** first line…`, the label in bold (or `*` for italic). */
function labelled(label: string, lines: string[], delimiter = '**'): string[] {
  if (lines.length === 0) return lines
  // The first line follows the label, so its line-start escape (if any) is kept: harmless.
  return [`${delimiter}${midText(label)}:${delimiter} ${lines[0]}`, ...lines.slice(1)]
}

/**
 * Joins segments into one block with hard breaks between them. A trailing backslash is only a
 * break when text follows on the next line, so none is added before a blank line or at the end.
 */
function hardJoin(segments: readonly string[][]): string[] {
  const out: string[] = []
  for (const segment of segments) {
    if (segment.length === 0) continue
    if (out.length > 0 && out[out.length - 1] !== '') out[out.length - 1] += '\\'
    out.push(...segment)
  }
  return out
}
