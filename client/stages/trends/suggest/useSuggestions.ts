import { useCallback, useEffect, useRef, useState } from 'react'
import type { SuggestedCluster } from '../../../../shared/cluster/index.ts'
import type { Signal } from '../../../../shared/schema/index.ts'
import { useStore } from '../../../state/store.ts'
import { loadAssistant } from './loadAssistant.ts'

/** A suggested group as the facilitator edits it before accepting. */
export interface Suggestion {
  /** Stable within one round of suggestions (for keys and focus). */
  readonly key: string
  name: string
  readonly keywords: string[]
  readonly links: string[]
  signalIds: string[]
}

export type SuggestState = { status: 'closed' } | { status: 'working' } | { status: 'failed' } | { status: 'ready'; suggestions: Suggestion[] }

type Language = 'en' | 'fi'

/** The last answer and what it answered: the idle-time preparation and the press share it. */
let last: { key: string; clusters: SuggestedCluster[] } | null = null

async function clustersFor(unsorted: readonly Signal[], language: Language, ownWords: string): Promise<SuggestedCluster[]> {
  const { suggestClusters } = await loadAssistant()
  const notes = unsorted.map((signal) => ({ id: signal.id, title: signal.title, description: signal.description }))
  const key = JSON.stringify([language, ownWords, notes])
  if (last?.key !== key) last = { key, clusters: suggestClusters(notes, { fallback: language, labelLanguage: language, ownWords }).clusters }
  return last.clusters
}

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 3000 })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(run, 500)
  return () => clearTimeout(timer)
}

/**
 * Gets "Suggest groups" ready while the facilitator is not doing anything: loads the assistant
 * and groups the unsorted signals once, in idle time. The first run of the assistant costs about
 * twice a later one (its code is not yet optimised, its word caches are empty, and loading it
 * builds the vocabulary), so the press itself then costs at most a warm run, and nothing when the
 * wall has not changed. The preparation never shows or applies anything.
 */
export function usePrepareSuggestions(unsorted: readonly Signal[]): void {
  const language = useStore((s) => s.control?.meta.language ?? 'en')
  const ownWords = useStore((s) => s.control?.ownWords ?? '')
  const latest = useRef(unsorted)
  latest.current = unsorted
  const prepared = useRef(false)
  const hasSignals = unsorted.length > 1
  useEffect(() => {
    if (!hasSignals || prepared.current) return
    return whenIdle(() => {
      prepared.current = true
      clustersFor(latest.current, language, ownWords).catch(() => undefined) // the press reports a failure
    })
  }, [hasSignals, language, ownWords])
}

/**
 * Runs the clustering assistant over the unsorted signals on request (never by itself), in the
 * workshop's language, and keeps the suggestions for editing. Nothing here writes the board.
 */
export function useSuggestions() {
  const language = useStore((s) => s.control?.meta.language ?? 'en')
  const ownWords = useStore((s) => s.control?.ownWords ?? '')
  const [state, setState] = useState<SuggestState>({ status: 'closed' })
  const round = useRef(0)

  const suggest = useCallback(
    async (unsorted: readonly Signal[]) => {
      const mine = ++round.current
      setState({ status: 'working' })
      try {
        const clusters = await clustersFor(unsorted, language, ownWords)
        if (mine !== round.current) return
        setState({
          status: 'ready',
          suggestions: clusters.map((cluster, i) => ({
            key: `${mine}-${i}`,
            name: cluster.label,
            keywords: cluster.keywords,
            links: cluster.links,
            signalIds: cluster.ids,
          })),
        })
      } catch {
        if (mine === round.current) setState({ status: 'failed' })
      }
    },
    [language, ownWords],
  )

  const update = useCallback((key: string, change: (suggestion: Suggestion) => Suggestion | null) => {
    setState((current) => {
      if (current.status !== 'ready') return current
      const suggestions = current.suggestions.flatMap((s) => {
        if (s.key !== key) return [s]
        const next = change(s)
        return next ? [next] : []
      })
      return { ...current, suggestions }
    })
  }, [])

  const restore = useCallback((suggestion: Suggestion, at: number) => {
    setState((current) => {
      if (current.status !== 'ready') return current
      const suggestions = [...current.suggestions]
      suggestions.splice(Math.min(at, suggestions.length), 0, suggestion)
      return { ...current, suggestions }
    })
  }, [])

  const close = useCallback(() => {
    round.current++
    setState({ status: 'closed' })
  }, [])

  return { state, suggest, update, restore, close }
}
