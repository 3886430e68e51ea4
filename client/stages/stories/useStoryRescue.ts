import { useCallback, useEffect, useRef } from 'react'
import { createStory } from '../../../shared/doc/index.ts'
import { watchStoryDeletion } from '../../../shared/doc/stories/index.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { holdsWriting, selectFirstOffer, useRescueOffers, type StoryView } from './rescueOffers.ts'

/**
 * Keeps the open story if someone else deletes it, with whatever this device had of it: above
 * all the words its person wrote that had not reached the others yet (offline, or a moment
 * behind), which the deletion drops everywhere else, undo included. A story with nothing written
 * in it is let go without a word. The record and persona are this page's last view of them: the
 * deletion has already removed them from the document when it is noticed.
 *
 * Returns the offer to show (this one, or a story written in here and closed since, kept by
 * useWrittenStoryRescue). "Bring it back" writes it as a new story (a new id: two co-writers
 * bringing it back each keep their own words).
 */
export function useStoryRescue(openId: string | null) {
  const { board } = useWorkshopDocs()
  const story = useStore((s) => (openId ? s.board?.stories.get(openId) : undefined))
  const persona = useStore((s) => (story ? s.board?.personas.get(story.personaId) : undefined))
  const lastSeen = useRef<StoryView | null>(null)
  if (story) lastSeen.current = { story, persona: persona ?? null }
  const deleted = useRescueOffers(selectFirstOffer)

  useEffect(() => {
    if (!board || !openId) return
    return watchStoryDeletion(board, openId, (copy) => {
      const seen = lastSeen.current
      if (seen?.story.id !== openId || !holdsWriting(seen, copy.size)) return
      useRescueOffers.getState().offer({ ...seen, body: copy.body, reason: 'open' })
    })
  }, [board, openId])

  /** Writes it again as a new story; returns its id. */
  const bringBack = useCallback((): string | null => {
    const participantId = useStore.getState().participant?.id
    if (!board || !deleted || !participantId) return null
    const { story: old, persona: oldPersona, body } = deleted
    const persona = oldPersona
      ? {
          name: oldPersona.name,
          age: oldPersona.age,
          household: oldPersona.household,
          lifeSituation: oldPersona.lifeSituation,
          needs: oldPersona.needs,
          values: oldPersona.values,
        }
      : undefined
    const { storyId } = createStory(
      board,
      { title: old.title, trendIds: old.trendIds, wheelNodeIds: old.wheelNodeIds, signalIds: old.signalIds, groupId: old.groupId, persona, body },
      { participantId },
    )
    useRescueOffers.getState().settle(old.id)
    return storyId
  }, [board, deleted])

  const letGo = useCallback(() => {
    if (deleted) useRescueOffers.getState().settle(deleted.story.id)
  }, [deleted])
  return { deleted, bringBack, letGo }
}
