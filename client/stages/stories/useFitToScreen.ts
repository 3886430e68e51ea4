import { useLayoutEffect, type RefObject } from 'react'

/** Between these sizes (rem) the projector picks the largest at which the story fits. */
const LARGEST = 1
const SMALLEST = 0.55

/**
 * Sizes the projector's story text to the screen: a short story large, a long one smaller, so
 * the room reads all of it without anyone scrolling. Re-fits when the text or the window changes
 * (at most once a frame; six layout passes of a binary search each time).
 */
export function useFitToScreen(ref: RefObject<HTMLElement | null>, content: unknown): void {
  useLayoutEffect(() => {
    const element = ref.current
    if (!element || typeof window === 'undefined') return
    let frame = 0
    const fit = () => {
      frame = 0
      // Clear of the projector view's faded bottom edge.
      const available = window.innerHeight - element.getBoundingClientRect().top - 48
      const fits = (size: number) => {
        element.style.setProperty('--read-size', `${size}rem`)
        return element.offsetHeight <= available
      }
      if (available <= 0 || fits(LARGEST)) return
      let [low, high] = [SMALLEST, LARGEST]
      for (let step = 0; step < 6; step++) {
        const middle = (low + high) / 2
        if (fits(middle)) low = middle
        else high = middle
      }
      fits(low)
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(fit)
    }
    fit()
    window.addEventListener('resize', schedule)
    return () => {
      window.removeEventListener('resize', schedule)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [ref, content])
}
