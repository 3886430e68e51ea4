import { useEffect, useRef, useState } from 'react'
import { useStore } from '../../state/store.ts'
import { turnPage } from './fitMath.ts'

/** How long each page stays up: time to read twenty titles from the back of the room. */
export const PAGE_TURN_MS = 20_000

/**
 * Which page of `pages` the projector shows: the next one every PAGE_TURN_MS, unless the
 * facilitator paused page turning; each "Previous page" / "Next page" from the console turns it
 * once (and the page then stays its full time). With `onShownAll`, the last page's time up calls
 * it instead of going back to the first (the projector goes on to the next wheel).
 */
export function usePageTurner(pages: number, onShownAll?: () => void): { page: number; paused: boolean } {
  const paused = useStore((s) => s.control?.screenPaging.paused === true)
  const stepSeq = useStore((s) => s.control?.screenPaging.stepSeq ?? 0)
  const stepBy = useStore((s) => s.control?.screenPaging.stepBy ?? 1)
  const [page, setPage] = useState(0)
  const seenStep = useRef(stepSeq)

  useEffect(() => {
    // A step asked for before this view opened is not this view's to take.
    if (stepSeq === seenStep.current) return
    seenStep.current = stepSeq
    setPage((current) => turnPage(current, stepBy, pages))
  }, [stepSeq, stepBy, pages])

  const shownAll = useRef(onShownAll)
  useEffect(() => {
    shownAll.current = onShownAll
  })
  const movesOn = onShownAll !== undefined
  useEffect(() => {
    if (paused || (pages <= 1 && !movesOn)) return
    const last = turnPage(page, 0, pages) >= pages - 1
    const timer = setTimeout(() => (last && shownAll.current ? shownAll.current() : setPage((current) => turnPage(current, 1, pages))), PAGE_TURN_MS)
    return () => clearTimeout(timer)
  }, [paused, pages, page, movesOn])

  return { page: turnPage(page, 0, pages), paused }
}
