import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteStory, earlierStartOf } from '../../../shared/doc/index.ts'
import { useStore } from '../../state/store.ts'
import { useWorkshopDocs } from '../../sync/workshopDocs.ts'
import { useAnnounce } from '../../ui/index.ts'
import type { StageProps } from '../types.ts'
import type { FirstFocus } from './StoryHeader.tsx'
import { storyOpenButtonId } from './StoryCard.tsx'
import { StoryList } from './StoryList.tsx'
import { useMyGroup } from './useMyGroup.ts'
import { rememberedOpenStory, rememberOpenStory } from './openStoryMemory.ts'
import { useStories } from './useStoriesData.ts'
import { useStoryRescue } from './useStoryRescue.ts'
import { BringBackStory } from './BringBackStory.tsx'
import './stories.css'
import './list.css'

/** The editor is the heaviest code of the stage: fetched when someone may write, never by the projector. */
const loadWorkspace = () => import('./StoryWorkspace.tsx')

/**
 * Stage 6, Future stories: each group makes the future human and concrete, a persona and a "day
 * in the life" in the horizon year, written together and live, citing the trends, consequences
 * and signals it draws on. Everyone sees every story (their group's first); the facilitator sees
 * which stories do not yet link back to a trend; the projector shows a story in large type
 * (`ScreenStories.tsx`).
 */
export default function StoriesStage({ role }: StageProps) {
  const boardOpen = useStore((s) => s.board !== null)
  if (!boardOpen) return null
  return <StoriesWorkspace role={role} />
}

function StoriesWorkspace({ role }: Pick<StageProps, 'role'>) {
  const { t } = useTranslation()
  const announce = useAnnounce()
  // Stories are written here: from now on the page keeps those written in, should one be deleted elsewhere.
  useEffect(() => useStore.getState().openedStories(), [])
  const stories = useStories()
  const { myGroupId, remember } = useMyGroup()
  const workshopId = useStore((s) => s.session?.workshopId ?? null)
  const [openId, setOpenId] = useState<string | null>(null)
  // The story this tab had open before a reload, opened as soon as it has arrived (the board may
  // still be on its way); forgotten without a word if it is not there once the board has synced.
  const [reopening, setReopening] = useState<string | null>(() => rememberedOpenStory(workshopId))
  useEffect(() => {
    if (reopening === null) rememberOpenStory(workshopId, openId)
  }, [workshopId, openId, reopening])
  const boardSynced = useStore((s) => s.connection.board.synced)
  const reopenable = reopening !== null && stories.has(reopening)
  useEffect(() => {
    if (reopening === null) return
    if (reopenable) setOpenId(reopening)
    if (reopenable || boardSynced) setReopening(null)
  }, [reopening, reopenable, boardSynced])
  const [firstFocus, setFirstFocus] = useState<FirstFocus>('back')
  // A group's first story this person started: while it is empty, someone else's earlier start wins.
  const [firstOfGroup, setFirstOfGroup] = useState<string | null>(null)
  // The first key typed makes the story this person's: the title saves only after a pause in
  // typing, so "nothing written" in the document could still be a title on its way. A ref, not
  // state: a render in the middle of the keystroke's input event lost that keystroke.
  const typedIn = useRef(false)
  const claim = () => (typedIn.current = true)
  // A new lazy component per mount: "Try again" on the stage remounts us and fetches afresh.
  const Workspace = useMemo(() => lazy(loadWorkspace), [])

  // Warm the editor's code while people read the list: opening a story is then instant, and a
  // Wi-Fi drop later does not stop them writing.
  useEffect(() => {
    void loadWorkspace().catch(() => {})
  }, [])

  const open = useCallback(
    (storyId: string) => {
      const story = useStore.getState().board?.stories.get(storyId)
      if (role === 'participant' && story) remember(story.groupId)
      setOpenId(storyId)
      setFirstFocus('back')
      setFirstOfGroup(null)
    },
    [remember, role],
  )
  const started = useCallback(
    (storyId: string, first: boolean) => {
      open(storyId)
      setFirstFocus('title')
      setFirstOfGroup(first ? storyId : null)
      typedIn.current = false
    },
    [open],
  )
  const { board } = useWorkshopDocs()
  const earlier = board && openId !== null && openId === firstOfGroup && stories.has(openId) ? earlierStartOf(board, openId) : undefined
  useEffect(() => {
    // Asked again as it happens: nothing may have been written in ours since the render.
    if (!earlier || !board || !firstOfGroup || typedIn.current || earlierStartOf(board, firstOfGroup) !== earlier) return
    // Nothing is written in ours: the group writes in the one started first, on every device.
    deleteStory(board, firstOfGroup)
    setFirstOfGroup(null)
    setOpenId(earlier)
    announce(t('stories.joinedEarlierStart'))
  }, [earlier, board, firstOfGroup, announce, t])
  const back = useCallback(() => {
    const wasOpen = openId
    setOpenId(null)
    // Back where they left: on the story's card.
    if (wasOpen) requestAnimationFrame(() => document.getElementById(storyOpenButtonId(wasOpen))?.focus())
  }, [openId])

  // Someone deleted the story this person has open: back to the list, with the story kept.
  const openStoryGone = openId !== null && !stories.has(openId)
  const rescue = useStoryRescue(openId)
  useEffect(() => {
    if (!openStoryGone) return
    setOpenId(null)
    announce(t('stories.deletedWhileOpen'))
  }, [openStoryGone, announce, t])
  const bringBack = () => {
    const storyId = rescue.bringBack()
    if (!storyId) return
    open(storyId)
    announce(t('stories.rescue.broughtBack'))
  }

  // Offered wherever the person is in the stage: the list, or another story.
  const offer = rescue.deleted && <BringBackStory key={rescue.deleted.story.id} deleted={rescue.deleted} onBringBack={bringBack} onLetGo={rescue.letGo} />
  if (openId && !openStoryGone) {
    return (
      <div className="stories__open" onInputCapture={firstOfGroup ? claim : undefined}>
        {offer}
        <Suspense fallback={<p className="stories__loading">{t('stories.opening')}</p>}>
          <Workspace key={openId} storyId={openId} role={role} firstFocus={firstFocus} onBack={back} />
        </Suspense>
      </div>
    )
  }
  return (
    <>
      {offer}
      <StoryList role={role} myGroupId={myGroupId} onOpen={open} onStarted={started} />
    </>
  )
}
