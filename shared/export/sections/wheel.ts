import { inlineText, midText } from '../markdownText'
import { contentsEntry, partHtml } from '../htmlSections'
import { attr, internalLink, text } from '../htmlText'
import type { Report, ReportWheel, ReportWheelNode } from '../report'
import { wheelBranchSvgs, wheelSvg, type WheelSvgNode } from '../wheelSvg'
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

/**
 * The page a wheel prints on (htmlStyle.ts, `@page wheels`: A4 across, less its margins), in mm:
 * the whole wheel at most `wheelHeight` tall, so that its heading stays on its page; a tree of its
 * branches at most `treeHeight`.
 */
const PRINTED = { width: 273, wheelHeight: 150, treeHeight: 165 }
/** A picture's text is 14 px at its own size (see `WheelPicture`). */
const PICTURE_TEXT_PX = 14
/** Printed smaller than this, a wheel's texts are hard to read: its branches print again as trees. */
const SMALLEST_WHEEL_PT = 8
/** Each tree of branches prints its text at least this large (where one branch alone allows). */
const TREE_TEXT_PT = 9

/** The size in points the picture's text prints at, shrunk to fit the printed page. */
function printedTextPt(width: number, height: number, maxHeight: number): number {
  const mmPerPx = Math.min(PRINTED.width / width, maxHeight / height, 25.4 / 96)
  return (PICTURE_TEXT_PX * mmPerPx * 72) / 25.4
}

/**
 * The wheel as a picture (the same layout as in the app), above its consequences as a list. A
 * wheel that would print too small to read (a room's 30 consequences print at about 5 pt) prints
 * its branches again after it, as trees large enough to read (`wheelBranchSvgs`); on screen the
 * wheel alone shows, as large as the reader likes.
 */
function wheelFigure(report: Report, wheel: ReportWheel): string {
  const p = report.phrases
  const toSvgNode = (node: ReportWheelNode): WheelSvgNode => ({
    id: node.anchor,
    text: node.text,
    valence: node.valence,
    children: node.children.map(toSvgNode),
  })
  const nodes = wheel.nodes.map(toSvgNode)
  const options = { centre: wheel.trend.name, label: `${p.wheelOf}: ${wheel.trend.name}`, ringLabel: p.ring, language: report.language }
  const picture = wheelSvg(nodes, options)
  // Its own width, for the stylesheet: the picture is shown up to it and no smaller than its text allows (see htmlStyle.ts).
  const figure = (svg: string, width: number, className: string) =>
    `<figure${attr('class', className)}${attr('style', `--picture-width: ${width}px`)}>${svg}</figure>`
  const whole = figure(picture.svg, picture.width, 'wheel-figure')
  if (printedTextPt(picture.width, picture.height, PRINTED.wheelHeight) >= SMALLEST_WHEEL_PT) return whole
  const trees = wheelBranchSvgs(
    nodes,
    { ...options, partLabel: p.branches },
    (width, height) => printedTextPt(width, height, PRINTED.treeHeight) >= TREE_TEXT_PT,
  )
  // Each tree says what it is on paper (its svg's title does not print): "Branches 1–3 of 7".
  const captioned = (tree: (typeof trees)[number]) =>
    figure(
      `${tree.svg}<figcaption class="wheel-branch__caption">${text(p.branches(tree.first, tree.last, nodes.length))}</figcaption>`,
      tree.width,
      'wheel-figure wheel-branch',
    )
  return `${whole}<div class="wheel-branches">${trees.map(captioned).join('')}</div>`
}

function wheelNodeHtml(report: Report, node: ReportWheelNode): string {
  const p = report.phrases
  const valence = node.valence
    ? `<span${attr('class', `valence valence-${node.valence}`)}><span aria-hidden="true">${{ positive: '+', negative: '−', mixed: '±' }[node.valence]}</span> ${text(p.valence[node.valence])}</span>`
    : ''
  const children = node.children.length > 0 ? `<ul>${node.children.map((child) => wheelNodeHtml(report, child)).join('')}</ul>` : ''
  return `<li${attr('id', node.anchor)}${attr('class', `ring-${node.ring}`)}><div class="node"><span class="ring">${text(p.ring(node.ring))}</span> <span class="node-text">${text(node.text || '…')}</span> ${valence}</div>${children}</li>`
}
