/**
 * A futures wheel as a tree. Only nodes whose chain of parents reaches the trend are shown: a
 * consequence added under a node someone deleted at the same moment is hidden with the subtree
 * it was meant to join (the delete was of that subtree), never floating loose.
 */
import type { WheelNode } from '../../schema/index'
import { byOrderThenId } from '../../util/order'
import type { BoardSnapshot } from '../snapshot'

export interface WheelTreeNode {
  readonly node: WheelNode
  readonly children: readonly WheelTreeNode[]
}

/**
 * The first-order consequences of a trend, each with its subtree, in order.
 *
 * @example
 * const rings = wheelTree(board, trendId)
 */
export function wheelTree(board: Pick<BoardSnapshot, 'trends' | 'wheelNodes'>, trendId: string): readonly WheelTreeNode[] {
  if (!board.trends.has(trendId)) return []
  const children = new Map<string | null, WheelNode[]>()
  for (const node of board.wheelNodes.values()) {
    if (node.trendId !== trendId) continue
    const list = children.get(node.parentId) ?? []
    list.push(node)
    children.set(node.parentId, list)
  }
  // Walking down from the trend reaches only connected nodes, and a ring check stops any cycle.
  const build = (parentId: string | null, ring: number): WheelTreeNode[] =>
    (children.get(parentId) ?? [])
      .filter((node) => node.ring === ring)
      .sort(byOrderThenId)
      .map((node) => ({ node, children: build(node.id, ring + 1) }))
  return build(null, 1)
}

/** Every shown node of a wheel, flat (for counts and exports). */
export function visibleWheelNodes(board: Pick<BoardSnapshot, 'trends' | 'wheelNodes'>, trendId: string): WheelNode[] {
  const out: WheelNode[] = []
  const walk = (nodes: readonly WheelTreeNode[]) => {
    for (const { node, children } of nodes) {
      out.push(node)
      walk(children)
    }
  }
  walk(wheelTree(board, trendId))
  return out
}
