/**
 * The story list's logic, pure: which group is "mine", the order stories are listed in, which
 * groups still have no story to start, and which consequences the inspiration panel shows.
 */
import { byOrderThenId } from '../../../shared/util/order.ts'
import type { Group, Story, WheelNode } from '../../../shared/schema/index.ts'

export interface StoryEntry {
  readonly story: Story
  /** The story's group, or null when the room writes it together (or its group was removed). */
  readonly group: Group | null
  /** It belongs to the group this person works with. */
  readonly mine: boolean
}

/**
 * The group this person works with: the one they last opened a story of (remembered on this
 * device), else the one they added most consequences for on the futures wheel; null if unknown.
 * Nobody is assigned to a group in the documents, so this is a best guess that only orders the
 * list: every story stays visible and open to everyone.
 *
 * @example
 * preferredGroupId({ groups, remembered: localStorage.getItem(key), wheelNodes, participantId })
 */
export function preferredGroupId(input: {
  groups: readonly Group[]
  remembered: string | null
  wheelNodes: ReadonlyMap<string, WheelNode>
  participantId: string | null
}): string | null {
  const { groups, remembered, wheelNodes, participantId } = input
  const exists = (id: string | null): id is string => id !== null && groups.some((group) => group.id === id)
  if (exists(remembered)) return remembered
  if (participantId === null) return null
  const counts = new Map<string, number>()
  for (const node of wheelNodes.values()) {
    if (node.authorId === participantId && exists(node.groupId)) counts.set(node.groupId, (counts.get(node.groupId) ?? 0) + 1)
  }
  let best: string | null = null
  for (const group of groups) {
    const count = counts.get(group.id) ?? 0
    if (count > 0 && (best === null || count > (counts.get(best) ?? 0))) best = group.id
  }
  return best
}

/**
 * Stories in list order: this person's group first, then by the facilitator's group order, then
 * stories without a group; within a group, in the order they were started.
 */
export function orderStories(stories: ReadonlyMap<string, Story>, groups: readonly Group[], myGroupId: string | null): StoryEntry[] {
  const groupIndex = new Map(groups.map((group, i) => [group.id, i]))
  const rank = (story: Story) => {
    if (story.groupId !== null && story.groupId === myGroupId) return -1
    return story.groupId === null ? groups.length : (groupIndex.get(story.groupId) ?? groups.length)
  }
  return [...stories.values()]
    .sort((a, b) => rank(a) - rank(b) || byOrderThenId(a, b))
    .map((story) => {
      const index = story.groupId === null ? undefined : groupIndex.get(story.groupId)
      const group = index === undefined ? null : groups[index]!
      return { story, group, mine: group !== null && group.id === myGroupId }
    })
}

/** Groups with no story yet, mine first: each gets a "Start the story" card. */
export function groupsWithoutStory(groups: readonly Group[], stories: ReadonlyMap<string, Story>, myGroupId: string | null): Group[] {
  const started = new Set<string>()
  for (const story of stories.values()) if (story.groupId !== null) started.add(story.groupId)
  return groups.filter((group) => !started.has(group.id)).sort((a, b) => Number(b.id === myGroupId) - Number(a.id === myGroupId))
}

/**
 * Ring by ring from the nearest with text (first-order consequences: the ones a story meets most
 * directly), and after it only whole rings: five first-order consequences and one second-order
 * one out of twenty-five looked picked at random.
 */
export function byWholeRings<T extends { node: Pick<WheelNode, 'ring'> }>(written: readonly T[], limit: number): T[] {
  const rings = new Map<number, T[]>()
  for (const entry of written) rings.set(entry.node.ring, [...(rings.get(entry.node.ring) ?? []), entry])
  const shown: T[] = []
  for (const ring of [...rings.keys()].sort((a, b) => a - b)) {
    const entries = rings.get(ring)!
    if (shown.length === 0) shown.push(...entries.slice(0, limit))
    else if (shown.length + entries.length <= limit) shown.push(...entries)
    else break
  }
  return shown
}
