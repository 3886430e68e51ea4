/**
 * The workshop as one self-contained HTML page: a report to read on screen, forward, or print
 * to A4. No scripts and no external resources; a strict Content-Security-Policy in the head
 * means that even an escape missed somewhere could not run code or load anything.
 */
import { REPORT_CSS } from './htmlStyle'
import { matrixHtml, signalCards, storyHtml, trendHtml } from './htmlSections'
import { attr, internalLink, paragraphs, text } from './htmlText'
import { buildReport, type Report, type ReportTakeaway, type ReportWheel, type ReportWheelNode } from './report'
import { wheelSvg, type WheelSvgNode } from './wheelSvg'
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
  const sections: string[] = []
  sections.push(section('stories', p.stories, report.stories.length > 0 ? report.stories.map((story) => storyHtml(report, story)).join('\n') : none(report)))
  const trends = report.trends.map((trend) => trendHtml(report, trend, anchored)).join('\n')
  sections.push(section('trends', p.trends, report.trends.length > 0 ? matrixHtml(report) + trends : none(report)))
  if (report.unsorted.length > 0) sections.push(section('unsorted', p.unsorted, signalCards(report, report.unsorted, anchored)))
  if (report.wheels.length > 0) {
    const wheels = report.wheels.map(
      (wheel) =>
        `<article class="wheel card"${attr('id', wheel.anchor)}><h3>${text(p.wheelOf)}: ${internalLink(wheel.trend.anchor, wheel.trend.name)}</h3>${wheelFigure(report, wheel)}<ul class="tree">${wheel.nodes.map((node) => wheelNodeHtml(report, node)).join('')}</ul></article>`,
    )
    sections.push(section('wheels', p.wheels, wheels.join('\n')))
  }
  sections.push(section('takeaways', p.takeaways, takeawaysHtml(report)))

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
${overviewHtml(report)}
<main>
${sections.join('\n')}
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

function overviewHtml(report: Report): string {
  const p = report.phrases
  const entry = (anchor: string, label: string, count: string, children: string) =>
    `<li><a${attr('href', `#${anchor}`)}>${text(label)}</a> <span class="count">${text(count)}</span>${children ? `<ol>${children}</ol>` : ''}</li>`
  const items = [
    entry(
      'stories',
      p.stories,
      p.count.stories(report.stories.length),
      report.stories.map((story) => `<li>${internalLink(story.anchor, story.title)}</li>`).join(''),
    ),
    entry(
      'trends',
      p.trends,
      p.count.trends(report.trends.length),
      report.trends
        .map(
          (trend) =>
            `<li>${internalLink(trend.anchor, trend.name)}${trend.keyDriver ? ` <span class="star">★ <span class="visually-hidden">${text(p.keyDriver)}</span></span>` : ''}</li>`,
        )
        .join(''),
    ),
  ]
  if (report.unsorted.length > 0) items.push(entry('unsorted', p.unsorted, p.count.signals(report.unsorted.length), ''))
  if (report.wheels.length > 0) items.push(entry('wheels', p.wheels, String(report.wheels.length), ''))
  items.push(entry('takeaways', p.takeaways, p.count.takeaways(report.takeawayCount), ''))
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

/** The wheel as a picture (the same layout as in the app), above its consequences as a list. */
function wheelFigure(report: Report, wheel: ReportWheel): string {
  const p = report.phrases
  const toSvgNode = (node: ReportWheelNode): WheelSvgNode => ({
    id: node.anchor,
    text: node.text,
    valence: node.valence,
    children: node.children.map(toSvgNode),
  })
  const svg = wheelSvg(wheel.nodes.map(toSvgNode), { centre: wheel.trend.name, label: `${p.wheelOf}: ${wheel.trend.name}`, ringLabel: p.ring })
  return `<figure class="wheel-figure">${svg}</figure>`
}

function wheelNodeHtml(report: Report, node: ReportWheelNode): string {
  const p = report.phrases
  const valence = node.valence
    ? `<span${attr('class', `valence valence-${node.valence}`)}><span aria-hidden="true">${{ positive: '+', negative: '−', mixed: '±' }[node.valence]}</span> ${text(p.valence[node.valence])}</span>`
    : ''
  const children = node.children.length > 0 ? `<ul>${node.children.map((child) => wheelNodeHtml(report, child)).join('')}</ul>` : ''
  return `<li${attr('id', node.anchor)}${attr('class', `ring-${node.ring}`)}><div class="node"><span class="ring">${text(p.ring(node.ring))}</span> <span class="node-text">${text(node.text || '…')}</span> ${valence}</div>${children}</li>`
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

function section(id: string, title: string, content: string): string {
  return `<section${attr('id', id)}${attr('class', `part part-${id}`)}>
<h2>${text(title)}</h2>
${content}
</section>`
}

function none(report: Report): string {
  return `<p class="muted">${text(report.phrases.none)}</p>`
}
