/**
 * A futures wheel's branches as a tree read from left to right: the trend, then a column for each
 * order of consequences, each consequence beside what follows from it. What a screen too small
 * for a readable wheel shows of a part (see the projector's `wheelPages`): a wheel must keep the
 * trend in its middle, so a part of it zoomed on one branch is as tall as the whole wheel and
 * leaves most of a wide screen empty, while a tree uses the width. The boxes are sized as the
 * wheel's (`wheelBoxes`), and the result is a `WheelLayout` with columns instead of rings, drawn by
 * the same parts.
 */
import { wheelBoxes } from './layout'
import type { WheelBox, WheelColumn, WheelLayout, WheelLayoutEdge, WheelLayoutItem, WheelLayoutNode, WheelLayoutOptions } from './types'

/** Between two columns, in units of the boxes' gap: room for the lines to read as lines. */
const COLUMN_GAP = 8
/** Between the branches of two first-order consequences, in units of the gap. */
const BRANCH_GAP = 4
/** Between two boxes of one branch in a column, in units of the gap. */
const SIBLING_GAP = 2
/** The band above the boxes for the columns' names ("1st order"), in layout units: 12 px type and air. */
const NAME_BAND = 26

/**
 * Lays out the consequences as a tree, the trend on the left, middle of its height.
 * Deterministic, as `layoutWheel`.
 *
 * @example
 * const layout = layoutBranches(items.slice(0, 2), { centreText: trend.name })
 */
export function layoutBranches(roots: readonly WheelLayoutItem[], options: WheelLayoutOptions): WheelLayout {
  const { metrics, centre, sizeFor } = wheelBoxes(options)
  type Sized = { item: WheelLayoutItem; box: Omit<WheelBox, 'x' | 'y'>; children: Sized[]; height: number }
  const siblingGap = SIBLING_GAP * metrics.gap
  const size = (item: WheelLayoutItem, ring: number): Sized => {
    const children = item.children.map((child) => size(child, ring + 1))
    const box = sizeFor(item.text, ring)
    const below = children.reduce((sum, child) => sum + child.height, 0) + siblingGap * Math.max(0, children.length - 1)
    return { item, box, children, height: Math.max(box.h, below) }
  }
  const sized = roots.map((root) => size(root, 1))

  // Each column as wide as its widest box; each box at its column's left edge.
  const widths: number[] = [centre.w]
  const widen = (node: Sized, ring: number) => {
    widths[ring] = Math.max(widths[ring] ?? 0, node.box.w)
    node.children.forEach((child) => widen(child, ring + 1))
  }
  sized.forEach((root) => widen(root, 1))
  const columnGap = COLUMN_GAP * metrics.gap
  const lefts = widths.map((_, ring) => widths.slice(0, ring).reduce((sum, width) => sum + width + columnGap, 0))

  const nodes: WheelLayoutNode[] = []
  const place = (node: Sized, ring: number, parentId: string | null, top: number) => {
    nodes.push({ id: node.item.id, parentId, ring, angle: 0, x: lefts[ring]! + node.box.w / 2, y: top + node.height / 2, ...node.box })
    const below = node.children.reduce((sum, child) => sum + child.height, 0) + siblingGap * Math.max(0, node.children.length - 1)
    let childTop = top + (node.height - below) / 2
    for (const child of node.children) {
      place(child, ring + 1, node.item.id, childTop)
      childTop += child.height + siblingGap
    }
  }
  const branchGap = BRANCH_GAP * metrics.gap
  let top = NAME_BAND
  for (const root of sized) {
    place(root, 1, null, top)
    top += root.height + branchGap
  }
  const bottom = Math.max(NAME_BAND + centre.h, top - branchGap)
  const centreBox: WheelBox = { x: centre.w / 2, y: (NAME_BAND + bottom) / 2, ...centre }
  // Listed ring by ring, as a wheel's nodes are (and its edges).
  nodes.sort((a, b) => a.ring - b.ring)
  const byId = new Map(nodes.map((node) => [node.id, node]))
  // From the middle of the parent's right side to the middle of the child's left side: a straight
  // line between their centres crossed the boxes between them.
  const edges: WheelLayoutEdge[] = nodes.map((node) => {
    const parent = node.parentId === null ? centreBox : (byId.get(node.parentId) ?? centreBox)
    const column = node.ring - 1
    return {
      from: node.parentId,
      to: node.id,
      x1: parent.x + parent.w / 2,
      y1: parent.y,
      x2: node.x - node.w / 2,
      y2: node.y,
      bendX: lefts[column]! + widths[column]!,
    }
  })
  const right = Math.max(centre.w, ...nodes.map((node) => node.x + node.w / 2))
  const columns: WheelColumn[] = widths.slice(1).map((width, index) => ({ ring: index + 1, left: lefts[index + 1]!, width, nameY: NAME_BAND / 2 }))
  return { centre: centreBox, nodes, edges, rings: [], columns, bounds: { minX: 0, minY: 0, maxX: right, maxY: bottom }, aspect: 1, metrics }
}
