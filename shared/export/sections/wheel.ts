import { inlineText, midText } from '../markdownText'
import { contentsEntry, partHtml } from '../htmlSections'
import { attr, internalLink, text } from '../htmlText'
import type { Report, ReportWheel, ReportWheelNode } from '../report'
import { wheelSvg, type WheelSvgNode } from '../wheelSvg'
import type { ExportSection } from './section'

/** Stage 5, Futures wheel: each trend's wheel, as a picture (HTML) and as a nested list of consequences. */
export const wheel: ExportSection = {
  position: 4,
  markdown(report) {
    const p = report.phrases
    if (report.wheels.length === 0) return []
    const blocks: string[][] = [[`## ${inlineText(p.wheels)}`]]
    for (const wheel of report.wheels)
      blocks.push(
        [`### ${inlineText(`${p.wheelOf}: ${wheel.trend.name}`)}`],
        wheel.nodes.flatMap((node) => wheelLines(report, node)),
      )
    return blocks
  },
  html(report) {
    const p = report.phrases
    if (report.wheels.length === 0) return { sections: [], contents: [] }
    const wheels = report.wheels.map(
      (wheel) =>
        `<article class="wheel card"${attr('id', wheel.anchor)}><h3>${text(p.wheelOf)}: ${internalLink(wheel.trend.anchor, wheel.trend.name)}</h3>${wheelFigure(report, wheel)}<ul class="tree">${wheel.nodes.map((node) => wheelNodeHtml(report, node)).join('')}</ul></article>`,
    )
    return {
      sections: [partHtml('wheels', p.wheels, wheels.join('\n'))],
      contents: [contentsEntry('wheels', p.wheels, String(report.wheels.length), '')],
    }
  },
}

function wheelLines(report: Report, node: ReportWheelNode, depth = 0): string[] {
  const p = report.phrases
  const note = [p.ring(node.ring), node.valence ? p.valence[node.valence] : ''].filter(Boolean).join(', ')
  const line = `${'  '.repeat(depth)}- ${inlineText(node.text || '…')} *(${midText(note)})*`
  return [line, ...node.children.flatMap((child) => wheelLines(report, child, depth + 1))]
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
  const picture = wheelSvg(wheel.nodes.map(toSvgNode), {
    centre: wheel.trend.name,
    label: `${p.wheelOf}: ${wheel.trend.name}`,
    ringLabel: p.ring,
    language: report.language,
  })
  // Its own width, for the stylesheet: the picture is shown up to it and no smaller than its text allows (see htmlStyle.ts).
  return `<figure class="wheel-figure"${attr('style', `--picture-width: ${picture.width}px`)}>${picture.svg}</figure>`
}

function wheelNodeHtml(report: Report, node: ReportWheelNode): string {
  const p = report.phrases
  const valence = node.valence
    ? `<span${attr('class', `valence valence-${node.valence}`)}><span aria-hidden="true">${{ positive: '+', negative: '−', mixed: '±' }[node.valence]}</span> ${text(p.valence[node.valence])}</span>`
    : ''
  const children = node.children.length > 0 ? `<ul>${node.children.map((child) => wheelNodeHtml(report, child)).join('')}</ul>` : ''
  return `<li${attr('id', node.anchor)}${attr('class', `ring-${node.ring}`)}><div class="node"><span class="ring">${text(p.ring(node.ring))}</span> <span class="node-text">${text(node.text || '…')}</span> ${valence}</div>${children}</li>`
}
