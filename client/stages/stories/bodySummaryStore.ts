/**
 * A live summary (citations, word count) of one story body, shared by everything that shows it:
 * the story's card, the open story's sources panel, the facilitator's trend check. The body is
 * re-read at most once per animation frame however fast six people type, and listeners hear only
 * of changes that alter the summary (a keystroke mid-word changes nothing they show).
 */
import type * as Y from 'yjs'
import { sameSummary, summarizeStoryBody, type StoryBodySummary } from '../../../shared/doc/stories/index.ts'

export interface BodySummaryStore {
  getSnapshot(): StoryBodySummary
  subscribe(listener: () => void): () => void
}

const stores = new WeakMap<Y.XmlFragment, BodySummaryStore>()

const nextFrame: (fn: () => void) => void = typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(() => fn()) : (fn) => setTimeout(fn, 16)

/** The store of a body (one per fragment; it observes the body only while someone listens). */
export function bodySummaryStore(body: Y.XmlFragment): BodySummaryStore {
  let store = stores.get(body)
  if (!store) {
    store = createStore(body)
    stores.set(body, store)
  }
  return store
}

function createStore(body: Y.XmlFragment): BodySummaryStore {
  let summary = summarizeStoryBody(body)
  let scheduled = false
  const listeners = new Set<() => void>()

  const refresh = () => {
    scheduled = false
    const next = summarizeStoryBody(body)
    if (sameSummary(summary, next)) return
    // Typing changes the word count far more often than the chips: keep the chips' array (and
    // so everything derived from it, the sources panel) when only the count moved.
    const sameChips = sameSummary({ ...summary, words: 0 }, { ...next, words: 0 })
    summary = sameChips ? { citations: summary.citations, words: next.words } : next
    listeners.forEach((listener) => listener())
  }
  const onChange = () => {
    if (scheduled) return
    scheduled = true
    nextFrame(refresh)
  }

  return {
    getSnapshot: () => summary,
    subscribe(listener) {
      if (listeners.size === 0) {
        body.observeDeep(onChange)
        // Changes while nobody listened are not lost: read afresh on the first subscriber.
        refresh()
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) body.unobserveDeep(onChange)
      }
    },
  }
}
