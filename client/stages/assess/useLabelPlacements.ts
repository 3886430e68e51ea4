import { useMemo, type RefObject } from 'react'
import type { Position } from './gridMath.ts'
import { estimateLabelWidth, layoutLabels, type LabelPlacement } from './labelLayout.ts'
import { usePlotSize } from './usePlotSize.ts'

export interface LabelItem {
  readonly id: string
  readonly position: Position
  /** How many characters the label shows (name, star, votes). */
  readonly chars: number
}

/**
 * Where each marker's label goes on a grid (see labelLayout.ts), once the grid has been
 * measured; an empty map before that, which means "default placements". Pass memoised `items`,
 * most important first.
 */
export function useLabelPlacements(plotRef: RefObject<HTMLElement | null>, items: readonly LabelItem[]): ReadonlyMap<string, LabelPlacement> {
  const plot = usePlotSize(plotRef)
  return useMemo(() => {
    if (!plot) return new Map<string, LabelPlacement>()
    return layoutLabels(
      items.map((item) => ({ id: item.id, position: item.position, width: estimateLabelWidth(item.chars, plot) })),
      plot,
    )
  }, [items, plot])
}
