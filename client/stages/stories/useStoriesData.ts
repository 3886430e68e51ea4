/**
 * What the stories stage reads, through narrow selectors: the collections it shows (so signals or
 * votes changing elsewhere never re-render a story), the live body of a story, and its summary.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getStoryBody, type Actor } from '../../../shared/doc/index.ts'
import { resolveCitations, type CitableBoard, type ResolvedCitation, type StoryBodySummary } from '../../../shared/doc/stories/index.ts'
import type { Persona } from '../../../shared/schema/index.ts'
import { selectGroups, selectKeyDrivers, selectSignals, selectStories, selectTrends, selectWheelNodes } from '../../state/selectors.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { bodySummaryStore } from './bodySummaryStore.ts'

const EMPTY_SUMMARY: StoryBodySummary = { citations: [], words: 0 }
const noSubscribe = () => () => {}

export const useStories = () => useStore(selectStories)
export const useStory = (id: string) => useStore((s) => s.board?.stories.get(id) ?? null)
export const usePersona = (id: string | undefined) => useStore((s) => (id ? (s.board?.personas.get(id) ?? null) : null)) as Persona | null
export const useGroups = () => useStore(selectGroups)
export const useKeyDrivers = () => useStore(selectKeyDrivers)
export const useWheelNodes = () => useStore(selectWheelNodes)
export const useHorizonYear = () => useStore((s) => s.control?.meta.horizonYear ?? null)
export const useFocusedStoryId = () => useStore((s) => (s.control?.focus?.kind === 'story' ? s.control.focus.id : null))

/** Who performs commands from this device; null until the identity is loaded. */
export function useActor(): Actor | null {
  const participantId = useStore((s) => s.participant?.id ?? null)
  return useMemo(() => (participantId ? { participantId } : null), [participantId])
}

/** The three collections a citation can point at, as one object that changes only with them. */
export function useCitableBoard(): CitableBoard {
  const trends = useStore(selectTrends)
  const signals = useStore(selectSignals)
  const wheelNodes = useWheelNodes()
  return useMemo(() => ({ trends, signals, wheelNodes }), [trends, signals, wheelNodes])
}

/**
 * A story's collaborative body, or null. Looked up again after every transaction, because a
 * history restore or an undone delete puts a new fragment in place of the old one.
 */
export function useStoryBody(storyId: string | null): Y.XmlFragment | null {
  const { board } = useWorkshopDocs()
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!board) return () => {}
      board.on('afterTransaction', onChange)
      return () => board.off('afterTransaction', onChange)
    },
    [board],
  )
  return useSyncExternalStore(subscribe, () => (board && storyId ? getStoryBody(board, storyId) : null))
}

/** Citations and word count of a body, live (see bodySummaryStore.ts). */
export function useBodySummary(body: Y.XmlFragment | null): StoryBodySummary {
  const store = body ? bodySummaryStore(body) : null
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, store ? store.getSnapshot : () => EMPTY_SUMMARY)
}

/**
 * A story's chips, looked up on the board (removed items marked). Subscribes to the chips only:
 * the word count changing as people type does not re-render the open story.
 */
export function useResolvedCitations(body: Y.XmlFragment | null): readonly ResolvedCitation[] {
  const store = body ? bodySummaryStore(body) : null
  const citations = useSyncExternalStore(store ? store.subscribe : noSubscribe, store ? () => store.getSnapshot().citations : () => EMPTY_SUMMARY.citations)
  const board = useCitableBoard()
  return useMemo(() => resolveCitations(citations, board), [citations, board])
}
