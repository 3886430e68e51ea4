import { useEffect, useMemo, useState } from 'react'
import type { PoolNote, SimilarNote } from '../../../../shared/cluster/index.ts'
import type { Signal } from '../../../../shared/schema/signal.ts'
import { selectSignals } from '../../../state/selectors.ts'
import { useStore } from '../../../state/store.ts'
import { loadAssistant } from '../../trends/suggest/loadAssistant.ts'
import { usePrivateDraft } from '../PrivateDraft.tsx'

/** Typing pauses this long before the wall is searched: a hint must not flicker per keystroke. */
const QUIET_MS = 350
const MIN_TITLE = 4

export interface SimilarCard {
  readonly signal: Signal
  /** One of the writer's own private cards (not on the wall yet). */
  readonly private: boolean
  readonly match: SimilarNote
}

/**
 * Cards like the one being written. Compared with the wall everyone sees and the writer's own
 * private cards only: during a private round nobody else's private card is in this browser, and
 * `similarityPool` (shared/cluster/pool.ts) is the one place that decides what is compared.
 */
export function useSimilar(title: string, description: string): SimilarCard[] {
  const wall = useStore(selectSignals)
  const language = useStore((s) => s.control?.meta.language ?? 'en')
  const ownWords = useStore((s) => s.control?.ownWords ?? '')
  const mine = usePrivateDraft().signals
  const [found, setFound] = useState<SimilarCard[]>([])
  const text = title.trim().length >= MIN_TITLE ? `${title}\u0000${description}` : ''

  const pool = useMemo(() => ({ wall, mine }), [wall, mine])
  useEffect(() => {
    if (text === '') {
      setFound([])
      return
    }
    let cancelled = false
    const timer = setTimeout(() => {
      void loadAssistant()
        .then(({ findSimilar, similarityPool }) => {
          if (cancelled) return
          const notes: PoolNote[] = similarityPool(pool.wall.values(), pool.mine.values())
          const byId = new Map(notes.map((note) => [note.id, note]))
          const matches = findSimilar({ title, description }, notes, { fallback: language, labelLanguage: language, ownWords, limit: 2 })
          setFound(matches.map((match) => ({ match, private: byId.get(match.id)!.private, signal: (pool.mine.get(match.id) ?? pool.wall.get(match.id))! })))
        })
        .catch(() => {
          if (!cancelled) setFound([]) // a hint is a nicety: offline before it loaded, there is none
        })
    }, QUIET_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `text` stands for title and description together.
  }, [text, pool, language, ownWords])
  return found
}
