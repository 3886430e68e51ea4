import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the keyboard's place when the control it is on is replaced: after a render in which the
 * element that had focus inside `container` went away (focus fell to the page), `pick` names the
 * control to take it. A browser sends no event when a focused element is removed, so whether
 * focus is inside is known from the last focusin / focusout.
 *
 * @example
 * // "Next: Takeaways" becomes "Finish the workshop" on the last stage: the keyboard stays on it.
 * useFocusStaysIn(group, (el) => el.querySelector('.console-flow__finish'))
 */
export function useFocusStaysIn(container: RefObject<HTMLElement | null>, pick: (container: HTMLElement) => HTMLElement | null): void {
  const inside = useRef(false)
  useEffect(() => {
    const element = container.current
    if (!element) return
    const onIn = () => (inside.current = true)
    const onOut = (event: FocusEvent) => (inside.current = element.contains(event.relatedTarget as Node | null))
    element.addEventListener('focusin', onIn)
    element.addEventListener('focusout', onOut)
    return () => {
      element.removeEventListener('focusin', onIn)
      element.removeEventListener('focusout', onOut)
    }
  }, [container])
  useLayoutEffect(() => {
    const element = container.current
    const lost = document.activeElement === null || document.activeElement === document.body
    if (element && inside.current && lost) pick(element)?.focus()
  })
}
