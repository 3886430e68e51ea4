import { wheelTree, type BoardSnapshot } from '../../../shared/doc/index.ts'
import { exportFilename, wheelSvg, type WheelSvgNode } from '../../../shared/export/index.ts'
import type { WheelTreeNode } from '../../../shared/doc/derive/wheel.ts'

export interface WheelPictureText {
  centre: string
  label: string
  ringLabel(ring: number): string
}

/** One trend's futures wheel as a standalone SVG file, drawn as in the app and the report. */
export function wheelPictureFile(
  board: Pick<BoardSnapshot, 'trends' | 'wheelNodes'>,
  trendId: string,
  title: string,
  text: WheelPictureText,
): { blob: Blob; filename: string } {
  const toNode = ({ node, children }: WheelTreeNode): WheelSvgNode => ({ id: node.id, text: node.text, valence: node.valence, children: children.map(toNode) })
  const svg = wheelSvg(wheelTree(board, trendId).map(toNode), { ...text, standalone: true })
  const name = exportFilename(`${title} ${text.centre}`, new Date(), 'md').replace(/\.md$/, '.svg')
  return { blob: new Blob([svg], { type: 'image/svg+xml' }), filename: name }
}
