import { escapeInline, inlineText, midText, paragraphLines, continueLines } from '../markdownText'
import { hardJoin } from '../markdownBlocks'
import { contentsEntry, partHtml } from '../htmlSections'
import { attr, internalLink, paragraphs, text } from '../htmlText'
import type { Report, ReportTakeaway } from '../report'
import type { ExportSection } from './section'

/** Stage 7, Takeaways: last in the report, grouped by when (every "when" shown, even when empty). */
export const takeaways: ExportSection = {
  position: 5,
  markdown(report) {
    const p = report.phrases
    const blocks: string[][] = [[`## ${inlineText(p.takeaways)}`]]
    for (const group of report.takeaways) {
      blocks.push([`### ${inlineText(p.when[group.when])}`])
      blocks.push(group.items.length === 0 ? [inlineText(p.none)] : group.items.flatMap((item) => takeawayLines(report, item)))
    }
    return blocks
  },
  html(report) {
    const p = report.phrases
    return {
      sections: [partHtml('takeaways', p.takeaways, takeawaysHtml(report))],
      contents: [contentsEntry('takeaways', p.takeaways, p.count.takeaways(report.takeawayCount), '')],
    }
  },
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

function takeawaysHtml(report: Report): string {
  const p = report.phrases
  const item = (takeaway: ReportTakeaway) => {
    const meta: string[] = []
    if (takeaway.who) meta.push(`<span><span class="label">${text(p.who)}</span> ${text(takeaway.who)}</span>`)
    if (takeaway.plusOnes > 0) meta.push(`<span class="plus">${text(p.count.plusOnes(takeaway.plusOnes))}</span>`)
    const links = [
      ...takeaway.stories.map((story) => internalLink(story.anchor, story.name, 'chip chip-story', p.story)),
      ...takeaway.trends.map((trend) => internalLink(trend.anchor, trend.name, 'chip', p.kinds.trend)),
    ]
    if (links.length > 0) meta.push(`<span><span class="label">${text(p.linkedTo.replace(/:$/, ''))}</span> ${links.join(' ')}</span>`)
    return `<li class="takeaway card">${paragraphs(takeaway.text, 'what')}${meta.length > 0 ? `<p class="meta">${meta.join('')}</p>` : ''}</li>`
  }
  return `<div class="when-groups">${report.takeaways
    .map(
      (group) =>
        `<section${attr('class', `when when-${group.when}`)}><h3>${text(p.when[group.when])}</h3>${group.items.length > 0 ? `<ol class="takeaways">${group.items.map(item).join('')}</ol>` : `<p class="muted">${text(p.none)}</p>`}</section>`,
    )
    .join('')}</div>`
}
