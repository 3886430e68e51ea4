/**
 * The content sections of the HTML report: stories, trends (with the assessment matrix and
 * meters) and signal cards, and the frame every part sits in (`partHtml`, `contentsEntry`). The
 * stages' parts (`sections/`) put them together. Every user string passes through `htmlText.ts`.
 */
import { formatMiddleHalf, formatScale } from './catalogue'
import { bodyHtml } from './htmlBody'
import { attr, externalLink, internalLink, paragraphs, text } from './htmlText'
import type { AxisSummary } from '../doc/index'
import type { Report, ReportSignal, ReportTrend } from './report'
import type { PersonaFields, ReportStory } from './reportStories'

/** Who the story is about: name and age as a headline, household under it, then the rest. */
function personaHtml(report: Report, persona: PersonaFields): string {
  const p = report.phrases
  const fields = p.personaFields
  const name = [persona.name, persona.age === null ? '' : p.ageYears(persona.age)].filter(Boolean).map(text).join(' · ')
  const details = (
    [
      [fields.lifeSituation, persona.lifeSituation],
      [fields.needs, persona.needs],
      [fields.values, persona.values],
    ] as const
  )
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `<div><dt>${text(label)}</dt><dd>${paragraphs(value)}</dd></div>`)
    .join('')
  return `<aside class="persona card"${attr('aria-label', p.persona)}>
<p class="kicker">${text(p.persona)}</p>
${name ? `<p class="persona-name">${name}</p>` : ''}
${persona.household ? `<p class="household"><span class="visually-hidden">${text(fields.household)}: </span>${text(persona.household)}</p>` : ''}
${details ? `<dl class="persona-details">${details}</dl>` : ''}
</aside>`
}

export function storyHtml(report: Report, story: ReportStory): string {
  const p = report.phrases
  const persona = story.persona ? personaHtml(report, story.persona) : ''
  const body = bodyHtml(story.blocks, 4, new Set())
  const drawsOn = story.drawsOn
    .map(
      (group) =>
        `<span class="draws-kind">${text(p.kindsPlural[group.kind])}</span> ${group.items.map((item) => internalLink(item.anchor, item.name, 'chip')).join(' ')}`,
    )
    .join(' ')
  const notes = story.footnotes
    .map((note) => {
      const kind = note.removed ? p.removed[note.kind] : p.kinds[note.kind]
      const context = note.context ? ` <span class="muted">(${text(note.context)})</span>` : ''
      const source = note.link ? ` · ${externalLink(note.link)}` : ''
      const back = `<a${attr('href', `#fnref-${note.n}`)} class="back"${attr('aria-label', p.backToText)}>↩</a>`
      return `<li${attr('id', `fn-${note.n}`)}${attr('value', String(note.n))}>${text(kind)}${context}: ${internalLink(note.anchor, note.name)}${source} ${back}</li>`
    })
    .join('\n')
  return `<article class="story"${attr('id', story.anchor)}>
<header class="story-head"><p class="kicker">${text(p.story)} ${story.number}</p><h3>${text(story.title)}</h3></header>
${persona}
<div class="prose">${body || `<p class="muted">${text(p.noStoryText)}</p>`}</div>
${drawsOn ? `<p class="draws-on"><strong>${text(p.drawsOn)}</strong> ${drawsOn}</p>` : ''}
${notes ? `<section class="footnotes"${attr('aria-label', p.references)}><h4>${text(p.references)}</h4><ol>${notes}</ol></section>` : ''}
</article>`
}

/** Signal cards; a signal backing two trends is shown twice but carries its anchor once. */
export function signalCards(report: Report, signals: readonly ReportSignal[], anchored: Set<string>): string {
  const p = report.phrases
  const cards = signals.map((signal) => {
    const id = anchored.has(signal.anchor) ? '' : attr('id', signal.anchor)
    anchored.add(signal.anchor)
    const tags = [
      signal.category ? `<span${attr('class', `tag steep steep-${signal.category}`)}>${text(p.steep[signal.category])}</span>` : '',
      signal.theme ? `<span class="tag theme">${text(signal.theme)}</span>` : '',
    ].join('')
    const why = signal.whyItMatters ? `<div class="why"><span class="label">${text(p.whyItMatters)}</span>${paragraphs(signal.whyItMatters)}</div>` : ''
    const sources =
      signal.links.length > 0
        ? `<p class="sources"><span class="label">${text(p.source)}</span> ${signal.links.map((source) => externalLink(source)).join(', ')}</p>`
        : ''
    return `<li class="signal card"${id}><p class="signal-title">${text(signal.title)}</p>${tags ? `<p class="tags">${tags}</p>` : ''}${paragraphs(signal.description, 'desc')}${why}${sources}</li>`
  })
  return `<ul class="signals">${cards.join('\n')}</ul>`
}

export function trendHtml(report: Report, trend: ReportTrend, anchored: Set<string>): string {
  const p = report.phrases
  const badge = trend.keyDriver ? `<span class="badge key">★ ${text(p.keyDriver)}</span>` : ''
  const oc = [
    trend.opportunities ? `<div class="opportunities"><h4>${text(p.opportunities)}</h4>${paragraphs(trend.opportunities)}</div>` : '',
    trend.challenges ? `<div class="challenges"><h4>${text(p.challenges)}</h4>${paragraphs(trend.challenges)}</div>` : '',
  ].join('')
  const signals = trend.signals.length > 0 ? signalCards(report, trend.signals, anchored) : `<p class="muted">${text(p.noSignals)}</p>`
  return `<article class="trend"${attr('id', trend.anchor)}>
<header class="trend-head"><span class="trend-number" aria-hidden="true">${trend.number}</span><h3>${text(trend.name)}</h3>${badge}</header>
<div class="trend-summary card">
${paragraphs(trend.narrative, 'narrative')}
${oc ? `<div class="oc">${oc}</div>` : ''}
${assessmentHtml(report, trend)}
</div>
<h4 class="signals-title">${text(p.signalsBehind)} <span class="count">${trend.signals.length}</span></h4>
${signals}
</article>`
}

function assessmentHtml(report: Report, trend: ReportTrend): string {
  const p = report.phrases
  const { impact, uncertainty, placements, votes } = trend.assessment
  const counts = `<p class="assessment-counts">${impact ? `${text(p.count.placements(placements))} · ` : ''}${text(p.count.votes(votes))}</p>`
  if (!impact || !uncertainty)
    return `<div class="assessment"><h4>${text(p.assessment)}</h4><p class="assessment-counts">${text(p.notAssessed)} · ${text(p.count.votes(votes))}</p></div>`
  // The bar is the middle half of the placements, as the Assess stage's chart draws it.
  const meter = (label: string, axis: AxisSummary) => {
    const left = clampPercent(axis.middleHalf[0])
    const width = clampPercent(axis.middleHalf[1]) - left
    const value = `${text(`${formatScale(axis.median, p)}/10`)} <span class="meter-range">(${text(p.middleHalf(formatMiddleHalf(axis.middleHalf, p)))})</span>`
    return `<div class="meter-row"><span class="meter-label">${text(label)}</span><span class="meter" aria-hidden="true"><span class="spread" style="left:${left}%;width:${width}%"></span><span class="median" style="left:${clampPercent(axis.median)}%"></span></span><span class="meter-value">${value}</span></div>`
  }
  return `<div class="assessment"><h4>${text(p.assessment)}</h4>${meter(p.impact, impact)}${meter(p.uncertainty, uncertainty)}${counts}</div>`
}

/** Closer than this (in % of the grid, both ways), two numbered dots cover each other's number. */
const DOTS_MEET = 6
/** A dot's width and a gap (htmlStyle.ts `.dot`: 1.6rem), and half its width. */
const DOT_STEP_REM = 1.7
const DOT_HALF_REM = 0.8

/**
 * Dots that would cover one another set side by side around where they are, in rank order (`shift`,
 * in rem; `before` and `after`: the dots left and right of it in its row): trends placed alike
 * (often, with few placing: two at the middle) showed one number.
 */
function sideBySide<T extends { x: number; y: number }>(dots: readonly T[]): (T & { shift: number; before: number; after: number })[] {
  const groups: T[][] = []
  for (const dot of dots) {
    const group = groups.find(([first]) => Math.abs(first!.x - dot.x) < DOTS_MEET && Math.abs(first!.y - dot.y) < DOTS_MEET)
    if (group) group.push(dot)
    else groups.push([dot])
  }
  return groups.flatMap((group) =>
    group.map((dot, index) => ({
      ...dot,
      x: group[0]!.x,
      y: group[0]!.y,
      shift: (index - (group.length - 1) / 2) * DOT_STEP_REM,
      before: index,
      after: group.length - 1 - index,
    })),
  )
}

/**
 * The trends on one impact × uncertainty grid, by number, where the room placed them (median):
 * the picture a director looks at first. Only trends someone placed appear.
 */
export function matrixHtml(report: Report): string {
  const p = report.phrases
  const placed = report.trends.filter((trend) => trend.assessment.impact && trend.assessment.uncertainty)
  if (placed.length === 0) return ''
  const at = placed.map((trend) => ({ trend, x: clampPercent(trend.assessment.uncertainty!.median), y: 100 - clampPercent(trend.assessment.impact!.median) }))
  const dots = sideBySide(at)
    .map(({ trend, x, y, shift, before, after }) => {
      // A row of dots stays inside the grid, at its edge too (a dot is centred on `left`).
      const left =
        shift === 0 && before === 0 && after === 0
          ? `${x}%`
          : `clamp(${DOT_HALF_REM + before * DOT_STEP_REM}rem, calc(${x}% ${shift < 0 ? '-' : '+'} ${Math.abs(shift)}rem), calc(100% - ${DOT_HALF_REM + after * DOT_STEP_REM}rem))`
      return `<span${attr('class', trend.keyDriver ? 'dot key' : 'dot')} style="left:${left};top:${y}%">${trend.number}</span>`
    })
    .join('')
  const legend = placed
    .map((trend) => {
      const where = `${p.impact} ${formatScale(trend.assessment.impact!.median, p)} · ${p.uncertainty} ${formatScale(trend.assessment.uncertainty!.median, p)}`
      const star = trend.keyDriver ? ` <span class="star">★ <span class="visually-hidden">${text(p.keyDriver)}</span></span>` : ''
      return `<li><span class="legend-number" aria-hidden="true">${trend.number}</span> ${internalLink(trend.anchor, trend.name)}${star} <span class="muted">${text(where)}</span></li>`
    })
    .join('')
  const q = p.quadrants
  return `<figure class="matrix card">
<div class="matrix-plot" aria-hidden="true">
<span class="axis axis-y">${text(p.impact)} →</span><span class="axis axis-x">${text(p.uncertainty)} →</span>
<div class="grid">${quadrant('q-tl', q.predetermined)}${quadrant('q-tr', q.critical)}${quadrant('q-bl', q.background)}${quadrant('q-br', q.watch)}${dots}</div>
</div>
<figcaption><ol class="legend">${legend}</ol></figcaption>
</figure>`
}

/** A quarter of the grid, named as in the app, with what it means under its name. */
function quadrant(place: string, { name, hint }: { name: string; hint: string }): string {
  return `<span class="q ${place}"><strong>${text(name)}</strong><br>${text(hint)}</span>`
}

/** A 0..1 value as a CSS percentage, rounded so the output stays short and stable. */
function clampPercent(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10
}

/** One part of the report's body, by id ("stories", "trends", …): the contents link to it. */
export function partHtml(id: string, title: string, content: string): string {
  return `<section${attr('id', id)}${attr('class', `part part-${id}`)}>
<h2>${text(title)}</h2>
${content}
</section>`
}

/** A part's entry in the contents: its name, a count, and its items when it lists them. */
export function contentsEntry(anchor: string, label: string, count: string, children: string): string {
  return `<li><a${attr('href', `#${anchor}`)}>${text(label)}</a> <span class="count">${text(count)}</span>${children ? `<ol>${children}</ol>` : ''}</li>`
}

export function noneHtml(report: Report): string {
  return `<p class="muted">${text(report.phrases.none)}</p>`
}
