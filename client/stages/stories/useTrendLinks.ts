import { useCallback, useRef, useSyncExternalStore } from 'react'
import { getStoryBody } from '../../../shared/doc/index.ts'
import type { Story } from '../../../shared/schema/index.ts'
import { selectTrends } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { bodySummaryStore } from './bodySummaryStore.ts'

const NONE: ReadonlyMap<string, number> = new Map()

/**
 * How many existing trends each story cites (0 = flagged), live from the bodies. One subscription
 * for the list, so the facilitator's check and every card agree; the map keeps its identity
 * until a count changes, so typing in a story re-renders nothing here.
 */
export function useTrendLinks(stories: readonly Story[]): ReadonlyMap<string, number> {
  const { board } = useWorkshopDocs()
  const trends = useStore(selectTrends)
  const previous = useRef<ReadonlyMap<string, number>>(NONE)

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!board) return () => {}
      const unsubscribes = stories.flatMap((story) => {
        const body = getStoryBody(board, story.id)
        return body ? [bodySummaryStore(body).subscribe(onChange)] : []
      })
      return () => unsubscribes.forEach((unsubscribe) => unsubscribe())
    },
    [board, stories],
  )

  const getSnapshot = () => {
    if (!board) return NONE
    const next = new Map<string, number>()
    for (const story of stories) {
      const body = getStoryBody(board, story.id)
      const citations = body ? bodySummaryStore(body).getSnapshot().citations : []
      const distinct = new Set(citations.filter((c) => c.kind === 'trend' && trends.has(c.refId)).map((c) => c.refId))
      next.set(story.id, distinct.size)
    }
    const same = next.size === previous.current.size && [...next].every(([id, count]) => previous.current.get(id) === count)
    if (!same) previous.current = next
    return previous.current
  }

  return useSyncExternalStore(subscribe, getSnapshot)
}
