import { useRef } from 'react'
import type { Signal } from '../../../shared/schema/signal.ts'

/** More cards than this arriving at once is a load or a sync catching up, not news. */
const MAX_ANIMATED_BATCH = 20

/**
 * The ids of cards that appeared while the wall was open, so only they fade in: not the wall
 * loading, not a reconnect delivering 300 cards, not a filter being changed (it reads the whole,
 * unfiltered list). `loaded` is false until the board snapshot exists. The returned set keeps its identity; membership is what changes.
 */
export function useFreshIds(signals: readonly Signal[], loaded: boolean): ReadonlySet<string> {
  const known = useRef<Set<string> | null>(null)
  const fresh = useRef(new Set<string>())
  // Updated during render on purpose: the card must know it is new in the same render that adds
  // it. Idempotent, so a second (StrictMode) render pass changes nothing.
  if (!loaded) return fresh.current
  if (known.current === null) {
    known.current = new Set(signals.map((signal) => signal.id))
  } else if (known.current.size !== signals.length || signals.some((signal) => !known.current!.has(signal.id))) {
    const added = signals.filter((signal) => !known.current!.has(signal.id))
    if (added.length <= MAX_ANIMATED_BATCH) for (const signal of added) fresh.current.add(signal.id)
    for (const signal of added) known.current.add(signal.id)
  }
  return fresh.current
}
