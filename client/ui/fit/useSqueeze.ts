import { useLayoutEffect, type RefObject } from 'react'

/** What marks an element inside a squeezed row whose text must show whole (a name, the main button). */
const KEEP_WHOLE = 'data-keep-whole'

/** Props that mark an element `KEEP_WHOLE`: `<span {...keepWhole}>`. */
export const keepWhole = { [KEEP_WHOLE]: '' }

/**
 * Fits a toolbar row to its width by steps, as few as it needs: the element gets
 * `data-squeeze="<step> <step> …"` (every step taken so far), and the CSS hides what each step
 * hides (`.console[data-squeeze~='labels'] …`). A step is taken while the row runs past its edge
 * or anything in it marked `KEEP_WHOLE` is cut (its text wider than its box), so what the row
 * holds decides, not a guess at its width: a Signals stage with the timer running and a private
 * round holds more than a Frame stage, and Finnish labels run longer than English ones.
 *
 * Measured in a layout effect, then again when text changes (a mutation observer: the timer,
 * "3 of 12 ready", the language), before the browser paints, and when the width changes, in the
 * next frame (a step changes the row's height, and changing an observed element's size inside
 * its resize observer is an error). Each fit starts from the steps already taken: a step further
 * while something is cut, then one back to see whether it fits again, a layout of the row each.
 *
 * @example
 * useSqueeze(consoleRef, rowRef, ['labels', 'tools', 'narrow'])
 */
export function useSqueeze(host: RefObject<HTMLElement | null>, row: RefObject<HTMLElement | null>, steps: readonly string[]): void {
  useLayoutEffect(() => {
    const element = host.current
    const content = row.current
    if (!element || !content) return
    let taken = 0
    let disposed = false
    const take = (count: number) => {
      taken = count
      element.dataset.squeeze = steps.slice(0, count).join(' ')
    }
    const fit = () => {
      if (disposed) return
      take(taken)
      while (taken < steps.length && isCut(content)) take(taken + 1)
      // Room may have come free (a wider window, a shorter label): give back what fits again.
      while (taken > 0) {
        take(taken - 1)
        if (isCut(content)) {
          take(taken + 1)
          break
        }
      }
    }
    fit()
    let width = element.clientWidth
    let frame = 0
    const resized = new ResizeObserver(() => {
      // Only the width decides: a step that changes the row's height must not measure again.
      if (element.clientWidth === width) return
      width = element.clientWidth
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(fit)
    })
    resized.observe(element)
    const changed = new MutationObserver(fit)
    changed.observe(content, { childList: true, subtree: true, characterData: true })
    void document.fonts?.ready.then(fit)
    return () => {
      disposed = true
      cancelAnimationFrame(frame)
      resized.disconnect()
      changed.disconnect()
    }
  }, [host, row, steps])
}

/** Whether the row runs past its edge, or text that must show whole is cut. */
function isCut(row: HTMLElement): boolean {
  if (row.scrollWidth > row.clientWidth + 1) return true
  for (const element of row.querySelectorAll<HTMLElement>(`[${KEEP_WHOLE}]`)) {
    if (element.scrollWidth > element.clientWidth + 1 || overrunsByAFraction(element)) return true
  }
  return false
}

/**
 * Whether the element's text is wider than its box by less than the pixel scrollWidth rounds
 * away: that much already ends in "…" ("Heikot signaa…" in a box 0.3 px too narrow). The text is
 * measured exactly, as laid out (a Range over it), against the box's exact width.
 */
function overrunsByAFraction(element: HTMLElement): boolean {
  const box = element.getBoundingClientRect().width
  if (box === 0) return false
  const range = document.createRange()
  range.selectNodeContents(element)
  return range.getBoundingClientRect().width > box + 0.05
}
