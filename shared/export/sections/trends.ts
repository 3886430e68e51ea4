import { formatMiddleHalf, formatScale } from '../catalogue'
import { inlineText, midText, paragraphLines } from '../markdownText'
import { labelled, signalList } from '../markdownBlocks'
import { contentsEntry, matrixHtml, noneHtml, partHtml, trendHtml } from '../htmlSections'
import { internalLink, text } from '../htmlText'
import type { Report, ReportTrend } from '../report'
import type { ExportSection } from './section'

/**
 * Stage 3, Trends: every trend in the board's order with its narrative, opportunities and
 * challenges, its assessment (stage 4's result) and the signals behind it; the HTML part opens
 * with the impact × uncertainty matrix.
 */
export const trends: ExportSection = {
  position: 2,
  markdown(report) {
    const blocks: string[][] = [[`## ${inlineText(report.phrases.trends)}`]]
    if (report.trends.length === 0) blocks.push([inlineText(report.phrases.none)])
    for (const trend of report.trends) blocks.push(...trendBlocks(report, trend))
    return blocks
  },
  html(report, anchored) {
    const p = report.phrases
    const trendsHtml = report.trends.map((trend) => trendHtml(report, trend, anchored)).join('\n')
    const list = report.trends
      .map(
        (trend) =>
          `<li>${internalLink(trend.anchor, trend.name)}${trend.keyDriver ? ` <span class="star">★ <span class="visually-hidden">${text(p.keyDriver)}</span></span>` : ''}</li>`,
      )
      .join('')
    return {
      sections: [partHtml('trends', p.trends, report.trends.length > 0 ? matrixHtml(report) + trendsHtml : noneHtml(report))],
      contents: [contentsEntry('trends', p.trends, p.count.trends(report.trends.length), list)],
    }
  },
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

/** "Impact 7.5/10 (middle half 7–8.5) · Uncertainty 3/10 (middle half 2–4) · 5 placements · 4 votes" */
function assessmentText(report: Report, trend: ReportTrend): string {
  const p = report.phrases
  const { impact, uncertainty, placements, votes } = trend.assessment
  const parts =
    impact && uncertainty
      ? [
          `${p.impact} ${formatScale(impact.median, p)}/10 (${p.middleHalf(formatMiddleHalf(impact.middleHalf, p))})`,
          `${p.uncertainty} ${formatScale(uncertainty.median, p)}/10 (${p.middleHalf(formatMiddleHalf(uncertainty.middleHalf, p))})`,
          p.count.placements(placements),
        ]
      : [p.notAssessed]
  parts.push(p.count.votes(votes))
  return parts.join(' · ')
}
