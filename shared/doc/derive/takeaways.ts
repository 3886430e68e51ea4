/**
 * +1 counts for takeaways. +1s on a deleted takeaway are ignored.
 */
import type { BoardSnapshot } from '../snapshot'

export interface PlusOnes {
  readonly count: number
  readonly participantIds: readonly string[]
}

export function plusOnesByTakeaway(board: Pick<BoardSnapshot, 'takeaways' | 'plusOnes'>): Map<string, PlusOnes> {
  const ids = new Map<string, string[]>()
  for (const plusOne of board.plusOnes.values()) {
    if (!board.takeaways.has(plusOne.takeawayId)) continue
    const list = ids.get(plusOne.takeawayId) ?? []
    list.push(plusOne.participantId)
    ids.set(plusOne.takeawayId, list)
  }
  const result = new Map<string, PlusOnes>()
  for (const takeawayId of board.takeaways.keys()) {
    const participantIds = (ids.get(takeawayId) ?? []).sort()
    result.set(takeawayId, { count: participantIds.length, participantIds })
  }
  return result
}
