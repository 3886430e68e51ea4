import { useLayoutEffect, type RefObject } from 'react'

interface FitFontOptions {
  /** The CSS custom property the element's text reads its size from. */
  property: string
  /** Sizes in rem: the largest is used when the text fits at it. */
  largest: number
  smallest: number
  /**
   * Fit to the window instead of the parent box: the element must end above this share of the
   * window's height (a projector view, which nobody scrolls, whose column grows with its content).
   */
  windowShare?: number
}

/**
 * Sizes a block of text to the box it sits in: as large as it fits, never cut (the frame's focal
 * question on the projector: a short question huge, a long one smaller). Binary search over the
 * size, in a layout effect, again when the text or the box changes.
 */
export function useFitFontSize(
  ref: RefObject<HTMLElement | null>,
  content: unknown,
  { property, largest, smallest, windowShare }: FitFontOptions,
  enabled = true,
): void {
  useLayoutEffect(() => {
    const element = ref.current
    const box = element?.parentElement
    if (!enabled || !element || !box) return
    const fit = () => {
      const available = windowShare === undefined ? box.clientHeight : window.innerHeight * windowShare
      const fits = (size: number) => {
        element.style.setProperty(property, `${size}rem`)
        if (windowShare !== undefined) return element.getBoundingClientRect().bottom <= available
        return element.scrollHeight <= available && element.scrollWidth <= box.clientWidth + 1
      }
      if (available <= 0 || fits(largest)) return
      let [low, high] = [smallest, largest]
      for (let step = 0; step < 7; step++) {
        const middle = (low + high) / 2
        if (fits(middle)) low = middle
        else high = middle
      }
      fits(low)
    }
    fit()
    // Fitted to the window, the parent grows with the text: watching it would fit again on each fit.
    if (windowShare !== undefined) {
      window.addEventListener('resize', fit)
      return () => window.removeEventListener('resize', fit)
    }
    const observer = new ResizeObserver(fit)
    observer.observe(box)
    return () => observer.disconnect()
  }, [ref, content, property, largest, smallest, windowShare, enabled])
}
