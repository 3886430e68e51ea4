import { sortedByOrder, wheelTree, type BoardSnapshot } from '../../../shared/doc/index.ts'
import { exportFilename, wheelSvg, type WheelSvgNode } from '../../../shared/export/index.ts'
import type { WheelTreeNode } from '../../../shared/doc/derive/wheel.ts'
import type { Language } from '../../../shared/schema/index.ts'

export interface WheelPictureText {
  centre: string
  label: string
  ringLabel(ring: number): string
  /** The workshop's: long words break by its rules (see shared/export/pictureText.ts). */
  language: Language
}

/**
 * One trend's futures wheel as a standalone SVG file, drawn as in the app and the report. Loaded
 * when a picture is asked for (see WheelSvgDownloads.tsx): it brings the hyphenation patterns.
 */
export function wheelPictureFile(
  board: Pick<BoardSnapshot, 'trends' | 'wheelNodes'>,
  trendId: string,
  title: string,
  text: WheelPictureText,
): { blob: Blob; filename: string } {
  const toNode = ({ node, children }: WheelTreeNode): WheelSvgNode => ({ id: node.id, text: node.text, valence: node.valence, children: children.map(toNode) })
  const { svg } = wheelSvg(wheelTree(board, trendId).map(toNode), { ...text, standalone: true })
  // Named after its trend; an unnamed trend's by its place among the trends too, or every unnamed
  // trend's picture had one name ("…-unnamed-trend-…").
  const named = (board.trends.get(trendId)?.name.trim() ?? '') !== ''
  const place = sortedByOrder(board.trends).findIndex((trend) => trend.id === trendId) + 1
  const part = named ? text.centre : `${text.centre} ${place}`
  return { blob: new Blob([svg], { type: 'image/svg+xml' }), filename: exportFilename(title, new Date(), 'svg', part) }
}
