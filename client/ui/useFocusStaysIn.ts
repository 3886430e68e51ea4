import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * Keeps the keyboard's place when the control it is on is replaced: after a render of the
 * calling component in which the element that had focus inside `container` was removed (focus
 * fell to the page), `pick` names the control to take it. Call it in the component whose render
 * replaces the control.
 *
 * Chromium sends `focusout` for an element being removed while it is still in the page, with no
 * `relatedTarget`, just as for a click on empty space; only afterwards does it tell the two apart
 * (the element is gone or not). So the hook keeps the element that last had focus inside, forgets
 * it when focus moves elsewhere (at once, or once the turn ends when the element is still there),
 * and after a render restores focus only if that element has left the page.
 *
 * @example
 * // "Next: Takeaways" becomes "Finish the workshop" on the last stage: the keyboard stays on it.
 * useFocusStaysIn(group, (el) => el.querySelector('.console-flow__finish'))
 */
export function useFocusStaysIn(container: RefObject<HTMLElement | null>, pick: (container: HTMLElement) => HTMLElement | SVGElement | null | undefined): void {
  const focused = useRef<Element | null>(null)
  useEffect(() => {
    const element = container.current
    if (!element) return
    // A control focused as it mounted (autoFocus) got focus before this listened: it counts too.
    if (document.activeElement && element.contains(document.activeElement)) focused.current = document.activeElement
    const onIn = (event: FocusEvent) => (focused.current = event.target as Element)
    const onOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null
      if (next && element.contains(next)) return
      const left = event.target as Element
      if (next) focused.current = null
      else
        queueMicrotask(() => {
          if (left.isConnected && focused.current === left) focused.current = null
        })
    }
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
    if (element && lost && focused.current && !focused.current.isConnected) {
      focused.current = null
      pick(element)?.focus()
    }
  })
}
