import { useEffect } from 'react'
import { isLocalOrigin } from '../../sync/docConnection.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { useRescueOffers, type StoryView } from './rescueOffers.ts'
import { watchWrittenStories } from './watchWrittenStories.ts'

/** This page's view of a story, from the store's board snapshot. */
function viewOf(storyId: string): StoryView | null {
  const board = useStore.getState().board
  const story = board?.stories.get(storyId)
  return story ? { story, persona: board?.personas.get(story.personaId) ?? null } : null
}

/**
 * For the whole workshop page, in every stage, from the first visit to the Stories stage on
 * (`ui.storiesOpened`): offers back a story this device wrote in when someone else deletes it before
 * those words reached the server (see watchWrittenStories for when). The Stories stage shows the
 * offer; it waits there if the person is elsewhere.
 */
export function useWrittenStoryRescue(): void {
  const { board, boardConnection } = useWorkshopDocs()
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  useEffect(() => {
    if (!board || !boardConnection) return
    const watch = watchWrittenStories(board, {
      isLocal: isLocalOrigin,
      confirmedClock: () => boardConnection.confirmedClock(),
      view: viewOf,
      onDeleted: (deleted) => useRescueOffers.getState().offer(deleted),
    })
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (state.board !== previous.board) watch.refresh()
    })
    return () => {
      unsubscribe()
      watch.stop()
    }
  }, [board, boardConnection])
  // An offer holds the only copy of its words: it outlives a new board document (the board
  // started afresh), and goes with the workshop page.
  useEffect(() => () => useRescueOffers.getState().clear(), [workshopId])
}

/**
 * Renders nothing: keeps the stories this device writes in (see `useWrittenStoryRescue`). A chunk
 * of its own, mounted by the workshop page once the Stories stage has opened
 * (`ui.storiesOpened`): the first stage's download is not spent on it.
 */
export default function StoryRescueWatch() {
  useWrittenStoryRescue()
  return null
}
