/**
 * The wheel stage's logic, pure: which wheels are in focus, who may change what, and small counts
 * for labels. Tested in wheelModel.test.ts.
 */
import type { WheelTreeNode } from '../../../shared/doc/index.ts'
import type { Group, Trend, Valence, WheelNode } from '../../../shared/schema/index.ts'
import { MAX_RING, SESSION_LIMITS } from '../../../shared/schema/index.ts'

/** One wheel on the stage: a trend, worked on by a group or by the whole room. */
export interface WheelEntry {
  /** Stable key for choosing and remembering: `group:<id>` or `trend:<id>`. */
  readonly key: string
  readonly trend: Trend
  /** The facilitator's group; null when the wheel comes from the key drivers or all trends. */
  readonly group: Group | null
}

export type FocusSource = 'groups' | 'keyDrivers' | 'allTrends'

/**
 * The wheels of the stage. The facilitator's choice (groups, each on a trend) comes first; without
 * one, the key drivers marked in Assess; without those, every trend, so the room is never stuck
 * waiting for a setting. Groups on a deleted trend are left out.
 *
 * @example
 * const { entries, source } = wheelsInFocus(sortedTrends, control.groups, control.keyDrivers)
 */
export function wheelsInFocus(
  trends: readonly Trend[],
  groups: readonly Group[],
  keyDrivers: readonly string[],
): { entries: WheelEntry[]; source: FocusSource } {
  const byId = new Map(trends.map((trend) => [trend.id, trend]))
  const grouped: WheelEntry[] = []
  for (const group of groups) {
    const trend = group.trendId === null ? undefined : byId.get(group.trendId)
    if (trend) grouped.push({ key: `group:${group.id}`, trend, group })
  }
  if (grouped.length > 0) return { entries: grouped, source: 'groups' }
  const drivers = new Set(keyDrivers)
  const keyed = trends.filter((trend) => drivers.has(trend.id))
  if (keyed.length > 0) return { entries: keyed.map((trend) => ({ key: `trend:${trend.id}`, trend, group: null })), source: 'keyDrivers' }
  return { entries: trends.map((trend) => ({ key: `trend:${trend.id}`, trend, group: null })), source: 'allTrends' }
}

/**
 * A group's own name, or null when the group is only a trend in focus (the picker names such
 * groups after their trend) and saying it twice would add nothing.
 */
export function groupName(entry: WheelEntry): string | null {
  const name = entry.group?.name.trim() ?? ''
  if (name === '' || name === entry.trend.name.trim().slice(0, SESSION_LIMITS.groupName).trim()) return null
  return name
}

/** What this person looks at: the entry they chose (if it still exists), the only one, or all. */
export function resolveChoice(entries: readonly WheelEntry[], remembered: string | null): string | 'all' {
  if (entries.length === 1) return entries[0]!.key
  if (remembered && entries.some((entry) => entry.key === remembered)) return remembered
  return 'all'
}

/** Whether a consequence may have consequences of its own (three rings at most). */
export const canAddBelow = (node: Pick<WheelNode, 'ring'>) => node.ring < MAX_RING

/** How many consequences follow from a node (its whole subtree, itself not counted). */
export function descendantCount(item: WheelTreeNode): number {
  return item.children.reduce((sum, child) => sum + 1 + descendantCount(child), 0)
}

/** Finds a node of the tree by id, with its parent. */
export function findInTree(
  tree: readonly WheelTreeNode[],
  id: string,
  parent: WheelTreeNode | null = null,
): { item: WheelTreeNode; parent: WheelTreeNode | null } | null {
  for (const item of tree) {
    if (item.node.id === id) return { item, parent }
    const found = findInTree(item.children, id, item)
    if (found) return found
  }
  return null
}

/** Counts per valence over the whole wheel: "12 consequences, 5 positive…". */
export function valenceCounts(tree: readonly WheelTreeNode[]): Record<'total' | 'positive' | 'negative' | 'mixed' | 'none', number> {
  const counts = { total: 0, positive: 0, negative: 0, mixed: 0, none: 0 }
  const walk = (items: readonly WheelTreeNode[]) => {
    for (const { node, children } of items) {
      counts.total++
      counts[(node.valence || 'none') as Exclude<Valence, ''> | 'none']++
      walk(children)
    }
  }
  walk(tree)
  return counts
}

/**
 * A consequence's text on one line for a button's name ("Add what follows “Loneliness drops
 * among people who live alone”"). Whole, not cut to a few words: two consequences that start
 * alike ("… 1 (Petra)", "… 2 (Petra)") got the same name, and a screen reader or voice control
 * could not tell their buttons apart.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
