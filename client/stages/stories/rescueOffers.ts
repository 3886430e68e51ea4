/**
 * Deleted stories this device offers to bring back ("Bring it back" / "Let it go"), oldest first.
 * Two watchers fill it: the Stories stage for the story open at the deletion (useStoryRescue), and
 * the workshop page for stories this device wrote in whose words had not all reached the server
 * (useWrittenStoryRescue). The stage shows the first offer wherever the person is in it.
 */
import { create } from 'zustand'
import type * as Y from 'yjs'
import type { Persona, Story } from '../../../shared/schema/index.ts'

/** A story's record and persona as this page last saw them: the deletion removes both before it is noticed. */
export interface StoryView {
  story: Story
  persona: Persona | null
}

/** A story as it was when someone else deleted it: enough to write it again. */
export interface DeletedStory extends StoryView {
  /** A copy of its text, not in any document yet (`copyOfDeletedBody`). */
  body: Y.XmlFragment
  /** Why it is offered: it was open here, or it holds words from here that may not have reached anyone. */
  reason: 'open' | 'written'
}

/** Whether a deleted story holds anything to bring back: text or a chip, a title, a persona's name. */
export function holdsWriting(view: StoryView, bodySize: number): boolean {
  return bodySize > 0 || view.story.title.trim() !== '' || (view.persona?.name.trim() ?? '') !== ''
}

interface RescueOffers {
  offers: DeletedStory[]
  /**
   * Adds an offer. Both watchers may see one deletion: a story already offered is offered once,
   * as the open story if it was open (the person was in it, and it is gone from under them).
   */
  offer(deleted: DeletedStory): void
  /** Removes the story's offer: brought back or let go. */
  settle(storyId: string): void
  clear(): void
}

export const useRescueOffers = create<RescueOffers>()((set) => ({
  offers: [],
  offer: (deleted) =>
    set((s) => {
      const at = s.offers.findIndex((o) => o.story.id === deleted.story.id)
      if (at === -1) return { offers: [...s.offers, deleted] }
      if (deleted.reason !== 'open') return s
      return { offers: s.offers.map((o, i) => (i === at ? deleted : o)) }
    }),
  settle: (storyId) => set((s) => ({ offers: s.offers.filter((o) => o.story.id !== storyId) })),
  clear: () => set({ offers: [] }),
}))

/** The offer to show: the oldest. */
export const selectFirstOffer = (s: RescueOffers): DeletedStory | null => s.offers[0] ?? null
