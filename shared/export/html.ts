/**
 * The workshop as one self-contained HTML page: a report to read on screen, forward, or print
 * to A4. No scripts and no external resources; a strict Content-Security-Policy in the head
 * means that even an escape missed somewhere could not run code or load anything.
 */
import { REPORT_CSS } from './htmlStyle'
import { attr, paragraphs, text } from './htmlText'
import { buildReport, type Report } from './report'
import { REPORT_SECTIONS } from './sections/index'
import { toSnapshot, type ExportOptions, type ExportSource } from './snapshot'

/** The policy in the page itself, so it holds wherever the file is opened (disk, mail, server). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/**
 * The workshop as a self-contained HTML document.
 *
 * @example
 * const html = exportHtml({ board, control }, { includeParticipants: true, generatedAt: new Date() })
 * await writeFile('report.html', html)
 */
export function exportHtml(source: ExportSource, options: ExportOptions): string {
  return renderHtml(buildReport(toSnapshot(source), options))
}

export function renderHtml(report: Report): string {
  const p = report.phrases
  const anchored = new Set<string>()
  // In the report's order: trends give their signals' anchors before the unsorted ones.
  const parts = REPORT_SECTIONS.map((section) => section.html(report, anchored))
  return `<!doctype html>
<html${attr('lang', report.language)}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"${attr('content', REPORT_CSP)}>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Signals to Stories">
<title>${text(`${report.title} — ${p.reportKind}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${coverHtml(report)}
${overviewHtml(
  report,
  parts.flatMap((part) => part.contents),
)}
<main>
${parts.flatMap((part) => part.sections).join('\n')}
</main>
<footer class="colophon"><p>${text(p.footer(report.dateText))}</p></footer>
</body>
</html>
`
}

function coverHtml(report: Report): string {
  const p = report.phrases
  const facts = [
    [p.horizon, String(report.horizonYear)],
    [p.date, report.dateText],
    // With the names listed below, their count here would say the same thing twice.
    ...(report.participants ? [] : [[p.participants, String(report.participantCount)]]),
  ]
    .map(([label, value]) => `<div><dt>${text(label!)}</dt><dd>${text(value!)}</dd></div>`)
    .join('')
  const people =
    report.participants && report.participants.length > 0
      ? `<p class="people"><span class="label">${text(`${p.participants} (${report.participants.length})`)}</span> ${report.participants.map(text).join(', ')}</p>`
      : ''
  const themes =
    report.themes.length > 0
      ? `<p class="themes"><span class="label">${text(p.themes)}</span> ${report.themes.map((theme) => `<span class="tag theme">${text(theme)}</span>`).join(' ')}</p>`
      : ''
  const question = report.focalQuestion ? `<div class="question"><p class="label">${text(p.focalQuestion)}</p>${paragraphs(report.focalQuestion)}</div>` : ''
  return `<header class="cover">
<p class="kicker">${text(p.reportKind)}</p>
<h1>${text(report.title)}</h1>
${question}
<dl class="facts">${facts}</dl>
${people}
${themes}
</header>`
}

function overviewHtml(report: Report, items: readonly string[]): string {
  const p = report.phrases
  const glance = [
    p.count.signals(report.signalCount),
    p.count.trends(report.trends.length),
    p.count.stories(report.stories.length),
    p.count.takeaways(report.takeawayCount),
  ]
    .map((fact) => {
      const [n, ...words] = fact.split(' ')
      return `<li><span class="big">${text(n!)}</span> ${text(words.join(' '))}</li>`
    })
    .join('')
  return `<nav class="overview"${attr('aria-label', p.contents)}>
<h2>${text(p.contents)}</h2>
<ul class="glance">${glance}</ul>
<ol class="toc">${items.join('')}</ol>
</nav>`
}
