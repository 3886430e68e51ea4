/**
 * What the stories stage reads, through narrow selectors: the collections it shows (so signals or
 * votes changing elsewhere never re-render a story), the live body of a story, and its summary.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getStoryBody, type Actor } from '../../../shared/doc/index.ts'
import { resolveCitations, type CitableBoard, type ResolvedCitation, type StoryBodySummary } from '../../../shared/doc/stories/index.ts'
import type { Group, Persona, Signal, Story, Trend, WheelNode } from '../../../shared/schema/index.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { bodySummaryStore } from './bodySummaryStore.ts'

const NO_STORIES: ReadonlyMap<string, Story> = new Map()
const NO_TRENDS: ReadonlyMap<string, Trend> = new Map()
const NO_SIGNALS: ReadonlyMap<string, Signal> = new Map()
const NO_NODES: ReadonlyMap<string, WheelNode> = new Map()
const NO_GROUPS: readonly Group[] = []
const NO_IDS: readonly string[] = []
const EMPTY_SUMMARY: StoryBodySummary = { citations: [], words: 0 }
const noSubscribe = () => () => {}

export const useStories = () => useStore((s) => s.board?.stories ?? NO_STORIES)
export const useStory = (id: string) => useStore((s) => s.board?.stories.get(id) ?? null)
export const usePersona = (id: string | undefined) => useStore((s) => (id ? (s.board?.personas.get(id) ?? null) : null)) as Persona | null
export const useGroups = () => useStore((s) => s.control?.groups ?? NO_GROUPS)
export const useKeyDrivers = () => useStore((s) => s.control?.keyDrivers ?? NO_IDS)
export const useWheelNodes = () => useStore((s) => s.board?.wheelNodes ?? NO_NODES)
export const useLocked = () => useStore((s) => s.control?.locked ?? false)
export const useHorizonYear = () => useStore((s) => s.control?.meta.horizonYear ?? null)
export const useFocusedStoryId = () => useStore((s) => (s.control?.focus?.kind === 'story' ? s.control.focus.id : null))

/** Who performs commands from this device; null until the identity is loaded. */
export function useActor(): Actor | null {
  const participantId = useStore((s) => s.participant?.id ?? null)
  return useMemo(() => (participantId ? { participantId } : null), [participantId])
}

/** The three collections a citation can point at, as one object that changes only with them. */
export function useCitableBoard(): CitableBoard {
  const trends = useStore((s) => s.board?.trends ?? NO_TRENDS)
  const signals = useStore((s) => s.board?.signals ?? NO_SIGNALS)
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
