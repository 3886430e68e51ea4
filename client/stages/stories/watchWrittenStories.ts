/**
 * Keeps the stories this device wrote in, should someone else delete one before its words got
 * anywhere: the co-writer who typed offline (or a moment behind) and then went back to the list
 * or to another story. Their words reached nobody, and Yjs drops them wherever they arrive with
 * the deleted story; only this device holds them.
 *
 * When to offer, decided here:
 * - only a story this device wrote in (text, title or persona) in this page's life: people who
 *   never wrote in it, or wrote in it before a reload, are not asked;
 * - only if that writing may not have reached the others: the last local change to the story left
 *   this device's clock above what the server had confirmed it stored when the deletion arrived
 *   (`confirmedClock`, from the server's `saved` messages). Writing everyone already had was
 *   deleted knowingly, and the deleter's undo brings it back: no offer.
 * - a story with nothing in it (no text, title or persona name) is let go without a word.
 * Known limit: words the server stored but the deleter had not yet received (the deleter was the
 * one behind) count as arrived; a change that only deleted text does not advance the clock.
 */
import * as Y from 'yjs'
import { storiesWrittenIn, watchStoryDeletions } from '../../../shared/doc/stories/index.ts'
import { holdsWriting, type DeletedStory, type StoryView } from './rescueOffers.ts'

export interface WrittenStoriesOptions {
  /** Whether a transaction's origin is this person's own writing (docConnection `isLocalOrigin`). */
  isLocal(origin: unknown): boolean
  /** This device's clock as far as the server has confirmed it stored (`DocConnection.confirmedClock`). */
  confirmedClock(): number
  /** The page's current view of a story, null once it is gone. */
  view(storyId: string): StoryView | null
  onDeleted(deleted: DeletedStory): void
}

export interface WrittenStoriesWatch {
  /** Takes the current view of each story written in: call it whenever the page's snapshot changes. */
  refresh(): void
  stop(): void
}

export function watchWrittenStories(doc: Y.Doc, options: WrittenStoriesOptions): WrittenStoriesWatch {
  /** Per story written in: the clock after this device's last change to it, and the last view of it. */
  const written = new Map<string, { clock: number; seen: StoryView | null }>()
  const look = (storyId: string) => {
    const entry = written.get(storyId)
    const view = options.view(storyId)
    if (entry && view) entry.seen = view
  }

  const afterTransaction = (transaction: Y.Transaction) => {
    if (!options.isLocal(transaction.origin)) return
    const clock = Y.getState(doc.store, doc.clientID)
    for (const storyId of storiesWrittenIn(doc, transaction)) {
      written.set(storyId, { clock, seen: written.get(storyId)?.seen ?? null })
      look(storyId)
    }
  }
  doc.on('afterTransaction', afterTransaction)

  const stopWatching = watchStoryDeletions(
    doc,
    (storyId) => written.has(storyId),
    (storyId, copy) => {
      const entry = written.get(storyId)
      if (!entry) return
      written.delete(storyId)
      const { seen } = entry
      if (!seen || entry.clock <= options.confirmedClock() || !holdsWriting(seen, copy.size)) return
      options.onDeleted({ ...seen, body: copy.body, reason: 'written' })
    },
  )

  return {
    refresh: () => written.forEach((_, storyId) => look(storyId)),
    stop() {
      doc.off('afterTransaction', afterTransaction)
      stopWatching()
    },
  }
}
