/**
 * The takeaways board's logic, pure: columns by "when", their order, and who may change a card.
 * Tested in takeawaysModel.test.ts.
 */
import { WHEN, type Takeaway, type When } from '../../../shared/schema/index.ts'
import type { PlusOnes } from '../../../shared/doc/index.ts'
import { compareOrder } from '../../../shared/util/order.ts'

export { WHEN }
export type { When }

export type TakeawayOrder = 'added' | 'agreed'

export interface TakeawayColumn {
  readonly when: When
  readonly takeaways: readonly Takeaway[]
}

const NO_PLUS_ONES: PlusOnes = { count: 0, participantIds: [] }

/** +1s of one takeaway (none when it has no entry). */
export const plusOnesOf = (plusOnes: ReadonlyMap<string, PlusOnes>, id: string): PlusOnes => plusOnes.get(id) ?? NO_PLUS_ONES

/**
 * The three columns, now → within a year → within five years. Within a column, in the order they
 * were added (stable while people +1, so nothing jumps under a finger), or most +1s first.
 *
 * @example
 * const columns = columnsByWhen(board.takeaways, plusOnesByTakeaway(board), 'agreed')
 */
export function columnsByWhen(takeaways: ReadonlyMap<string, Takeaway>, plusOnes: ReadonlyMap<string, PlusOnes>, order: TakeawayOrder): TakeawayColumn[] {
  const byWhen = new Map<When, Takeaway[]>(WHEN.map((when) => [when, []]))
  for (const takeaway of takeaways.values()) byWhen.get(takeaway.when)?.push(takeaway)
  const added = (a: Takeaway, b: Takeaway) => compareOrder(a.order, a.id, b.order, b.id)
  const agreed = (a: Takeaway, b: Takeaway) => plusOnesOf(plusOnes, b.id).count - plusOnesOf(plusOnes, a.id).count || added(a, b)
  return WHEN.map((when) => ({ when, takeaways: (byWhen.get(when) ?? []).sort(order === 'agreed' ? agreed : added) }))
}
